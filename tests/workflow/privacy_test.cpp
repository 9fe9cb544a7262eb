// The customer key of an export: a mobile number normalised as intake does, or an e-mail address;
// a malformed one is named, never repeated.
#include <gtest/gtest.h>

#include "workflow/privacy.hpp"

namespace kiosk {
namespace {

TEST(CustomerKey, AMobileIsNormalisedAsIntakeDoesIt) {
  for (const char* typed : {"91234567", "912 34 567", "+47 912 34 567", "0047-91234567"}) {
    const auto key = parseCustomerKey(typed);
    ASSERT_TRUE(key) << typed << ": " << key.error().message;
    EXPECT_EQ(key->mobile, "+4791234567") << typed;
    EXPECT_EQ(key->email, "");
  }
  EXPECT_EQ(parseCustomerKey("+46 70 123 45 67")->mobile, "+46701234567");
}

TEST(CustomerKey, AnEmailAddressIsKeptAsTypedButTrimmed) {
  const auto key = parseCustomerKey("  Kari@Example.no ");
  ASSERT_TRUE(key) << key.error().message;
  EXPECT_EQ(key->email, "Kari@Example.no");
  EXPECT_EQ(key->mobile, "");
}

TEST(CustomerKey, AnythingElseIsBadInputNamingTheCustomerWithoutRepeatingIt) {
  for (const char* typed : {"", "Kari Nordmann", "1234567", "kari@", "@example.no", "kari@example", "a@b@c.no"}) {
    const auto key = parseCustomerKey(typed);
    ASSERT_FALSE(key) << typed;
    EXPECT_EQ(key.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(key.error().field, "customer");
    if (*typed != '\0') {
      EXPECT_EQ(key.error().message.find(typed), std::string::npos) << key.error().message;
    }
  }
}

}  // namespace
}  // namespace kiosk
