// Booking the return with the carrier, over the real store with an in-memory carrier: nothing is
// booked for a case that cannot ship, and a second try after a failed ship step gets the same
// tracking number.
#include <gtest/gtest.h>

#include "support/sample_intake.hpp"
#include "tests/store/fake_parts_carrier.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/return_booking.hpp"

namespace kiosk::test {
namespace {

class ReturnBookingTest : public MemoryServiceTest {
 protected:
  std::string registered() {
    auto c = m_service->registerCase(macIntake("C02XK0JHJG5H"), Actor{"counter-ola", at("2026-11-24T09:00:00")});
    EXPECT_TRUE(c) << c.error().message;
    return c ? c->number : std::string();
  }
  std::string repaired() {
    const std::string n = registered();
    const Actor per{"per", at("2026-11-24T10:00:00")};
    EXPECT_TRUE(service().diagnose(n, "logic board", Damage::None, per));
    EXPECT_TRUE(service().decide(n, per));
    EXPECT_TRUE(service().inform(n, "sms", per));
    EXPECT_TRUE(service().orderParts(n, {"661-26310 Logic board"}, per));
    EXPECT_TRUE(service().receiveParts(n, per));
    EXPECT_TRUE(service().markRepaired(n, per));
    return n;
  }

  FakeCarrier carrier;
  const Actor ida{"ida", at("2026-11-25T15:00:00")};
};

TEST_F(ReturnBookingTest, ACaseThatCannotShipIsRefusedBeforeAnythingIsBooked) {
  const std::string n = registered();
  const auto refusedShip = bookAndShip(service(), carrier, n, ida);
  ASSERT_FALSE(refusedShip);
  EXPECT_EQ(refusedShip.error().kind, ErrorKind::Refused);
  EXPECT_NE(refusedShip.error().message.find("not booked"), std::string::npos) << refusedShip.error().message;
  EXPECT_EQ(carrier.calls, 0);
  EXPECT_EQ(store().load(n)->status, CaseStatus::Registered);
}

TEST_F(ReturnBookingTest, BooksToTheCasesAddressAndShipsWithTheTracking) {
  const std::string n = repaired();
  const auto shipped = bookAndShip(service(), carrier, n, ida);
  ASSERT_TRUE(shipped) << shipped.error().message;
  EXPECT_EQ(shipped->status, CaseStatus::Shipped);
  EXPECT_EQ(shipped->carrier, "Posten");
  EXPECT_EQ(shipped->tracking, carrier.bookings.at(n + "-return").tracking);
  EXPECT_EQ(carrier.lastRequest.reference, n + "-return");
  EXPECT_EQ(carrier.lastRequest.address, "Storgata 1, 0155 Oslo");
  EXPECT_EQ(carrier.lastRequest.name, "Kari Nordmann");
  EXPECT_EQ(carrier.lastRequest.mobile, "+4791234567");
  EXPECT_EQ(shipped->events.back().kind, "ship");
}

TEST_F(ReturnBookingTest, AShipStepThatFailsAfterTheBookingGetsTheSameTrackingNextTime) {
  const std::string n = repaired();
  // A wrong --at (before the case was registered) fails the ship step after the booking.
  const auto failed = bookAndShip(service(), carrier, n, Actor{"ida", at("2026-11-01T12:00:00")});
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().field, "at");
  const std::string tracking = carrier.bookings.at(n + "-return").tracking;
  EXPECT_NE(failed.error().message.find(tracking), std::string::npos) << failed.error().message;
  EXPECT_EQ(store().load(n)->status, CaseStatus::Repaired);

  const auto shipped = bookAndShip(service(), carrier, n, ida);
  ASSERT_TRUE(shipped) << shipped.error().message;
  EXPECT_EQ(shipped->tracking, tracking);
  EXPECT_EQ(carrier.calls, 2);
  EXPECT_EQ(carrier.bookings.size(), 1U);
}

TEST_F(ReturnBookingTest, ACarrierFailureLeavesTheCaseUnshipped) {
  const std::string n = repaired();
  const auto before = store().load(n);
  carrier.failNext = true;
  const auto failed = bookAndShip(service(), carrier, n, ida);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().kind, ErrorKind::Gateway);
  const auto after = store().load(n);
  EXPECT_EQ(after->version, before->version);
  EXPECT_EQ(after->status, CaseStatus::Repaired);
}

}  // namespace
}  // namespace kiosk::test
