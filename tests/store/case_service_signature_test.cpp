// Closing keeps the customer's drawn signature with the case, over the real store; the CLI's
// close without one still works, and path data that could not be drawn back is refused.
#include <gtest/gtest.h>

#include "support/sample_intake.hpp"
#include "store/sqlite_case_store.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/case_service.hpp"
#include "workflow/signature.hpp"

namespace kiosk::test {
namespace {

class SignatureTest : public MemoryServiceTest {
 protected:
  // A covered Mac taken from intake to shipped: the next step is close.
  std::string shippedMac() {
    const IntakeForm f = macIntake("C02XK0JHJG5H");
    const Actor per{"per", at("2026-11-24T10:00:00")};
    auto c = m_service->registerCase(f, Actor{"ola", at("2026-11-24T09:00:00")});
    EXPECT_TRUE(c) << c.error().message;
    if (!c) return {};
    const std::string n = c->number;
    EXPECT_TRUE(m_service->diagnose(n, "logic board", Damage::None, per));
    EXPECT_TRUE(m_service->decide(n, per));
    EXPECT_TRUE(m_service->inform(n, "sms", per));
    EXPECT_TRUE(m_service->orderParts(n, {"661-12345"}, per));
    EXPECT_TRUE(m_service->receiveParts(n, per));
    EXPECT_TRUE(m_service->markRepaired(n, per));
    EXPECT_TRUE(m_service->ship(n, "bring", "CD1", per));
    return n;
  }


};

TEST_F(SignatureTest, CloseKeepsTheDrawnSignature) {
  const std::string n = shippedMac();
  ASSERT_FALSE(n.empty());
  const std::string drawn = encodeSignature({{{10, 40}, {14, 30}, {20, 44}}, {{50, 12}, {52, 60}}});
  const auto closed = service().close(n, "Kari Nordmann", Actor{"ola", at("2026-11-27T10:00:00")}, drawn);
  ASSERT_TRUE(closed) << closed.error().message;
  EXPECT_EQ(closed->acceptanceSignature, drawn);
  const auto loaded = store().load(n);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->acceptanceSignature, "M 10 40 L 14 30 L 20 44 M 50 12 L 52 60");
  EXPECT_EQ(loaded->events.back().kind, "close");
  EXPECT_NE(loaded->events.back().detail.find("signed"), std::string::npos) << loaded->events.back().detail;
}

TEST_F(SignatureTest, CloseWithoutASignatureStillWorksForTheCli) {
  const std::string n = shippedMac();
  ASSERT_FALSE(n.empty());
  ASSERT_TRUE(service().close(n, "", Actor{"ola", at("2026-11-27T10:00:00")}));
  const auto loaded = store().load(n);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->acceptanceSignature, "");
  EXPECT_EQ(loaded->acceptedBy, "Kari Nordmann");
}

TEST_F(SignatureTest, MalformedPathDataIsRefusedAndNothingIsWritten) {
  const std::string n = shippedMac();
  ASSERT_FALSE(n.empty());
  const auto closed = service().close(n, "", Actor{"ola", at("2026-11-27T10:00:00")}, "M 1 2 Q 3 4");
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().kind, ErrorKind::BadInput);
  EXPECT_EQ(closed.error().field, "signature");
  EXPECT_EQ(store().load(n)->status, CaseStatus::Shipped);
}

}  // namespace
}  // namespace kiosk::test
