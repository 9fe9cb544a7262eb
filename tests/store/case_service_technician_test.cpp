// CaseService records who has the case: the staff member of the last bench step, over the
// real store (the column round trip is part of the promise).
#include <gtest/gtest.h>

#include "support/sample_intake.hpp"
#include "store/sqlite_case_store.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/case_service.hpp"

namespace kiosk::test {
namespace {

class TechnicianTest : public MemoryServiceTest {
 protected:
  std::string registerMac() {
    IntakeForm f = macIntake("C02XK0JHJG5H");
    f.ecase = "E-1";
    auto c = m_service->registerCase(f, Actor{"counter-ola", at("2026-11-24T09:00:00")});
    EXPECT_TRUE(c) << c.error().message;
    return c ? c->number : std::string();
  }

  std::string technicianOf(const std::string& number) {
    auto c = m_store->load(number);
    EXPECT_TRUE(c) << c.error().message;
    return c ? c->technician : std::string("?");
  }


};

TEST_F(TechnicianTest, BenchStepsTakeTheCaseAndCustomerStepsDoNot) {
  const std::string n = registerMac();
  ASSERT_FALSE(n.empty());
  EXPECT_EQ(technicianOf(n), "") << "registration does not assign a technician";

  ASSERT_TRUE(service().diagnose(n, "logic board", Damage::None, Actor{"per", at("2026-11-24T10:00:00")}));
  EXPECT_EQ(technicianOf(n), "per");
  ASSERT_TRUE(service().decide(n, Actor{"ida", at("2026-11-24T10:05:00")}));
  EXPECT_EQ(technicianOf(n), "ida");
  ASSERT_TRUE(service().inform(n, "sms", Actor{"counter-ola", at("2026-11-24T10:10:00")}));
  EXPECT_EQ(technicianOf(n), "ida") << "informing the customer is not a bench step";
  ASSERT_TRUE(service().orderParts(n, {"661-12345"}, Actor{"per", at("2026-11-24T11:00:00")}));
  EXPECT_EQ(technicianOf(n), "per");
  ASSERT_TRUE(service().receiveParts(n, Actor{"ida", at("2026-11-25T09:00:00")}));
  ASSERT_TRUE(service().markRepaired(n, Actor{"per", at("2026-11-25T12:00:00")}));
  EXPECT_EQ(technicianOf(n), "per");
  ASSERT_TRUE(service().ship(n, "bring", "CD1", Actor{"ida", at("2026-11-25T15:00:00")}));
  EXPECT_EQ(technicianOf(n), "ida");
  ASSERT_TRUE(service().close(n, "", Actor{"counter-ola", at("2026-11-27T10:00:00")}));
  EXPECT_EQ(technicianOf(n), "ida") << "closing at the counter leaves the technician";
}

TEST_F(TechnicianTest, ARefusedStepDoesNotTakeTheCase) {
  const std::string n = registerMac();
  ASSERT_FALSE(n.empty());
  EXPECT_FALSE(service().ship(n, "bring", "CD1", Actor{"per", at("2026-11-24T10:00:00")}));
  EXPECT_EQ(technicianOf(n), "");
}

}  // namespace
}  // namespace kiosk::test
