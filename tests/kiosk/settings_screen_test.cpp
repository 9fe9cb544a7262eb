// The settings screen headless, through clicks, typing and Enter: the language switches every
// screen's texts at once; a bad printer address is refused naming the field; the staff member
// signed in here is the one the next workflow step records.
#include <gtest/gtest.h>

#include "headless_kiosk.hpp"
#include "kiosk/screens/settings_screen.hpp"

namespace kiosk::test {
namespace {

SettingsScreen& openSettings(HeadlessKiosk& kiosk) {
  kiosk.ui().show(ScreenId::Settings);
  kiosk.settle();
  auto* settings = kiosk.screenAs<SettingsScreen>();
  if (settings == nullptr) throw std::runtime_error("the settings screen is not showing");
  return *settings;
}

void clickControl(HeadlessKiosk& kiosk, SettingsScreen& settings, const std::string& name) {
  const auto at = settings.controlAt(name);
  ASSERT_TRUE(at.has_value()) << name << " was not drawn";
  kiosk.clickAt(at->x, at->y);
}

// Clicks a text field, replaces what it holds and presses Enter.
void typeInto(HeadlessKiosk& kiosk, SettingsScreen& settings, const std::string& name, const std::string& text) {
  clickControl(kiosk, settings, name);
  kiosk.pressWithCtrl(input::Key::A);
  kiosk.press(input::Key::Delete);
  kiosk.type(text);
  kiosk.press(input::Key::Enter);
  kiosk.settle();
}

TEST(SettingsScreen, SwitchingTheLanguageSwitchesTheTextsOfEveryScreen) {
  HeadlessKiosk kiosk(withDemoCases(10));
  SettingsScreen& settings = openSettings(kiosk);
  const auto nb = Translations::load(KIOSK_ASSETS_DIR, "nb").value();
  const auto en = Translations::load(KIOSK_ASSETS_DIR, "en").value();
  ASSERT_EQ(std::string(kiosk.ctx().t()("queue.title")), *nb.find("queue.title"));

  clickControl(kiosk, settings, "language.en");
  kiosk.settle();

  EXPECT_EQ(kiosk.ctx().t().language(), "en");
  EXPECT_EQ(std::string(kiosk.ctx().t()("queue.title")), "Queue");
  for (const auto& screen : kiosk.ui().screens()) {
    const std::string key(screen->titleKey());
    ASSERT_NE(en.find(key), nullptr) << key;
    EXPECT_EQ(std::string(kiosk.ctx().t()(key)), *en.find(key)) << key;
    kiosk.ui().show(screen->id());  // every screen draws in English
    kiosk.settle();
  }

  // And back.
  SettingsScreen& again = openSettings(kiosk);
  clickControl(kiosk, again, "language.nb");
  kiosk.settle();
  EXPECT_EQ(std::string(kiosk.ctx().t()("queue.title")), *nb.find("queue.title"));
}

TEST(SettingsScreen, AnInvalidPrinterAddressShowsAnErrorNamingTheField) {
  HeadlessKiosk kiosk;
  SettingsScreen& settings = openSettings(kiosk);

  typeInto(kiosk, settings, "printer", "zebra-1:99999");
  ASSERT_TRUE(settings.printerError().has_value());
  EXPECT_EQ(settings.printerError()->field, kiosk.ctx().t()("settings.printer_address"));
  EXPECT_NE(settings.printerError()->message.find("99999"), std::string::npos) << settings.printerError()->message;
  EXPECT_EQ(kiosk.ctx().station.labelPrinter, "") << "a refused address is not used";

  typeInto(kiosk, settings, "printer", "zebra-1");
  EXPECT_FALSE(settings.printerError().has_value());
  EXPECT_EQ(kiosk.ctx().station.labelPrinter, "zebra-1:9100");
}

TEST(SettingsScreen, TheStaffMemberSignedInHereIsTheOneTheNextStepRecords) {
  HeadlessKiosk kiosk(withDemoCases(20));
  SettingsScreen& settings = openSettings(kiosk);
  typeInto(kiosk, settings, "staff", "Åse Tekniker");
  EXPECT_EQ(kiosk.backend().staff(), "Åse Tekniker");

  CaseQuery registered;
  registered.status = CaseStatus::Registered;
  const auto waiting = kiosk.service().list(registered).value();
  ASSERT_FALSE(waiting.empty());
  const std::string number = waiting.front().number;
  auto diagnosed = kiosk.backend()
                       .runStep(Step::Diagnose, [number](CaseService& service, const Actor& actor) {
                         return service.diagnose(number, "Defekt batteri", Damage::None, actor);
                       })
                       .get();
  ASSERT_TRUE(diagnosed) << diagnosed.error().message;
  const auto stored = kiosk.service().show(number).value();
  ASSERT_FALSE(stored.events.empty());
  EXPECT_EQ(stored.events.back().staff, "Åse Tekniker");
}

}  // namespace
}  // namespace kiosk::test
