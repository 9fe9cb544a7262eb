// Between the keyboard and ImGui: a scanner's burst becomes one scan and types nothing into the
// focused field; a person's typing reaches ImGui in order, Enter included.
#include <gtest/gtest.h>

#include "headless_kiosk.hpp"
#include "kiosk/ui/keyboard_router.hpp"

namespace kiosk::test {
namespace {

using std::chrono::milliseconds;

std::u32string queued() {
  std::u32string text;
  for (const ImWchar c : ImGui::GetIO().InputQueueCharacters) text.push_back(c);
  return text;
}

TEST(KeyboardRouter, AScannerBurstIsOneScanAndTypesNothing) {
  HeadlessKiosk kiosk;  // an ImGui context with the kiosk's key map
  ImGui::GetIO().InputQueueCharacters.resize(0);
  KeyboardRouter router;
  auto at = WedgeClock::now();
  for (const char c : std::string("C9TX-44EP")) {
    router.character(static_cast<char32_t>(c), at);
    at += milliseconds(4);
  }
  EXPECT_TRUE(router.keyPressed(input::Key::Enter, at));  // held: it ends the burst
  const auto scans = router.frame(at + milliseconds(200));
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0], "C9TX-44EP");
  EXPECT_TRUE(queued().empty());
  EXPECT_FALSE(ImGui::GetIO().KeysDown[static_cast<int>(input::Key::Enter)]);
}

TEST(KeyboardRouter, TypingReachesImGuiInOrderWithItsEnter) {
  HeadlessKiosk kiosk;
  ImGui::GetIO().InputQueueCharacters.resize(0);
  KeyboardRouter router;
  auto at = WedgeClock::now();
  for (const char c : std::string("abc")) {
    router.character(static_cast<char32_t>(c), at);
    at += milliseconds(180);  // a person's pace
  }
  const bool enterHeld = router.keyPressed(input::Key::Enter, at);
  const auto scans = router.frame(at + milliseconds(500));
  EXPECT_TRUE(scans.empty());
  EXPECT_EQ(queued(), U"abc");
  // Enter went straight to ImGui, or was held and is replayed now: either way it arrives.
  if (enterHeld) {
    EXPECT_TRUE(ImGui::GetIO().KeysDown[static_cast<int>(input::Key::Enter)]);
    (void)router.frame(at + milliseconds(520));  // replayed keys are released the next frame
    EXPECT_FALSE(ImGui::GetIO().KeysDown[static_cast<int>(input::Key::Enter)]);
  }
}

TEST(KeyboardRouter, OtherKeysAreNeverHeld) {
  HeadlessKiosk kiosk;
  KeyboardRouter router;
  const auto at = WedgeClock::now();
  router.character(U'x', at);
  EXPECT_FALSE(router.keyPressed(input::Key::Down, at + milliseconds(2)));
  EXPECT_FALSE(router.keyPressed(input::Key::F2, at + milliseconds(3)));
}

TEST(KeyboardRouter, AScanWhileTheQueueHasTheFocusOpensTheCase) {
  HeadlessKiosk kiosk(withDemoCases(5));
  kiosk.settle();
  const auto any = kiosk.service().list(CaseQuery{}).value().front();
  KeyboardRouter router;
  auto at = WedgeClock::now();
  for (const char c : any.number) {
    router.character(static_cast<char32_t>(c), at);
    at += milliseconds(3);
  }
  ASSERT_TRUE(router.keyPressed(input::Key::Enter, at));
  for (const auto& scan : router.frame(at + milliseconds(100))) kiosk.scan(scan);
  kiosk.settle();
  EXPECT_EQ(kiosk.screen(), ScreenId::Case);
}

}  // namespace
}  // namespace kiosk::test
