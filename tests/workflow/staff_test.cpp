// The rules of staff accounts that need no store: roles, the PIN's format and names.
#include "workflow/staff.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kiosk {
namespace {

TEST(StaffRole, ReadsTheThreeRolesInAnyLetterCaseAndNamesThem) {
  EXPECT_EQ(parseStaffRole("counter"), StaffRole::Counter);
  EXPECT_EQ(parseStaffRole("Technician"), StaffRole::Technician);
  EXPECT_EQ(parseStaffRole("ADMIN"), StaffRole::Admin);
  for (const StaffRole role : {StaffRole::Counter, StaffRole::Technician, StaffRole::Admin}) {
    EXPECT_EQ(parseStaffRole(roleName(role)), role);
  }
  EXPECT_EQ(roleName(StaffRole::Technician), "technician");
}

TEST(StaffRole, AnythingElseIsBadInputNamingTheFieldAndTheRoles) {
  for (const char* text : {"", "tech", "root", "admin "}) {
    const auto role = parseStaffRole(text);
    ASSERT_FALSE(role) << text;
    EXPECT_EQ(role.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(role.error().field, "role");
    EXPECT_NE(role.error().message.find("counter, technician or admin"), std::string::npos);
  }
}

TEST(PinFormat, SixToThirtyTwoDigitsAndNothingElse) {
  EXPECT_TRUE(checkPinFormat("123456"));
  EXPECT_TRUE(checkPinFormat("000000"));
  EXPECT_TRUE(checkPinFormat(std::string(32, '7')));
  const std::vector<std::string> malformed = {"",        "12345",        "12345a",  "123 456",
                                              "-123456", "１２３４５６", "12345\n", std::string(33, '7')};
  for (const std::string& pin : malformed) {
    const auto checked = checkPinFormat(pin);
    ASSERT_FALSE(checked) << pin;
    EXPECT_EQ(checked.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(checked.error().field, "pin");
  }
}

TEST(PinFormat, TheMessageNeverQuotesThePin) {
  const auto checked = checkPinFormat("98765x");
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().message.find("98765"), std::string::npos) << checked.error().message;
  EXPECT_EQ(checked.error().message.find('x'), std::string::npos) << checked.error().message;
}

TEST(StaffName, IsTrimmedAndKeepsItsLettersAndCase) {
  EXPECT_EQ(normalizeStaffName("  Kari Nordmann\t"), "Kari Nordmann");
  EXPECT_EQ(normalizeStaffName("Øyvind Åsheim"), "Øyvind Åsheim");
}

TEST(StaffName, EmptyTooLongControlCharactersAndColonsAreRefused) {
  const std::string sixty(60, 'a');
  EXPECT_TRUE(normalizeStaffName(sixty));
  std::string sixtyAe;
  for (int i = 0; i < 60; ++i) sixtyAe += "Æ";  // 60 characters, 120 bytes
  EXPECT_TRUE(normalizeStaffName(sixtyAe));
  for (const std::string& name : {std::string(), std::string(" \t "), sixty + "a", std::string("Kari\nAdmin"),
                                 std::string("station:root"), std::string("a\x7f")}) {
    const auto normalized = normalizeStaffName(name);
    ASSERT_FALSE(normalized) << name;
    EXPECT_EQ(normalized.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(normalized.error().field, "name");
  }
  EXPECT_EQ(normalizeStaffName("", "staff").error().field, "staff");
}

}  // namespace
}  // namespace kiosk
