#pragma once
// UTF-8 text as it goes onto paper: made safe to draw (cairo refuses invalid UTF-8 for good) and
// cut at character boundaries, never inside an æ.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// Invalid UTF-8 becomes U+FFFD; control characters (tabs, newlines, escapes) become spaces.
[[nodiscard]] std::string printableText(std::string_view text);
// The text split into whole UTF-8 characters (each element one code point).
[[nodiscard]] std::vector<std::string_view> utf8Characters(std::string_view text);
// Words separated by runs of spaces; a no-break space (U+00A0) does not separate.
[[nodiscard]] std::vector<std::string> splitWords(std::string_view text);
// "Kari Nordmann" -> "Kari N.", "Kari Anne Ødegård" -> "Kari Ø.", "Cher" -> "Cher": what a
// device label shows of its owner, enough to tell two devices apart on a shelf.
[[nodiscard]] std::string shortPersonName(std::string_view fullName);

}  // namespace kiosk
