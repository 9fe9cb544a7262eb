// Customer codes: drawn from the case-number alphabet with every symbol equally likely, read back
// from what a customer types or scans, and compared without giving away how close a guess was.
#include "workflow/customer_code.hpp"

#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "workflow/case_number.hpp"

namespace kiosk {
namespace {

// Hands out the values it was given, in order, and records what it was asked for.
class ScriptedRandom final : public RandomSource {
 public:
  explicit ScriptedRandom(std::vector<std::uint32_t> values) : m_values(std::move(values)) {}
  std::uint32_t uniform(std::uint32_t upperBound) override {
    bounds.push_back(upperBound);
    return m_values.at(m_next++ % m_values.size());
  }
  std::vector<std::uint32_t> bounds;

 private:
  std::vector<std::uint32_t> m_values;
  std::size_t m_next = 0;
};

TEST(CustomerCode, EachSymbolIsOneUniformDrawFromTheCaseNumberAlphabet) {
  ScriptedRandom random({0, 22, 10, 11, 1, 2, 3, 4});
  EXPECT_EQ(newCustomerCode(random), "0XAC1234");
  EXPECT_EQ(random.bounds, std::vector<std::uint32_t>(8, 23)) << "one draw below 23 per symbol";
}

TEST(CustomerCode, DrawnCodesAreCodes) {
  ScriptedRandom random({5, 17, 22, 0, 9, 13, 1, 20, 3});
  for (int i = 0; i < 50; ++i) {
    const std::string code = newCustomerCode(random);
    EXPECT_EQ(code.size(), kCustomerCodeLength);
    EXPECT_TRUE(isCustomerCode(code)) << code;
  }
}

TEST(CustomerCode, OnlyEightSymbolsOfTheAlphabetAreACode) {
  EXPECT_TRUE(isCustomerCode("K7M2PX9A"));
  EXPECT_FALSE(isCustomerCode("K7M2PX9"));
  EXPECT_FALSE(isCustomerCode("K7M2PX9AA"));
  EXPECT_FALSE(isCustomerCode("k7m2px9a")) << "stored codes are upper case";
  EXPECT_FALSE(isCustomerCode("K7M2PX9O")) << "O is no symbol";
  EXPECT_FALSE(isCustomerCode("K7M2-X9A"));
  EXPECT_FALSE(isCustomerCode(""));
}

TEST(CustomerCode, TypedCodesAreReadAsCaseNumbersAre) {
  EXPECT_EQ(normalizeCustomerCode("K7M2PX9A").value(), "K7M2PX9A");
  EXPECT_EQ(normalizeCustomerCode("k7m2 px9a").value(), "K7M2PX9A");
  EXPECT_EQ(normalizeCustomerCode("K7M2-PX9A").value(), "K7M2PX9A");
  // Look-alike letters are the digits they resemble, as on a case number.
  EXPECT_EQ(normalizeCustomerCode("OILZSGB0").value(), "01125680");
}

TEST(CustomerCode, WhatIsNoCodeIsBadInputOnItsFieldWithoutRepeatingIt) {
  for (const std::string text : {"", "K7M2PX9", "K7M2PX9AA", "K7M2PX9!", "K7M2PX9Å", "K7M2PX9Q"}) {
    const auto code = normalizeCustomerCode(text, "code");
    ASSERT_FALSE(code) << text;
    EXPECT_EQ(code.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(code.error().field, "code");
    if (text.size() >= 7) {
      EXPECT_EQ(code.error().message.find(text.substr(0, 7)), std::string::npos)
          << "the message repeats the code: " << code.error().message;
    }
  }
}

TEST(CustomerCode, SameCodesCompareEqualAndOthersNot) {
  EXPECT_TRUE(sameCustomerCode("K7M2PX9A", "K7M2PX9A"));
  EXPECT_FALSE(sameCustomerCode("K7M2PX9A", "K7M2PX9C"));  // last symbol
  EXPECT_FALSE(sameCustomerCode("K7M2PX9A", "C7M2PX9A"));  // first symbol
  EXPECT_FALSE(sameCustomerCode("K7M2PX9A", "A9XP2M7K"));
  // Another length never matches, not even a prefix or an empty stored code.
  EXPECT_FALSE(sameCustomerCode("K7M2PX9A", "K7M2PX9"));
  EXPECT_FALSE(sameCustomerCode("K7M2PX9", "K7M2PX9"));
  EXPECT_FALSE(sameCustomerCode("", ""));
  EXPECT_FALSE(sameCustomerCode("", "K7M2PX9A"));
  EXPECT_FALSE(sameCustomerCode("K7M2PX9AX", "K7M2PX9AX"));
}

TEST(CustomerCode, EveryPositionCounts) {
  const std::string code = "K7M2PX9A";
  for (std::size_t i = 0; i < code.size(); ++i) {
    for (const char symbol : kCaseNumberAlphabet) {
      std::string other = code;
      other[i] = symbol;
      EXPECT_EQ(sameCustomerCode(code, other), other == code) << other;
    }
  }
}

TEST(CaseQrPayload, CarriesTheCodeAfterTheNumberWhenThereIsOne) {
  EXPECT_EQ(caseQrPayload("M6EM-XNNN", "K7M2PX9A"), "KIOSK-CASE:M6EM-XNNN:K7M2PX9A");
  EXPECT_EQ(caseQrPayload("M6EM-XNNN", ""), "KIOSK-CASE:M6EM-XNNN");
  EXPECT_EQ(caseQrPayload("M6EM-XNNN"), "KIOSK-CASE:M6EM-XNNN");
}

}  // namespace
}  // namespace kiosk
