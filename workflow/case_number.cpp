#include "workflow/case_number.hpp"

#include <array>
#include <optional>

namespace kiosk {
namespace {

constexpr std::uint64_t kBase = 23;
constexpr int kBodyLength = 7;
// The scramble n -> (kMultiplier * n + kOffset) mod 23^7; the multiplier is coprime to 23, so
// the map is a bijection. Its inverse multiplier is computed once below.
constexpr std::uint64_t kMultiplier = 1640531527ULL;
constexpr std::uint64_t kOffset = 918273645ULL;

constexpr std::uint64_t mulMod(std::uint64_t a, std::uint64_t b, std::uint64_t m) {
  // Both factors are below 23^7 < 2^32, so the product fits in 64 bits.
  return a * b % m;
}

constexpr std::uint64_t inverseMod(std::uint64_t a, std::uint64_t m) {
  // Extended Euclid; every value stays below 2^33, well inside 64 bits.
  std::int64_t t = 0, newT = 1, r = static_cast<std::int64_t>(m), newR = static_cast<std::int64_t>(a);
  while (newR != 0) {
    const std::int64_t q = r / newR;
    const std::int64_t nextT = t - q * newT;
    t = newT;
    newT = nextT;
    const std::int64_t nextR = r - q * newR;
    r = newR;
    newR = nextR;
  }
  if (t < 0) t += static_cast<std::int64_t>(m);
  return static_cast<std::uint64_t>(t);
}

constexpr std::uint64_t kInverseMultiplier = inverseMod(kMultiplier, kCaseNumberCapacity);
static_assert(mulMod(kMultiplier, kInverseMultiplier, kCaseNumberCapacity) == 1);

std::optional<int> symbolValue(char c) {
  const auto symbol = caseSymbol(c);
  if (!symbol) return std::nullopt;
  return static_cast<int>(kCaseNumberAlphabet.find(*symbol));
}

int checkValue(const std::array<int, kBodyLength>& body) {
  int sum = 0;
  for (int i = 0; i < kBodyLength; ++i) sum += (i + 1) * body[static_cast<std::size_t>(i)];
  // Solve sum + 8 * c = 0 (mod 23); 3 is the inverse of 8 modulo 23.
  return static_cast<int>((23 - (3 * sum) % 23) % 23);
}

}  // namespace

std::optional<char> caseSymbol(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  switch (c) {  // letters people type for the digits they resemble
    case 'O': c = '0'; break;
    case 'I': case 'L': c = '1'; break;
    case 'Z': c = '2'; break;
    case 'S': c = '5'; break;
    case 'G': c = '6'; break;
    case 'B': c = '8'; break;
    default: break;
  }
  if (kCaseNumberAlphabet.find(c) == std::string_view::npos) return std::nullopt;
  return c;
}

std::string formatCaseNumber(std::uint64_t sequence) {
  const std::uint64_t scrambled =
      (mulMod(kMultiplier, sequence % kCaseNumberCapacity, kCaseNumberCapacity) + kOffset) %
      kCaseNumberCapacity;
  std::array<int, kBodyLength> body{};
  std::uint64_t rest = scrambled;
  for (int i = kBodyLength - 1; i >= 0; --i) {
    body[static_cast<std::size_t>(i)] = static_cast<int>(rest % kBase);
    rest /= kBase;
  }
  std::string text;
  for (int i = 0; i < kBodyLength; ++i) {
    if (i == 4) text += '-';
    text += kCaseNumberAlphabet[static_cast<std::size_t>(body[static_cast<std::size_t>(i)])];
  }
  text += kCaseNumberAlphabet[static_cast<std::size_t>(checkValue(body))];
  return text;
}

Result<std::uint64_t> parseCaseNumber(std::string_view text, std::string_view field) {
  std::array<int, kBodyLength + 1> values{};
  std::size_t count = 0;
  for (const char c : text) {
    if (c == '-' || c == ' ') continue;
    const auto value = symbolValue(c);
    if (!value) {
      return badInput(std::string(field), "'" + std::string(text) + "' is not a case number: '" +
                                              std::string(1, c) + "' is not used in case numbers");
    }
    if (count == values.size()) {
      count = values.size() + 1;
      break;
    }
    values[count++] = *value;
  }
  if (count != values.size()) {
    return badInput(std::string(field), "'" + std::string(text) +
                                            "' is not a case number: it has 8 characters, like 4K7M-2PX9");
  }
  std::array<int, kBodyLength> body{};
  std::uint64_t scrambled = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    body[i] = values[i];
    scrambled = scrambled * kBase + static_cast<std::uint64_t>(values[i]);
  }
  if (checkValue(body) != values[kBodyLength]) {
    return badInput(std::string(field), "'" + std::string(text) +
                                            "' fails its check character: a character is mistyped");
  }
  const std::uint64_t sequence =
      mulMod((scrambled + kCaseNumberCapacity - kOffset) % kCaseNumberCapacity, kInverseMultiplier,
             kCaseNumberCapacity);
  if (sequence == 0) {
    // The one well-formed text that decodes to sequence 0: never issued (sequences start at 1).
    return badInput(std::string(field),
                    "'" + std::string(text) + "' is not a case number that was issued");
  }
  return sequence;
}

Result<std::string> normalizeCaseNumber(std::string_view text, std::string_view field) {
  return parseCaseNumber(text, field).map([](std::uint64_t sequence) { return formatCaseNumber(sequence); });
}

}  // namespace kiosk
