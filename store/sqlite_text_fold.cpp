#include "store/sqlite_text_fold.hpp"

#include <sqlite3.h>

#include <cstdint>

#include "store/sqlite_connection.hpp"

namespace kiosk {
namespace {

char32_t lowerLatin(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 0x20;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;                     // À..Þ except ×
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c | 1U;  // pairs: even upper
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1U) != 0 ? c + 1 : c;
  if (c == 0x178) return 0xFF;  // Ÿ
  return c;
}

void appendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

void containsFolded(sqlite3_context* context, int argc, sqlite3_value** argv) {
  // Called from C: nothing may escape, so allocation failure is reported, not thrown.
  try {
    if (argc != 2 || sqlite3_value_type(argv[0]) == SQLITE_NULL ||
        sqlite3_value_type(argv[1]) == SQLITE_NULL) {
      sqlite3_result_int(context, 0);
      return;
    }
    const auto* text = sqlite3_value_text(argv[0]);
    const std::string_view haystack(reinterpret_cast<const char*>(text),
                                    static_cast<std::size_t>(sqlite3_value_bytes(argv[0])));
    const auto* fragment = sqlite3_value_text(argv[1]);
    const std::string_view needle(reinterpret_cast<const char*>(fragment),
                                  static_cast<std::size_t>(sqlite3_value_bytes(argv[1])));
    sqlite3_result_int(context, foldCase(haystack).find(needle) != std::string::npos ? 1 : 0);
  } catch (...) {
    sqlite3_result_error_nomem(context);
  }
}

}  // namespace

std::string foldCase(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    // Only two-byte sequences hold the letters we fold; everything else is copied as is.
    if ((lead & 0xE0) == 0xC0 && i + 1 < utf8.size() &&
        (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) {
      const char32_t c =
          (static_cast<char32_t>(lead & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3FU);
      appendUtf8(out, lowerLatin(c));
      i += 2;
    } else if (lead < 0x80) {
      out += static_cast<char>(lowerLatin(lead));
      ++i;
    } else {
      out += utf8[i];
      ++i;
    }
  }
  return out;
}

void registerTextFunctions(SqliteConnection& db) {
  const int rc = sqlite3_create_function_v2(db.handle(), "kiosk_contains_folded", 2,
                                            SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                            &containsFolded, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) db.fail(rc);
}

}  // namespace kiosk
