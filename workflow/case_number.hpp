#pragma once
// Case numbers: unique, never reused, read aloud at a counter, with a check character.
//
// A number is 7 body characters and 1 check character from a 23-symbol alphabet of digits and
// letters that do not read like digits (no O, I, L, S, B, Z, G), shown as "XXXX-XXXX". The body
// is a bijective scramble of the store's sequence number, so numbers are unique exactly when
// sequence numbers are, and neighbours do not look alike. The check character makes the
// weighted sum of all eight symbol values (weights 1..8) divisible by 23, the alphabet size
// and a prime: every single wrong character and every swap of two characters is caught.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "workflow/error.hpp"

namespace kiosk {

inline constexpr std::string_view kCaseNumberAlphabet = "0123456789ACEFHJKMNPRTX";
inline constexpr std::uint64_t kCaseNumberCapacity = 3404825447ULL;  // 23^7 sequence numbers

// Sequence numbers start at 1; 0 and anything at or past the capacity are out of range.
[[nodiscard]] std::string formatCaseNumber(std::uint64_t sequence);
// Accepts any letter case, spaces and hyphens, and letters typed for look-alike digits (O for
// 0, I or L for 1, ...). Fails with a BadInput error on the field `field`.
[[nodiscard]] Result<std::string> normalizeCaseNumber(std::string_view text,
                                                      std::string_view field = "case");
[[nodiscard]] Result<std::uint64_t> parseCaseNumber(std::string_view text,
                                                    std::string_view field = "case");
// The symbol of kCaseNumberAlphabet a typed character stands for: itself in either letter case,
// or the digit a look-alike letter is typed for (O for 0, I or L for 1, ...); nothing for any
// other character. Customer codes (workflow/customer_code.hpp) are read the same way.
[[nodiscard]] std::optional<char> caseSymbol(char c);

// What the receipt's QR code and the label's barcode hold besides the bare number: the QR says
// what it is, so a scan at the counter opens the case and nothing else does by accident. The
// receipt's QR adds the customer code after a second colon ("KIOSK-CASE:M6EM-XNNN:K7M2PX9A"),
// so one scan at the counter gives both; receipts printed before codes existed hold the number
// alone, and both forms are read (scanner/scan_parser.cpp).
inline constexpr std::string_view kCaseQrPrefix = "KIOSK-CASE:";
inline constexpr char kCaseQrCodeSeparator = ':';
[[nodiscard]] inline std::string caseQrPayload(const std::string& caseNumber) {
  return std::string(kCaseQrPrefix) + caseNumber;
}
[[nodiscard]] inline std::string caseQrPayload(const std::string& caseNumber, const std::string& customerCode) {
  if (customerCode.empty()) return caseQrPayload(caseNumber);
  return caseQrPayload(caseNumber) + kCaseQrCodeSeparator + customerCode;
}

}  // namespace kiosk
