// Normalising what the counter types: serials, phone numbers, e-mail, amounts.
#include <gtest/gtest.h>

#include "workflow/field_rules.hpp"

namespace kiosk {
namespace {

TEST(FieldRules, SerialsAreUpperCaseWithoutSpaces) {
  EXPECT_EQ(*normalizeSerial("serial", " c02 xk0j hjg5h "), "C02XK0JHJG5H");
  for (const char* bad : {"", "   ", "C02-XK0JHJG5H", "ABCD", "A23456789012345678901", "C02XK0JHJG5Ø"}) {
    const auto r = normalizeSerial("serial", bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field, "serial");
    EXPECT_EQ(r.error().kind, ErrorKind::BadInput);
  }
}

TEST(FieldRules, PhoneNumbersBecomeE164) {
  EXPECT_EQ(*normalizePhone("mobile", "912 34 567"), "+4791234567");
  EXPECT_EQ(*normalizePhone("mobile", "+47 912-34-567"), "+4791234567");
  EXPECT_EQ(*normalizePhone("mobile", "0047 91234567"), "+4791234567");
  EXPECT_EQ(*normalizePhone("mobile", "+46 70 123 45 67"), "+46701234567");
  for (const char* bad : {"", "call me", "1234567", "123456789", "+47 1234", "+4712345678901", "+0 1234567",
                          "91234567x", "9123+4567"}) {
    const auto r = normalizePhone("mobile", bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field, "mobile");
  }
}

TEST(FieldRules, EmailNeedsOneAtAndADomain) {
  EXPECT_EQ(*normalizeEmail("email", " kari@example.no "), "kari@example.no");
  for (const char* bad : {"kari", "kari@", "@example.no", "kari@example", "kari@@example.no", "kari @example.no",
                          "kari@.no", "kari@example."}) {
    EXPECT_FALSE(normalizeEmail("email", bad)) << bad;
  }
}

TEST(FieldRules, AmountsInKronerBecomeOre) {
  EXPECT_EQ(*parseNok("amount-nok", "1299"), 129900);
  EXPECT_EQ(*parseNok("amount-nok", "1299.5"), 129950);
  EXPECT_EQ(*parseNok("amount-nok", "1299,50"), 129950);
  EXPECT_EQ(*parseNok("amount-nok", "0"), 0);
  EXPECT_EQ(*parseNok("amount-nok", " 450 "), 45000);
  for (const char* bad : {"", "-1", "abc", "12.345", "1.", ".5x", "1,2,3", "99999999999999999999"}) {
    const auto r = parseNok("amount-nok", bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field, "amount-nok");
  }
  EXPECT_EQ(formatNok(129950), "1299.5");
  EXPECT_EQ(formatNok(129905), "1299.05");
  EXPECT_EQ(formatNok(45000), "450");
}

TEST(FieldRules, RequiredTextIsTrimmedAndNotBlank) {
  EXPECT_EQ(*requireText("fault", "  Dead \n"), "Dead");
  EXPECT_FALSE(requireText("fault", " \t\r\n"));
}

}  // namespace
}  // namespace kiosk
