#include "workflow/customer_code.hpp"

#include <array>
#include <cstdint>

#include "workflow/case_number.hpp"

namespace kiosk {
namespace {

// The symbols, padded or cut to the code's length, and whether the length was right, without a
// branch on any symbol's value.
struct Padded {
  std::array<unsigned char, kCustomerCodeLength> symbols{};
  unsigned char lengthWrong = 0;
};

Padded padded(std::string_view code) noexcept {
  Padded p;
  p.lengthWrong = code.size() == kCustomerCodeLength ? 0 : 1;
  for (std::size_t i = 0; i < kCustomerCodeLength && i < code.size(); ++i) {
    p.symbols[i] = static_cast<unsigned char>(code[i]);
  }
  return p;
}

}  // namespace

std::string newCustomerCode(RandomSource& random) {
  std::string code;
  code.reserve(kCustomerCodeLength);
  const auto symbols = static_cast<std::uint32_t>(kCaseNumberAlphabet.size());
  for (std::size_t i = 0; i < kCustomerCodeLength; ++i) {
    const std::uint32_t value = random.uniform(symbols);
    // A source that breaks its promise must not shorten or widen the alphabet.
    code += kCaseNumberAlphabet[value % symbols];
  }
  return code;
}

bool isCustomerCode(std::string_view text) {
  if (text.size() != kCustomerCodeLength) return false;
  for (const char c : text) {
    if (kCaseNumberAlphabet.find(c) == std::string_view::npos) return false;
  }
  return true;
}

Result<std::string> normalizeCustomerCode(std::string_view text, std::string_view field) {
  std::string code;
  for (const char c : text) {
    if (c == ' ' || c == '-') continue;
    const auto symbol = caseSymbol(c);
    if (!symbol) {
      const bool printable = c > ' ' && c < 0x7f;
      return badInput(std::string(field), printable ? "'" + std::string(1, c) + "' is not used in customer codes"
                                                    : "a customer code has only letters and digits");
    }
    code += *symbol;
  }
  if (code.size() != kCustomerCodeLength) {
    return badInput(std::string(field), "a customer code has " + std::to_string(kCustomerCodeLength) +
                                            " characters (it has " + std::to_string(code.size()) +
                                            "); it is on the receipt, under the case number");
  }
  return code;
}

bool sameCustomerCode(std::string_view stored, std::string_view typed) noexcept {
  const Padded a = padded(stored);
  const Padded b = padded(typed);
  // volatile: the compiler may not stop at the first difference once the answer is known.
  volatile unsigned char difference = static_cast<unsigned char>(a.lengthWrong | b.lengthWrong);
  for (std::size_t i = 0; i < kCustomerCodeLength; ++i) {
    difference = static_cast<unsigned char>(difference | (a.symbols[i] ^ b.symbols[i]));
  }
  return difference == 0;
}

}  // namespace kiosk
