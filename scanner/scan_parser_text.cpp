// Text handling for the scan parser: a read can hold anything a barcode can encode, so every
// byte that reaches a screen or a log goes through displayText() first.
#include <cstdint>
#include <utility>

#include "scanner/scan_parser_internal.hpp"

namespace kiosk::scan {
namespace {

constexpr std::size_t kQuoteLimit = 40;

// The length of the well-formed UTF-8 sequence at `pos` and its code point, or 0 when the
// bytes there are not one (stray continuation, overlong form, surrogate, past U+10FFFF, cut).
std::size_t utf8Sequence(std::string_view text, std::size_t pos, std::uint32_t& codePoint) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  std::size_t length = 0;
  std::uint32_t min = 0;
  if (lead < 0x80) {
    codePoint = lead;
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    codePoint = lead & 0x1Fu;
    min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    codePoint = lead & 0x0Fu;
    min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    codePoint = lead & 0x07u;
    min = 0x10000;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0u) != 0x80u) return 0;
    codePoint = (codePoint << 6) | (next & 0x3Fu);
  }
  if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
    return 0;
  }
  return length;
}

// Code points that print nothing or reorder what follows: shown escaped so that a read cannot
// hide characters from the person looking at it (C1 controls, zero-width and bidi controls,
// line and paragraph separators, the byte-order mark).
bool isInvisible(std::uint32_t c) {
  return (c >= 0x80 && c <= 0x9F) || c == 0xAD || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF;
}

void appendEscaped(std::string& out, unsigned char byte) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  out += "\\x";
  out += kHex[byte >> 4];
  out += kHex[byte & 0x0Fu];
}

}  // namespace

Interpretation accept(ScanKind kind, std::string value) {
  return Interpretation{Verdict::Accepted, kind, std::move(value), {}, {}, {}};
}
Interpretation notASerial(ScanKind kind, std::string value, std::string why) {
  return Interpretation{Verdict::NotASerial, kind, std::move(value), {}, std::move(why), {}};
}
Interpretation rejected(std::string why) {
  return Interpretation{Verdict::Rejected, ScanKind::Unknown, {}, {}, std::move(why), {}};
}
Interpretation unrecognised(std::string why) {
  return Interpretation{Verdict::Unrecognised, ScanKind::Unknown, {}, {}, std::move(why), {}};
}

bool allDigits(std::string_view text) {
  for (const char c : text) {
    if (!isDigit(c)) return false;
  }
  return !text.empty();
}

bool allUpperAlnum(std::string_view text) {
  for (const char c : text) {
    if (!isUpperAlnum(c)) return false;
  }
  return !text.empty();
}

std::size_t countDigits(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += isDigit(c) ? 1U : 0U;
  return count;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string compact(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c != ' ' && c != '-') out += c;
  }
  return out;
}

std::string_view trimBlanks(std::string_view text) {
  // CR and LF too: serial-port and some wedge scanners end every read with them.
  constexpr std::string_view kBlanks = " \t\r\n";
  const auto first = text.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kBlanks);
  return text.substr(first, last - first + 1);
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != prefix[i]) return false;
  }
  return true;
}

bool isValidUtf8(std::string_view text) {
  std::uint32_t codePoint = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t length = utf8Sequence(text, pos, codePoint);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

std::string displayText(std::string_view bytes, std::size_t limit) {
  std::string out;
  std::string unit;
  std::uint32_t codePoint = 0;
  for (std::size_t pos = 0; pos < bytes.size();) {
    unit.clear();
    std::size_t length = utf8Sequence(bytes, pos, codePoint);
    if (length == 0) {
      appendEscaped(unit, static_cast<unsigned char>(bytes[pos]));
      length = 1;
    } else if (length == 1 && (isControl(bytes[pos]))) {
      appendEscaped(unit, static_cast<unsigned char>(bytes[pos]));
    } else if (length == 1 && bytes[pos] == '\\') {
      unit = "\\\\";  // so that a literal "\x41" in a read cannot pass for an escape
    } else if (isInvisible(codePoint)) {
      for (std::size_t i = 0; i < length; ++i) {
        appendEscaped(unit, static_cast<unsigned char>(bytes[pos + i]));
      }
    } else {
      unit.assign(bytes.substr(pos, length));
    }
    if (out.size() + unit.size() > limit) {
      out += "...";
      return out;
    }
    out += unit;
    pos += length;
  }
  return out;
}

std::string quote(std::string_view bytes) { return "'" + displayText(bytes, kQuoteLimit) + "'"; }

}  // namespace kiosk::scan
