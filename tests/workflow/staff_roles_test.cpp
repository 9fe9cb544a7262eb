// Which role may do what at the kiosk (workflow/staff_roles.hpp): counter staff the intake, the
// customer's answers and the hand-over; technicians the bench steps; admins everything.
#include "workflow/staff_roles.hpp"

#include <gtest/gtest.h>

namespace kiosk::test {
namespace {

TEST(StaffRoles, IntakeIsForTheCounterAndAdmins) {
  EXPECT_TRUE(roleMayRegister(StaffRole::Counter));
  EXPECT_TRUE(roleMayRegister(StaffRole::Admin));
  EXPECT_FALSE(roleMayRegister(StaffRole::Technician));
}

TEST(StaffRoles, BenchStepsAreForTechniciansAndAdmins) {
  for (const Step step : {Step::Diagnose, Step::Decide, Step::Quote, Step::OrderParts, Step::ReceiveParts,
                          Step::Repaired, Step::Dispatch, Step::Ship}) {
    EXPECT_TRUE(roleMayStep(StaffRole::Technician, step)) << stepName(step);
    EXPECT_TRUE(roleMayStep(StaffRole::Admin, step)) << stepName(step);
    EXPECT_FALSE(roleMayStep(StaffRole::Counter, step)) << stepName(step);
  }
}

TEST(StaffRoles, TheCustomersAnswersAreForBothAndTheHandOverForTheCounter) {
  for (const Step step : {Step::Inform, Step::Approve, Step::Decline}) {
    EXPECT_TRUE(roleMayStep(StaffRole::Counter, step)) << stepName(step);
    EXPECT_TRUE(roleMayStep(StaffRole::Technician, step)) << stepName(step);
  }
  EXPECT_TRUE(roleMayStep(StaffRole::Counter, Step::Close));
  EXPECT_TRUE(roleMayStep(StaffRole::Admin, Step::Close));
  EXPECT_FALSE(roleMayStep(StaffRole::Technician, Step::Close));
}

TEST(StaffRoles, AdminsMayTakeEveryStep) {
  for (const Step step : allSteps()) EXPECT_TRUE(roleMayStep(StaffRole::Admin, step)) << stepName(step);
}

TEST(StaffRoles, ARefusalSaysWhoTheMemberIsAndWhoMay) {
  EXPECT_TRUE(checkRoleMay("Kari", StaffRole::Technician, Step::Diagnose));
  const auto intake = checkRoleMay("Kari", StaffRole::Technician, std::nullopt);
  ASSERT_FALSE(intake);
  EXPECT_EQ(intake.error().kind, ErrorKind::Refused);
  EXPECT_NE(intake.error().message.find("'Kari' is technician staff"), std::string::npos) << intake.error().message;
  EXPECT_NE(intake.error().message.find("counter staff or an admin"), std::string::npos) << intake.error().message;
  const auto diagnose = checkRoleMay("Per", StaffRole::Counter, Step::Diagnose);
  ASSERT_FALSE(diagnose);
  EXPECT_NE(diagnose.error().message.find("diagnose"), std::string::npos) << diagnose.error().message;
  EXPECT_NE(diagnose.error().message.find("a technician or an admin"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::test
