#pragma once
// Customer codes: the secret on the customer's receipt that, with the case number, lets them see
// their case's status at the counter (kioskctl status, the kiosk's customer status screen).
//
// Eight symbols of the case-number alphabet (workflow/case_number.hpp: no letters that read like
// digits), drawn at random at intake: 23^8, about 7.8e10 codes, against which ten guesses per
// lockout period (workflow/customer_lookup.hpp) get nowhere. Printed and stored as the eight
// symbols without a hyphen, so a code never looks like a case number. There is no check
// character: a mistyped code is simply a wrong one.
#include <cstddef>
#include <string>
#include <string_view>

#include "workflow/error.hpp"
#include "workflow/random_source.hpp"

namespace kiosk {

inline constexpr std::size_t kCustomerCodeLength = 8;

// A fresh code, each symbol drawn uniformly from `random`.
[[nodiscard]] std::string newCustomerCode(RandomSource& random);

// Whether `text` is a code as stored: exactly eight symbols of the alphabet, upper case.
[[nodiscard]] bool isCustomerCode(std::string_view text);

// A code as typed or scanned, as stored: any letter case, spaces and hyphens dropped, look-alike
// letters read as their digits (O for 0, ...). Anything else is a BadInput on `field` that
// quotes only what makes it no code (never the code itself: it may be nearly right).
[[nodiscard]] Result<std::string> normalizeCustomerCode(std::string_view text, std::string_view field = "code");

// Whether two codes are the same, in a time that depends on neither code's content: every
// symbol is compared, with no early exit, so the time a wrong guess takes tells nothing about
// how close it was. Codes of any other length than kCustomerCodeLength never match.
[[nodiscard]] bool sameCustomerCode(std::string_view stored, std::string_view typed) noexcept;

}  // namespace kiosk
