// The relay's pure parts: the backoff between attempts (equal jitter, doubling, capped), the
// claim's lease and the channels a notifier serves.
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "workflow/outbox_relay.hpp"

namespace kiosk::test {
namespace {

TEST(Backoff, DoublesPerAttemptWithHalfOfItAtRandom) {
  const RelayPolicy p;  // 1 s initial, 5 min cap
  EXPECT_EQ(backoffDelayMs(1, p, 0.0), 500);
  EXPECT_EQ(backoffDelayMs(1, p, 0.5), 750);
  EXPECT_EQ(backoffDelayMs(1, p, 0.999), 999);
  EXPECT_EQ(backoffDelayMs(1, p, 1.0), 1000);
  EXPECT_EQ(backoffDelayMs(2, p, 0.0), 1000);
  EXPECT_EQ(backoffDelayMs(2, p, 0.5), 1500);
  EXPECT_EQ(backoffDelayMs(3, p, 0.5), 3000);
  EXPECT_EQ(backoffDelayMs(9, p, 0.0), 128'000);  // 256 s: half certain
  EXPECT_EQ(backoffDelayMs(10, p, 0.0), 150'000) << "capped at 300 s, half of it certain";
  EXPECT_EQ(backoffDelayMs(10, p, 1.0), 300'000);
  EXPECT_EQ(backoffDelayMs(1000, p, 0.5), 225'000) << "no overflow however many attempts";
}

TEST(Backoff, OddInputsStayInRange) {
  RelayPolicy p;
  EXPECT_EQ(backoffDelayMs(0, p, 0.0), 500) << "attempts below 1 count as the first";
  EXPECT_EQ(backoffDelayMs(1, p, -3.0), 500) << "random below 0 counts as 0";
  EXPECT_EQ(backoffDelayMs(1, p, 7.0), 1000) << "random above 1 counts as 1";
  EXPECT_EQ(backoffDelayMs(1, p, std::numeric_limits<double>::quiet_NaN()), 500);
  p.backoffInitialMs = 10'000;
  p.backoffMaxMs = 4'000;
  EXPECT_EQ(backoffDelayMs(1, p, 0.0), 2'000) << "the cap holds from the first attempt";
  p.backoffInitialMs = 0;
  EXPECT_EQ(backoffDelayMs(5, p, 0.5), 0);
}

TEST(RelayLease, TwoCallTimeoutsAndSlack) {
  RelayPolicy p;
  p.callTimeoutMs = 10'000;
  EXPECT_EQ(relayLeaseMs(p), 25'000);
  p.callTimeoutMs = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(relayLeaseMs(p), std::numeric_limits<std::int64_t>::max());
}

class OnlySms final : public Notifier {
 public:
  [[nodiscard]] bool configured(std::string_view channel) const override { return channel == "sms"; }
  SendOutcome send(const OutboxMessage&) override { return {SendResult::Delivered, ""}; }
};

TEST(RelayChannels, OnlyTheConfiguredOnes) {
  OnlySms notifier;
  EXPECT_EQ(configuredChannels(notifier), std::vector<std::string>{"sms"});
}

TEST(RelayPassCounts, AddUp) {
  RelayPass a{1, 2, 3, 4, 5, 6, "first"};
  const RelayPass b{1, 1, 1, 1, 1, 1, ""};
  a += b;
  EXPECT_EQ(a.claimed, 2);
  EXPECT_EQ(a.delivered, 3);
  EXPECT_EQ(a.retried, 4);
  EXPECT_EQ(a.failed, 5);
  EXPECT_EQ(a.lostClaims, 6);
  EXPECT_EQ(a.storeErrors, 7);
  EXPECT_EQ(a.lastStoreError, "first") << "an empty one keeps the last error seen";
}

}  // namespace
}  // namespace kiosk::test
