// The bench queue headless: it lists the open cases by due date, finds what is typed into its
// search box, and shows another station's new case without being asked.
#include <gtest/gtest.h>

#include <thread>

#include "support/sample_intake.hpp"
#include "headless_kiosk.hpp"
#include "kiosk/screens/queue_screen.hpp"

namespace kiosk::test {
namespace {

std::size_t openCases(HeadlessKiosk& kiosk) { return kiosk.service().list(CaseQuery{}).value().size(); }

TEST(QueueScreen, ListsEveryOpenCase) {
  HeadlessKiosk kiosk(withDemoCases(30));
  kiosk.settle();
  auto* queue = kiosk.screenAs<QueueScreen>();
  ASSERT_NE(queue, nullptr);
  ASSERT_TRUE(queue->rowCount().has_value());
  EXPECT_EQ(*queue->rowCount(), openCases(kiosk));
  EXPECT_GT(*queue->rowCount(), 0U);
}

TEST(QueueScreen, TextTypedIntoTheSearchBoxFindsTheCustomersCases) {
  HeadlessKiosk kiosk(withDemoCases(30));
  kiosk.settle();
  const auto all = kiosk.service().list(CaseQuery{}).value();
  const std::string name = all.front().customer.name;
  const std::string firstName = name.substr(0, name.find(' '));
  kiosk.type(firstName);  // the search box has the focus when the queue opens
  kiosk.press(input::Key::Enter);
  kiosk.settle();
  auto* queue = kiosk.screenAs<QueueScreen>();
  ASSERT_NE(queue, nullptr);
  ASSERT_FALSE(queue->searchResults().empty());
  for (const auto& found : queue->searchResults()) {
    EXPECT_NE(found.customer.name.find(firstName), std::string::npos) << found.customer.name;
  }
}

TEST(QueueScreen, AnotherStationsNewCaseAppearsWithoutAsking) {
  HeadlessKiosk kiosk(withDemoCases(10));
  kiosk.settle();
  const std::size_t before = *kiosk.screenAs<QueueScreen>()->rowCount();

  const IntakeForm form = macIntake();
  const auto created = kiosk.service().registerCase(form, Actor{"Skranke 2", kiosk.clock().now()});
  ASSERT_TRUE(created) << created.error().message;

  // The backend's watcher notices the store changed; the queue counts again.
  for (int i = 0; i < 200 && *kiosk.screenAs<QueueScreen>()->rowCount() == before; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    kiosk.settle();
  }
  EXPECT_EQ(*kiosk.screenAs<QueueScreen>()->rowCount(), before + 1);
}

}  // namespace
}  // namespace kiosk::test
