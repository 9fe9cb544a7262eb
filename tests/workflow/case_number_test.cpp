// Case numbers are read aloud at the counter and typed back from receipts, so the properties
// that matter are: unique per sequence number, tolerant of harmless typing differences, and
// certain to refuse a mistyped number rather than open someone else's case.
#include "workflow/case_number.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace kiosk {
namespace {

bool inAlphabet(char c) { return kCaseNumberAlphabet.find(c) != std::string_view::npos; }

// The symbol a typed character stands for, by the rules in case_number.hpp, written out here
// independently: letter case does not matter and look-alike letters read as their digits.
std::optional<char> meaningOf(char c) {
  const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::map<char, char> lookAlikes = {{'O', '0'}, {'I', '1'}, {'L', '1'}, {'Z', '2'},
                                           {'S', '5'}, {'G', '6'}, {'B', '8'}};
  const auto alias = lookAlikes.find(upper);
  const char symbol = alias != lookAlikes.end() ? alias->second : upper;
  if (!inAlphabet(symbol)) return std::nullopt;
  return symbol;
}

// "XXXX-XXXX" -> the eight symbols.
std::string symbolsOf(const std::string& number) {
  std::string out;
  for (const char c : number) {
    if (c != '-') out += c;
  }
  return out;
}

std::string withHyphen(const std::string& symbols) {
  return symbols.substr(0, 4) + "-" + symbols.substr(4);
}

void expectShape(const std::string& number, std::uint64_t sequence) {
  ASSERT_EQ(number.size(), 9U) << sequence << ": " << number;
  EXPECT_EQ(number[4], '-') << sequence << ": " << number;
  for (std::size_t i = 0; i < number.size(); ++i) {
    if (i == 4) continue;
    EXPECT_TRUE(inAlphabet(number[i])) << sequence << ": " << number << " position " << i;
  }
}

void expectRejected(const std::string& text, const char* why) {
  const auto parsed = parseCaseNumber(text);
  ASSERT_FALSE(parsed) << why << ": '" << text << "' parsed as " << *parsed;
  EXPECT_EQ(parsed.error().kind, ErrorKind::BadInput) << text;
  EXPECT_EQ(parsed.error().field, "case") << text;
}

// Numbers whose typos are checked exhaustively: the first ones issued, some around powers of
// the alphabet size (where the scrambled body's digits roll over), the last ones before the
// capacity, and a fixed pseudo-random spread (fixed seed: the test must be repeatable).
std::vector<std::uint64_t> sampleSequences() {
  std::vector<std::uint64_t> out;
  for (std::uint64_t s = 1; s <= 40; ++s) out.push_back(s);
  for (const std::uint64_t s : {22ULL, 23ULL, 24ULL, 528ULL, 529ULL, 530ULL, 12167ULL, 279841ULL,
                                6436343ULL, 148035889ULL, 99999ULL, 100000ULL, 1000000ULL}) {
    out.push_back(s);
  }
  for (std::uint64_t s = kCaseNumberCapacity - 10; s < kCaseNumberCapacity; ++s) out.push_back(s);
  std::mt19937_64 random(20260105);
  std::uniform_int_distribution<std::uint64_t> any(1, kCaseNumberCapacity - 1);
  for (int i = 0; i < 60; ++i) out.push_back(any(random));
  return out;
}

TEST(CaseNumber, AlphabetHasTwentyThreeDistinctSymbolsAndNoLookAlikes) {
  EXPECT_EQ(kCaseNumberAlphabet.size(), 23U);
  EXPECT_EQ(std::set<char>(kCaseNumberAlphabet.begin(), kCaseNumberAlphabet.end()).size(), 23U);
  for (const char c : std::string_view("OILSBZG")) EXPECT_FALSE(inAlphabet(c)) << c;
  EXPECT_EQ(kCaseNumberCapacity, 23ULL * 23 * 23 * 23 * 23 * 23 * 23);
}

TEST(CaseNumber, FirstHundredThousandRoundTripAndAreUnique) {
  std::set<std::string> seen;
  for (std::uint64_t sequence = 1; sequence <= 100000; ++sequence) {
    const std::string number = formatCaseNumber(sequence);
    expectShape(number, sequence);
    const auto parsed = parseCaseNumber(number);
    ASSERT_TRUE(parsed) << number << ": " << parsed.error().message;
    ASSERT_EQ(*parsed, sequence) << number;
    ASSERT_TRUE(seen.insert(number).second) << "duplicate " << number << " at " << sequence;
  }
}

TEST(CaseNumber, NumbersNearCapacityAndAcrossTheRangeRoundTripAndAreUnique) {
  std::map<std::string, std::uint64_t> seen;
  const auto check = [&](std::uint64_t sequence) {
    const std::string number = formatCaseNumber(sequence);
    expectShape(number, sequence);
    const auto parsed = parseCaseNumber(number);
    ASSERT_TRUE(parsed) << sequence << " " << number << ": " << parsed.error().message;
    EXPECT_EQ(*parsed, sequence) << number;
    const auto [it, inserted] = seen.emplace(number, sequence);
    EXPECT_TRUE(inserted || it->second == sequence)
        << number << " is issued to both " << it->second << " and " << sequence;
  };
  for (std::uint64_t s = kCaseNumberCapacity - 5000; s < kCaseNumberCapacity; ++s) check(s);
  // A prime stride visits every region of the 3.4 billion numbers without taking minutes.
  for (std::uint64_t s = 1; s < kCaseNumberCapacity; s += 104729) check(s);
  for (std::uint64_t s = 1; s <= 5000; ++s) check(s);
}

TEST(CaseNumber, ParseAcceptsHarmlessTypingDifferences) {
  for (const std::uint64_t sequence : sampleSequences()) {
    const std::string canonical = formatCaseNumber(sequence);
    const std::string symbols = symbolsOf(canonical);
    std::string lower;
    for (const char c : canonical)
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string spaced;
    for (const char c : symbols) spaced += std::string(1, c) + " ";
    const std::vector<std::string> variants = {
        lower,
        symbols,                                         // no hyphen
        " " + canonical + " ",                           // stray spaces around
        symbols.substr(0, 4) + " " + symbols.substr(4),  // space for the hyphen
        spaced,                                          // read out character by character
        symbols.substr(0, 2) + "-" + symbols.substr(2),  // hyphen misplaced
    };
    for (const auto& variant : variants) {
      const auto parsed = parseCaseNumber(variant);
      ASSERT_TRUE(parsed) << "'" << variant << "': " << parsed.error().message;
      EXPECT_EQ(*parsed, sequence) << variant;
      EXPECT_EQ(normalizeCaseNumber(variant), canonical) << variant;
    }
  }
}

TEST(CaseNumber, ParseReadsLookAlikeLettersAsTheirDigits) {
  const std::map<char, std::string> lookAlikes = {{'0', "Oo"}, {'1', "IiLl"}, {'2', "Zz"},
                                                  {'5', "Ss"}, {'6', "Gg"},   {'8', "Bb"}};
  std::set<char> exercised;
  for (const std::uint64_t sequence : sampleSequences()) {
    const std::string canonical = formatCaseNumber(sequence);
    for (std::size_t i = 0; i < canonical.size(); ++i) {
      const auto letters = lookAlikes.find(canonical[i]);
      if (letters == lookAlikes.end()) continue;
      for (const char letter : letters->second) {
        std::string typed = canonical;
        typed[i] = letter;
        const auto parsed = parseCaseNumber(typed);
        ASSERT_TRUE(parsed) << typed << ": " << parsed.error().message;
        EXPECT_EQ(*parsed, sequence) << typed;
        exercised.insert(letter);
      }
    }
    // Every look-alike at once.
    std::string typed = canonical;
    for (char& c : typed) {
      const auto letters = lookAlikes.find(c);
      if (letters != lookAlikes.end()) c = letters->second[0];
    }
    EXPECT_EQ(normalizeCaseNumber(typed), canonical) << typed;
  }
  // The sample must actually contain every digit that has a look-alike, or this test is hollow.
  EXPECT_EQ(exercised.size(), 14U);
}

TEST(CaseNumber, EverySingleCharacterSubstitutionIsRejected) {
  // Every character someone could type for a symbol: the alphabet, its lower case, and the
  // look-alike letters (which stand for a digit and so are a substitution unless that digit is
  // the one replaced).
  std::string typeable(kCaseNumberAlphabet);
  for (const char c : kCaseNumberAlphabet) {
    if (std::isalpha(static_cast<unsigned char>(c))) typeable += static_cast<char>(std::tolower(c));
  }
  typeable += "OoIiLlZzSsGgBb";
  int rejected = 0;
  for (const std::uint64_t sequence : sampleSequences()) {
    const std::string symbols = symbolsOf(formatCaseNumber(sequence));
    for (std::size_t i = 0; i < symbols.size(); ++i) {
      for (const char c : typeable) {
        if (meaningOf(c) == symbols[i]) continue;  // the same symbol, typed differently
        std::string typo = symbols;
        typo[i] = c;
        expectRejected(withHyphen(typo), "single substitution");
        ++rejected;
      }
    }
  }
  // 8 positions x 22 other symbols, each reachable by at least one key.
  EXPECT_GE(rejected, static_cast<int>(sampleSequences().size()) * 8 * 22);
}

TEST(CaseNumber, EveryTranspositionOfTwoCharactersIsRejected) {
  int rejected = 0;
  for (const std::uint64_t sequence : sampleSequences()) {
    const std::string symbols = symbolsOf(formatCaseNumber(sequence));
    for (std::size_t i = 0; i < symbols.size(); ++i) {
      for (std::size_t j = i + 1; j < symbols.size(); ++j) {
        if (symbols[i] == symbols[j]) continue;  // swapping equal symbols is no typo
        std::string typo = symbols;
        std::swap(typo[i], typo[j]);
        expectRejected(withHyphen(typo), "transposition");
        expectRejected(typo, "transposition");
        ++rejected;
      }
    }
  }
  EXPECT_GT(rejected, 0);
}

TEST(CaseNumber, CharactersOutsideTheAlphabetAreBadInputNamingTheCharacter) {
  const std::string number = formatCaseNumber(4711);
  for (const char c : std::string_view("DQUVWYdquvwy!#._/+*?")) {
    std::string typo = number;
    typo[2] = c;
    const auto parsed = parseCaseNumber(typo, "parent");
    ASSERT_FALSE(parsed) << typo;
    EXPECT_EQ(parsed.error().kind, ErrorKind::BadInput) << typo;
    EXPECT_EQ(parsed.error().field, "parent") << typo;
    EXPECT_NE(parsed.error().message.find(std::string("'") + c + "'"), std::string::npos)
        << parsed.error().message;
  }
  // Non-ASCII input (a Norwegian keyboard is one key away from Æ, Ø, Å).
  const auto nonAscii = parseCaseNumber("\xC3\x98" + number.substr(1));
  ASSERT_FALSE(nonAscii);
  EXPECT_EQ(nonAscii.error().kind, ErrorKind::BadInput);
  EXPECT_EQ(nonAscii.error().field, "case");
}

TEST(CaseNumber, WrongLengthIsBadInputOnTheNamedField) {
  const std::string symbols = symbolsOf(formatCaseNumber(4711));
  const std::vector<std::string> wrong = {
      "",
      "-",
      "    ",
      "----",
      symbols.substr(0, 7),
      withHyphen(symbols).substr(0, 8),
      symbols + "0",
      symbols + symbols.back(),
      withHyphen(symbols) + "-" + "K",
      symbols + symbols,
      symbols.substr(0, 1),
  };
  for (const auto& text : wrong) {
    for (const char* field : {"case", "parent-case"}) {
      const auto parsed = parseCaseNumber(text, field);
      ASSERT_FALSE(parsed) << "'" << text << "' parsed as " << *parsed;
      EXPECT_EQ(parsed.error().kind, ErrorKind::BadInput) << text;
      EXPECT_EQ(parsed.error().field, field) << text;
      EXPECT_FALSE(parsed.error().message.empty());
      const auto normalized = normalizeCaseNumber(text, field);
      ASSERT_FALSE(normalized) << text;
      EXPECT_EQ(normalized.error().field, field) << text;
    }
  }
}

TEST(CaseNumber, NoTextParsesToSequenceZero) {
  // Sequence numbers start at 1 (case_number.hpp). The scramble is a bijection onto
  // 0..capacity-1, so exactly one well-formed text decodes to 0; it names no case and must be
  // refused like any other number that was never issued, not handed on as sequence 0.
  const std::string zero = formatCaseNumber(0);
  const auto parsed = parseCaseNumber(zero);
  ASSERT_FALSE(parsed) << zero << " parsed as " << *parsed;
  EXPECT_EQ(parsed.error().kind, ErrorKind::BadInput);
  EXPECT_EQ(parsed.error().field, "case");
}

}  // namespace
}  // namespace kiosk
