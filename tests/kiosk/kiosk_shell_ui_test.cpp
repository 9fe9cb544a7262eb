// The frame around the screens: every screen registered once, F-keys and clicks on the tab bar
// switch screens, a scanned case number opens its case, the status line names the station.
#include <gtest/gtest.h>

#include <set>

#include "headless_kiosk.hpp"
#include "support/sample_intake.hpp"
#include "workflow/outbox.hpp"
#include "kiosk/screens/queue_screen.hpp"

namespace kiosk::test {
namespace {

TEST(KioskShellUi, EveryScreenIsRegisteredOnceWithATitleInBothLanguages) {
  HeadlessKiosk kiosk;
  std::set<ScreenId> ids;
  for (const auto& screen : kiosk.ui().screens()) {
    EXPECT_TRUE(ids.insert(screen->id()).second) << "screen registered twice: " << screen->titleKey();
    EXPECT_NE(kiosk.ctx().t().translations().find(screen->titleKey()), nullptr) << screen->titleKey();
  }
  EXPECT_FALSE(ids.empty());
}

TEST(KioskShellUi, StartsOnTheQueue) {
  HeadlessKiosk kiosk;
  EXPECT_EQ(kiosk.screen(), ScreenId::Queue);
}

TEST(KioskShellUi, FunctionKeysSwitchScreensInTabOrder) {
  HeadlessKiosk kiosk;
  const auto& screens = kiosk.ui().screens();
  const input::Key keys[] = {input::Key::F1, input::Key::F2, input::Key::F3,
                             input::Key::F4, input::Key::F5, input::Key::F6};
  for (std::size_t i = screens.size(); i-- > 0;) {
    kiosk.press(keys[i]);
    EXPECT_EQ(kiosk.screen(), screens[i]->id()) << "F" << (i + 1);
  }
}

TEST(KioskShellUi, AClickOnATabShowsItsScreen) {
  HeadlessKiosk kiosk;
  const auto& screens = kiosk.ui().screens();
  const float tabRow = ImGui::GetStyle().WindowPadding.y + ImGui::GetFrameHeight() * 0.5f;
  for (std::size_t i = screens.size(); i-- > 0;) {
    ASSERT_TRUE(kiosk.clickNthItemOnRow(tabRow, static_cast<int>(i))) << "no tab " << i;
    EXPECT_EQ(kiosk.screen(), screens[i]->id()) << "tab " << i;
  }
}

TEST(KioskShellUi, AScanThatIsNoSerialIsSearchedAsReadAndShownInTheQueue) {
  HeadlessKiosk kiosk(withDemoCases(12));
  kiosk.settle();
  kiosk.ctx().nav.show(ScreenId::Queue);  // not F1: the intake screen comes first and keeps its scans
  kiosk.frame();
  kiosk.scan("NO SUCH THING 42");
  kiosk.settle();
  ASSERT_EQ(kiosk.screen(), ScreenId::Queue);
  auto* queue = kiosk.screenAs<QueueScreen>();
  ASSERT_NE(queue, nullptr);
  EXPECT_TRUE(queue->searchResults().empty());
  EXPECT_EQ(queue->rowCount(), std::optional<std::size_t>(0));
}

TEST(KioskShellUi, ALockedCustomerDisplayStaysOnItsScreenWhateverIsPressedOrScanned) {
  HeadlessKiosk kiosk(withDemoCases(5));
  kiosk.settle();
  kiosk.ui().lockTo(ScreenId::CustomerStatus);
  const auto any = kiosk.service().list(CaseQuery{}).value().front();
  for (const auto key : {input::Key::F1, input::Key::F2, input::Key::F3, input::Key::F5, input::Key::F6}) {
    kiosk.press(key);
    EXPECT_EQ(kiosk.screen(), ScreenId::CustomerStatus);
  }
  kiosk.scan(any.number);          // a case number: shown as the customer's status, not the case
  kiosk.scan(any.device.serial);   // a serial: never the bench queue
  kiosk.settle();
  EXPECT_EQ(kiosk.screen(), ScreenId::CustomerStatus);
  // No tab bar to click: the row where the tabs would be has nothing that opens another screen.
  const float tabRow = ImGui::GetStyle().WindowPadding.y + ImGui::GetFrameHeight() * 0.5f;
  kiosk.clickNthItemOnRow(tabRow, 0);
  EXPECT_EQ(kiosk.screen(), ScreenId::CustomerStatus);
}

TEST(KioskShellUi, ACaseRegisteredAtTheKioskQueuesTheCustomersReceiptAsKioskctlDoes) {
  HeadlessKiosk kiosk;
  IntakeForm form = macIntake();
  form.email = "kari@example.no";
  const auto created = kiosk.backend().registerCase(form).get();
  ASSERT_TRUE(created) << created.error().message;
  OutboxQuery query;
  query.caseNumber = created->number;
  const auto queued = kiosk.store().listOutbox(query);
  ASSERT_TRUE(queued) << queued.error().message;
  ASSERT_EQ(queued->size(), 2U);  // SMS to the mobile, e-mail to the address given
  for (const auto& message : *queued) {
    EXPECT_NE(message.text.find(created->number), std::string::npos) << message.text;
    EXPECT_EQ(message.reference, outboxReference(created->number, 0, message.channel));
  }
}

}  // namespace
}  // namespace kiosk::test
