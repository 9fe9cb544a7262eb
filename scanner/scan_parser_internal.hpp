#pragma once
// The parts of the scan parser shared by its source files (scan_parser*.cpp); not a public
// interface. Split by feature: text handling, vendor value shapes, GS1 and ISO/IEC 15434
// structures, and the prefix rules that tie them together in scan_parser.cpp.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/scan_parser.hpp"

namespace kiosk::scan {

// How far an interpretation got. Only Accepted ends the search for a better one; the others
// are kept for their explanation when nothing is accepted.
enum class Verdict {
  Accepted,      // a device id or a case number
  NotASerial,    // recognised as something else: product or part number, quantity, retail code
  Rejected,      // has a kind's shape but fails its check (IMEI Luhn, case check character)
  Unrecognised,  // none of the above
};

struct Interpretation {
  Verdict verdict = Verdict::Unrecognised;
  ScanKind kind = ScanKind::Unknown;
  std::string value;        // the normalised value when kind is not Unknown
  std::string machineType;  // Lenovo 1S labels only
  std::string why;          // for every verdict but Accepted
  std::string customerCode; // a receipt's QR code only: the code after the case number
  [[nodiscard]] bool accepted() const { return verdict == Verdict::Accepted; }
  [[nodiscard]] bool informative() const { return verdict != Verdict::Unrecognised; }
};

[[nodiscard]] Interpretation accept(ScanKind kind, std::string value);
[[nodiscard]] Interpretation notASerial(ScanKind kind, std::string value, std::string why);
[[nodiscard]] Interpretation rejected(std::string why);
[[nodiscard]] Interpretation unrecognised(std::string why);

enum class Vendor { Any, Apple, Hp, Lenovo };

// --- text (scan_parser_text.cpp) ---
[[nodiscard]] constexpr bool isDigit(char c) { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
[[nodiscard]] constexpr bool isUpperAlnum(char c) { return isDigit(c) || isUpper(c); }
[[nodiscard]] constexpr bool isControl(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
}
inline constexpr char kGs = '\x1D';   // group separator: FNC1 in GS1 data, field end in 15434
inline constexpr char kRs = '\x1E';   // record separator: 15434 format envelopes
inline constexpr char kEot = '\x04';  // end of a 15434 message

[[nodiscard]] bool allDigits(std::string_view text);
[[nodiscard]] bool allUpperAlnum(std::string_view text);
[[nodiscard]] std::size_t countDigits(std::string_view text);
[[nodiscard]] std::string upper(std::string_view text);
// Without the spaces and hyphens that people type and labels print between groups.
[[nodiscard]] std::string compact(std::string_view text);
[[nodiscard]] std::string_view trimBlanks(std::string_view text);
[[nodiscard]] bool startsWithNoCase(std::string_view text, std::string_view prefix);
[[nodiscard]] bool isValidUtf8(std::string_view text);
// Printable and at most `limit` bytes plus "...": control characters, invalid UTF-8 and
// invisible formatting characters as \xNN per byte, the backslash doubled.
[[nodiscard]] std::string displayText(std::string_view bytes, std::size_t limit);
// A short printable quotation of part of a read, for warnings.
[[nodiscard]] std::string quote(std::string_view bytes);

// --- vendor value shapes (scan_parser_formats.cpp); inputs upper case, no separators ---
[[nodiscard]] bool luhnValid(std::string_view digits);
[[nodiscard]] char luhnCheckDigit(std::string_view digitsWithoutCheck);
[[nodiscard]] bool gtinValid(std::string_view digits);  // GTIN-8/12/13/14 mod-10 check digit
[[nodiscard]] bool isAppleLegacySerial(std::string_view value);
[[nodiscard]] bool isAppleRandomSerial(std::string_view value);
[[nodiscard]] bool isHpSerial(std::string_view value);
[[nodiscard]] bool isHpProductNumber(std::string_view value);
[[nodiscard]] bool isLenovoSerial(std::string_view value);
// Standalone machine type/model; `inOneS` relaxes the model shape, which the 1S label's
// structure already vouches for, and admits the older 7-character form.
[[nodiscard]] bool isLenovoMachineType(std::string_view value, bool inOneS);
[[nodiscard]] bool isPlausiblePartNumber(std::string_view value);
// A bare value (no prefix): upper case, separators removed.
[[nodiscard]] Interpretation classifyValue(std::string_view value, Vendor vendor);

// --- GS1 and ISO/IEC 15434 structures (scan_parser_gs1.cpp) ---
struct Gs1Field {
  std::string ai;
  std::string value;
};
// AIs separated by GS (FNC1); `text` starts with the first AI (any leading FNC1 removed).
[[nodiscard]] std::optional<std::vector<Gs1Field>> parseGs1Raw(std::string_view text);
// The human-readable form: (01)09501101020917(21)C02XK0JHJG5H.
[[nodiscard]] std::optional<std::vector<Gs1Field>> parseGs1Bracketed(std::string_view text);

struct EnvelopeField {
  std::string format;  // 05 (GS1 element strings) or 06 (ANSI MH10.8.2 data identifiers)
  std::string id;      // the data identifier (S, 1S, 1P, ...) or GS1 AI
  std::string value;
};
// "[)>" RS "06" GS field GS field ... RS EOT, as a Data Matrix macro or a PDF417 holds it.
[[nodiscard]] std::optional<std::vector<EnvelopeField>> parseIso15434(std::string_view text);

}  // namespace kiosk::scan
