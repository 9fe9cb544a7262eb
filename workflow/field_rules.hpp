#pragma once
// Normalising and checking the free-text fields people type at intake. Each failure names the
// field as the CLI names it.
#include <cstdint>
#include <string>
#include <string_view>

#include "workflow/error.hpp"

namespace kiosk {

[[nodiscard]] std::string trim(std::string_view text);
// Trimmed and in lower case (ASCII): for names from a fixed list, such as vendor and seller.
[[nodiscard]] std::string keyword(std::string_view text);
// Required text: not empty or whitespace only; returned trimmed.
[[nodiscard]] Result<std::string> requireText(std::string_view field, std::string_view text);
// Upper case without spaces; letters and digits only, 5-20 of them (no vendor uses more).
[[nodiscard]] Result<std::string> normalizeSerial(std::string_view field, std::string_view text);
// A phone number as E.164: "+47" and 8 digits for a Norwegian number, or "+"/"00" with a
// country code and 7-15 digits in all. Spaces, hyphens and dots between digits are allowed.
// Errors never repeat the text (a customer's number is personal data).
[[nodiscard]] Result<std::string> normalizePhone(std::string_view field, std::string_view text);
// A two-letter ISO country code in upper case: "no" -> "NO".
[[nodiscard]] Result<std::string> normalizeCountry(std::string_view field, std::string_view text);
// One '@', a dot in the domain, no spaces; trimmed, kept as typed. Errors never repeat the text.
[[nodiscard]] Result<std::string> normalizeEmail(std::string_view field, std::string_view text);
// "1299", "1299.50" or "1299,50" kroner, never negative; in øre.
[[nodiscard]] Result<std::int64_t> parseNok(std::string_view field, std::string_view text);
[[nodiscard]] std::string formatNok(std::int64_t ore);  // "1299.5" style, no trailing zeros
// Letters and digits only (for the search that decides what a typed text is).
[[nodiscard]] std::string upperAlnum(std::string_view text);

}  // namespace kiosk
