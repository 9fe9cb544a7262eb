#include "scanner/print_text.hpp"

#include <cstdint>

namespace kiosk {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

// The length of the valid UTF-8 sequence at `i`, or 0 when it is not one (overlong forms,
// surrogates and code points past U+10FFFF included).
std::size_t sequenceLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(s[k]); };
  const std::uint8_t b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2;
    cp = b0 & 0x1Fu;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3;
    cp = b0 & 0x0Fu;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4;
    cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  const std::uint32_t minimum = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
  if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Upper case for ASCII and Latin-1 letters (æøå, é, ü): the initials Norwegian names start with.
std::string upperInitial(std::string_view character) {
  std::string out(character);
  if (out.size() == 1 && out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  } else if (out.size() == 2 && static_cast<unsigned char>(out[0]) == 0xC3) {
    const auto low = static_cast<unsigned char>(out[1]);
    if (low >= 0xA0 && low <= 0xBE && low != 0xB7) out[1] = static_cast<char>(low - 0x20);  // U+00E0.. -> U+00C0..
  }
  return out;
}

}  // namespace

std::string printableText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t n = sequenceLength(text, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else if (n == 1) {
      const auto c = static_cast<unsigned char>(text[i]);
      out += (c < 0x20 || c == 0x7F) ? ' ' : text[i];
      ++i;
    } else {
      // C1 control characters (U+0080-U+009F) print as nothing useful either.
      const bool c1 = n == 2 && static_cast<unsigned char>(text[i]) == 0xC2 &&
                      static_cast<unsigned char>(text[i + 1]) < 0xA0;
      out += c1 ? std::string_view(" ") : text.substr(i, n);
      i += n;
    }
  }
  return out;
}

std::vector<std::string_view> utf8Characters(std::string_view text) {
  std::vector<std::string_view> chars;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t n = sequenceLength(text, i);
    const std::size_t len = n == 0 ? 1 : n;
    chars.push_back(text.substr(i, len));
    i += len;
  }
  return chars;
}

std::vector<std::string> splitWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string shortPersonName(std::string_view fullName) {
  std::string cleaned = printableText(fullName);
  // A no-break space inside a name still separates given name and surname here.
  for (std::size_t at = cleaned.find(kNoBreakSpace); at != std::string::npos; at = cleaned.find(kNoBreakSpace)) {
    cleaned.replace(at, kNoBreakSpace.size(), " ");
  }
  const auto words = splitWords(cleaned);
  if (words.empty()) return {};
  if (words.size() == 1) return words.front();
  return words.front() + " " + upperInitial(utf8Characters(words.back()).front()) + ".";
}

}  // namespace kiosk
