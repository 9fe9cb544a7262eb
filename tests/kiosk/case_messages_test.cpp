// The case screen's messages tab: the customer's messages of the open case with their status,
// and a failed one tried again with a click.
#include <gtest/gtest.h>

#include "gateways/loopback_server.hpp"
#include "case_walks.hpp"
#include "headless_kiosk.hpp"
#include "kiosk/screens/case_screen.hpp"
#include "support/sample_intake.hpp"
#include "workflow/outbox_store.hpp"

namespace kiosk::test {
namespace {

// Registered at this station: the receipt goes by SMS and by e-mail.
std::string registerAtTheCounter(HeadlessKiosk& kiosk) {
  IntakeForm form = macIntake();
  form.email = "kari@example.no";
  auto created = kiosk.backend().registerCase(form).get();
  EXPECT_TRUE(created) << created.error().message;
  return created ? created->number : std::string();
}

// What a relay does when the SMS gateway refuses the number for good.
void parkTheSms(HeadlessKiosk& kiosk) {
  auto& outbox = dynamic_cast<OutboxStore&>(kiosk.store());
  OutboxClaim claim;
  claim.relay = "test-relay";
  claim.nowMs = 1'800'000'000'000;
  claim.leaseMs = 60'000;
  claim.channels = {"sms"};
  auto claimed = outbox.claimOutbox(claim);
  ASSERT_TRUE(claimed) << claimed.error().message;
  ASSERT_EQ(claimed->size(), 1u);
  OutboxOutcome failed;
  failed.id = claimed->front().id;
  failed.relay = "test-relay";
  failed.status = OutboxStatus::Failed;
  failed.lastError = "sms gateway answered 400: unknown number";
  failed.atMs = claim.nowMs + 100;
  auto recorded = outbox.recordOutboxOutcome(failed);
  ASSERT_TRUE(recorded && *recorded);
}

TEST(CaseMessages, TheOpenCaseShowsItsMessagesAndWhetherThereIsAGateway) {
  HeadlessKiosk kiosk;
  const std::string number = registerAtTheCounter(kiosk);
  kiosk.scan(number);
  kiosk.settle();
  const auto& messages = kiosk.screenAs<CaseScreen>()->messages().messages();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].channel, "sms");
  EXPECT_EQ(messages[1].channel, "email");
  for (const auto& m : messages) EXPECT_EQ(m.status, OutboxStatus::Queued);
  const GatewayChannels gateways = kiosk.backend().gateways();
  EXPECT_FALSE(gateways.sms || gateways.email) << "a test kiosk has no --config: messages wait";
}

TEST(CaseMessages, AFailedMessageIsTriedAgainFromItsTab) {
  HeadlessKiosk kiosk;
  const std::string number = registerAtTheCounter(kiosk);
  parkTheSms(kiosk);
  kiosk.scan(number);
  kiosk.settle();
  auto* screen = kiosk.screenAs<CaseScreen>();
  ASSERT_EQ(screen->messages().messages().front().status, OutboxStatus::Failed);
  EXPECT_FALSE(screen->messages().firstRetryButton()) << "the timeline tab shows first";

  // The second tab of the row: the messages.
  ASSERT_TRUE(kiosk.clickNthItemOnRow(screen->historyTabsAt().y + ImGui::GetFontSize() / 2, 1));
  kiosk.frame(2);
  const auto retry = screen->messages().firstRetryButton();
  ASSERT_TRUE(retry) << "no try-again button on the failed SMS";
  kiosk.clickAt(retry->x, retry->y);
  kiosk.settle();

  const auto& after = screen->messages().messages();
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after.front().status, OutboxStatus::Queued);
  EXPECT_EQ(after.front().attempts, 0) << "a fresh budget of attempts";
  EXPECT_FALSE(screen->messages().firstRetryButton());
}

TEST(CaseMessages, WithACarrierTheReturnIsBookedFromTheShipFormAndTheCustomerToldItsTracking) {
  LoopbackServer carrier(pythonServer("parts_carrier_server.py", {"carrier-token"}));
  HeadlessOptions options;
  options.gateways.carrier = HttpGatewayConfig{carrier.url("http"), "carrier-token", 5000, ""};
  HeadlessKiosk kiosk(options);
  const std::string number = registerAtTheCounter(kiosk);
  const Actor per{"per", kiosk.clock().now()};
  ASSERT_TRUE(walkCoveredMacToRepaired(kiosk.service(), number, per));
  kiosk.scan(number);
  kiosk.settle();
  kiosk.press(input::Key::Enter);  // the likeliest step: ship, its form open
  kiosk.settle();
  ASSERT_EQ(kiosk.screenAs<CaseScreen>()->panel().openForm(), Step::Ship);
  kiosk.pressWithCtrl(input::Key::B);
  kiosk.settle();

  auto shipped = kiosk.store().load(number);
  ASSERT_TRUE(shipped) << shipped.error().message;
  EXPECT_EQ(shipped->status, CaseStatus::Shipped);
  EXPECT_FALSE(shipped->carrier.empty());
  EXPECT_FALSE(shipped->tracking.empty()) << "the carrier's tracking number is stored";
  OutboxQuery tracking;
  tracking.caseNumber = number;
  auto messages = kiosk.store().listOutbox(tracking);
  ASSERT_TRUE(messages);
  EXPECT_NE(messages->back().text.find(shipped->tracking), std::string::npos) << messages->back().text;
}

}  // namespace
}  // namespace kiosk::test
