// Staff sign-in at the kiosk, headless: with no account the kiosk works as before under its
// --staff name and says how to add accounts; once accounts exist the PIN pad stands in front of
// every staff screen (not the customer status screen, F4), a right PIN opens them with the
// member's name and role in the header and the steps recorded as that member, wrong / locked /
// disabled / unknown are said in words, the sign-out button and the idle time sign out, and the
// backend itself refuses a write while nobody is signed in (and signs out a member disabled
// meanwhile at their next step, the pad saying why).
#include <gtest/gtest.h>

#include <algorithm>

#include "support/sample_intake.hpp"
#include "headless_kiosk.hpp"
#include "kiosk/screens/case_screen.hpp"
#include "kiosk/screens/sign_in_screen.hpp"

namespace kiosk::test {
namespace {

constexpr const char* kKariPin = "24681357";
constexpr const char* kPerPin = "13572468";

HeadlessOptions withStaff(std::string stationStaff = "Kari") {
  HeadlessOptions options;
  options.staff = {{"Kari", "technician", kKariPin}, {"Per", "counter", kPerPin}, {"Gone", "admin", "99887766"}};
  options.stationStaff = std::move(stationStaff);
  return options;
}

// Types the PIN into the pad's PIN field (focused when the pad shows with a name) and sends it.
void typePin(HeadlessKiosk& kiosk, const std::string& pin) {
  kiosk.frame(2);  // the PIN field takes the focus
  kiosk.type(pin);
  kiosk.press(input::Key::Enter);
  kiosk.settle();
}

float headerRow() { return ImGui::GetStyle().WindowPadding.y + ImGui::GetFrameHeight() * 0.5f; }

TEST(SignInScreen, WithNoAccountTheKioskWorksAsBeforeUnderItsStaffName) {
  HeadlessKiosk kiosk;
  kiosk.settle();
  EXPECT_FALSE(kiosk.backend().signInRequired());
  EXPECT_FALSE(kiosk.ui().gated());
  EXPECT_EQ(kiosk.backend().staff(), "Tekniker Test");
  const auto created = kiosk.backend().registerCase(macIntake()).get();
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->events.front().staff, "Tekniker Test");
}

TEST(SignInScreen, WithAccountsEveryStaffScreenShowsThePinPadButNotTheCustomerStatus) {
  HeadlessKiosk kiosk(withStaff());
  kiosk.settle();
  ASSERT_TRUE(kiosk.backend().signInRequired());
  for (const auto key : {input::Key::F1, input::Key::F2, input::Key::F3, input::Key::F5, input::Key::F6}) {
    kiosk.press(key);
    EXPECT_TRUE(kiosk.ui().gated()) << static_cast<int>(key);
  }
  kiosk.press(input::Key::F4);
  EXPECT_EQ(kiosk.screen(), ScreenId::CustomerStatus);
  EXPECT_FALSE(kiosk.ui().gated()) << "customers use F4 without anyone signed in";
  kiosk.press(input::Key::F2);
  EXPECT_TRUE(kiosk.ui().gated());
  // The pad offers the enabled accounts by name, and the --staff name first.
  kiosk.settle();
  const SignInScreen& pad = kiosk.ui().signInScreen();
  ASSERT_EQ(pad.roster().size(), 3U);
  EXPECT_EQ(pad.roster()[0].name, "Gone");
  EXPECT_EQ(pad.typedName(), "Kari");
  EXPECT_EQ(kiosk.backend().staff(), "") << "nobody's name goes on a step before a sign-in";
}

TEST(SignInScreen, TheRightPinSignsInWithTheRoleAndStepsAreRecordedAsTheMember) {
  HeadlessKiosk kiosk(withStaff());
  kiosk.settle();
  typePin(kiosk, kKariPin);
  const auto member = kiosk.backend().signedIn();
  ASSERT_TRUE(member);
  EXPECT_EQ(member->name, "Kari");
  EXPECT_EQ(member->role, StaffRole::Technician);
  EXPECT_FALSE(kiosk.ui().gated());
  EXPECT_EQ(kiosk.ui().signInScreen().typedPinLength(), 0U) << "the PIN is not kept";
  EXPECT_EQ(kiosk.backend().staff(), "Kari");

  const auto created = kiosk.service().registerCase(macIntake(), Actor{"Skranke", kiosk.clock().now()});
  ASSERT_TRUE(created) << created.error().message;
  const std::string number = created->number;
  const auto diagnosed = kiosk.backend()
                             .runStep(Step::Diagnose, [number](CaseService& service, const Actor& actor) {
                               return service.diagnose(number, "Defekt batteri", Damage::None, actor);
                             })
                             .get();
  ASSERT_TRUE(diagnosed) << diagnosed.error().message;
  EXPECT_EQ(diagnosed->events.back().staff, "Kari");
}

TEST(SignInScreen, AWrongPinIsSaidWithThePinsLeftAndTheLockInMinutes) {
  HeadlessOptions options = withStaff();
  options.gateways.staff.maxWrongPins = 2;
  HeadlessKiosk kiosk(options);
  kiosk.settle();
  typePin(kiosk, "11112222");
  EXPECT_FALSE(kiosk.backend().signedIn());
  EXPECT_EQ(kiosk.ui().signInScreen().message(), "Feil PIN-kode. 1 feil til, så låses kontoen.");
  EXPECT_EQ(kiosk.ui().signInScreen().message().find("11112222"), std::string::npos);
  typePin(kiosk, "11112222");
  EXPECT_EQ(kiosk.ui().signInScreen().message(),
            "Kontoen er låst etter for mange feil PIN-koder, i 15 minutter til. En administrator kan låse den opp før.");
  typePin(kiosk, kKariPin);
  EXPECT_FALSE(kiosk.backend().signedIn()) << "locked even for the right PIN";
  EXPECT_NE(kiosk.ui().signInScreen().message().find("låst"), std::string::npos);
  EXPECT_TRUE(kiosk.ui().gated());
}

TEST(SignInScreen, DisabledUnknownAndMalformedAreSaidInEnglishToo) {
  HeadlessOptions options = withStaff("Gone");
  options.language = "en";
  HeadlessKiosk kiosk(options);
  ASSERT_TRUE(kiosk.staff().disable("Gone"));
  kiosk.settle();
  typePin(kiosk, "99887766");
  EXPECT_EQ(kiosk.ui().signInScreen().message(), "Gone's account is disabled. Ask an admin.");
  EXPECT_FALSE(kiosk.backend().signedIn());
  typePin(kiosk, "123");
  EXPECT_EQ(kiosk.ui().signInScreen().message(), "A PIN is 6 to 32 digits. This one was not counted.");
  EXPECT_EQ((*kiosk.staff().find("Gone")).failedPins, 0);

  HeadlessKiosk other([] {
    HeadlessOptions o = withStaff("Nobody");
    o.language = "en";
    return o;
  }());
  other.settle();
  typePin(other, "12345678");
  EXPECT_EQ(other.ui().signInScreen().message(), "No staff member is called 'Nobody'.");
}

TEST(SignInScreen, TheHeaderShowsNameAndRoleAndItsButtonSignsOut) {
  HeadlessKiosk kiosk(withStaff());
  kiosk.settle();
  typePin(kiosk, kKariPin);
  ASSERT_TRUE(kiosk.backend().signedIn());
  // Six tabs, then the sign-out button on the same row.
  ASSERT_TRUE(kiosk.clickNthItemOnRow(headerRow(), 6));
  kiosk.frame(2);
  EXPECT_FALSE(kiosk.backend().signedIn());
  EXPECT_TRUE(kiosk.ui().gated());
  EXPECT_EQ(kiosk.ui().signInScreen().typedPinLength(), 0U);
}

TEST(SignInScreen, TheMemberIsSignedOutAfterTheIdleTime) {
  HeadlessKiosk kiosk(withStaff());
  auto now = std::chrono::steady_clock::now();
  kiosk.ui().setTimeSource([&now] { return now; });
  kiosk.ctx().station.staffIdleSignOut = std::chrono::minutes(2);
  kiosk.settle();
  typePin(kiosk, kKariPin);
  ASSERT_TRUE(kiosk.backend().signedIn());
  now += std::chrono::seconds(110);
  kiosk.frame(2);
  EXPECT_TRUE(kiosk.backend().signedIn()) << "not yet";
  kiosk.press(input::Key::Down);  // someone is there: the time starts again
  now += std::chrono::seconds(110);
  kiosk.frame(2);
  EXPECT_TRUE(kiosk.backend().signedIn());
  now += std::chrono::seconds(11);
  kiosk.frame(2);
  EXPECT_FALSE(kiosk.backend().signedIn());
  EXPECT_TRUE(kiosk.ui().gated());
  EXPECT_EQ(kiosk.ui().signInScreen().message(), "Logget ut etter 2 minutter uten bruk.");
}

TEST(SignInScreen, TheBackendRefusesWritesWhileNobodyIsSignedIn) {
  HeadlessKiosk kiosk(withStaff());
  kiosk.settle();
  const auto refused = kiosk.backend().registerCase(macIntake()).get();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::Refused);
  EXPECT_NE(refused.error().message.find("sign in"), std::string::npos) << refused.error().message;
  EXPECT_EQ(kiosk.service().list(CaseQuery{}).value().size(), 0U);
}

TEST(SignInScreen, AMemberDisabledWhileSignedInIsSignedOutAtTheNextStep) {
  HeadlessKiosk kiosk(withStaff());
  kiosk.settle();
  typePin(kiosk, kKariPin);
  ASSERT_TRUE(kiosk.backend().signedIn());
  ASSERT_TRUE(kiosk.staff().disable("Kari"));
  const auto created = kiosk.service().registerCase(macIntake(), Actor{"Skranke", kiosk.clock().now()});
  ASSERT_TRUE(created);
  const std::string number = created->number;
  const auto step = kiosk.backend()
                        .runStep(Step::Diagnose, [number](CaseService& service, const Actor& actor) {
                          return service.diagnose(number, "Defekt", Damage::None, actor);
                        })
                        .get();
  ASSERT_FALSE(step);
  EXPECT_EQ(step.error().kind, ErrorKind::Refused);
  EXPECT_FALSE(kiosk.backend().signedIn());
  EXPECT_EQ(kiosk.service().show(number)->status, CaseStatus::Registered);
}

// The same from the case screen: Enter opens the diagnose form, a finding, Enter sends it. The
// step is refused and the member signed out, and the pad now in front says why (before, it was
// just there, with no word of the account).
void aStepByAMemberDisabledMeanwhile(const std::string& language, const std::string& said) {
  HeadlessOptions options = withStaff();
  options.language = language;
  HeadlessKiosk kiosk(options);
  kiosk.settle();
  typePin(kiosk, kKariPin);
  ASSERT_TRUE(kiosk.backend().signedIn());
  const auto created = kiosk.service().registerCase(macIntake(), Actor{"Skranke", kiosk.clock().now()});
  ASSERT_TRUE(created);
  const std::string number = created->number;
  kiosk.ctx().nav.openCase(number);
  kiosk.settle();
  auto* screen = kiosk.screenAs<CaseScreen>();
  ASSERT_NE(screen, nullptr);
  ASSERT_FALSE(kiosk.ui().gated());
  ASSERT_TRUE(kiosk.staff().disable("Kari"));  // an admin elsewhere, as kioskctl staff disable
  ASSERT_EQ(screen->panel().offered().front(), Step::Diagnose);
  kiosk.press(input::Key::Enter);
  kiosk.settle();
  ASSERT_EQ(screen->panel().openForm(), Step::Diagnose);
  kiosk.type("Logic board dead");
  kiosk.press(input::Key::Enter);
  kiosk.settle();
  EXPECT_FALSE(kiosk.backend().signedIn()) << "the step signed the disabled member out";
  EXPECT_EQ(kiosk.backend().staff(), "");
  EXPECT_TRUE(kiosk.ui().gated()) << "the PIN pad in place of the case screen";
  EXPECT_EQ(kiosk.ui().signInScreen().message(), said);
  const auto stored = kiosk.service().show(number);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->status, CaseStatus::Registered) << "the step was not done";
  EXPECT_TRUE(std::none_of(stored->events.begin(), stored->events.end(),
                           [](const CaseEvent& e) { return e.kind == "diagnose"; }));
  EXPECT_FALSE(kiosk.backend().takeSignOutReason()) << "said once, on the pad";
}

TEST(SignInScreen, AMemberDisabledWhileSignedInIsSignedOutAtAStepOnTheCaseScreenAndThePadSaysWhy) {
  aStepByAMemberDisabledMeanwhile("nb", "Kontoen til Kari er deaktivert. Spør en administrator.");
  aStepByAMemberDisabledMeanwhile("en", "Kari's account is disabled. Ask an admin.");
}

TEST(SignInScreen, TheStationsStaffNameMustBeAnEnabledAccountOnceAnyExists) {
  HeadlessKiosk kiosk(withStaff());
  const auto unknown = kiosk.backend().checkStartStaff("Nobody");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "staff");
  ASSERT_TRUE(kiosk.staff().disable("Gone"));
  EXPECT_EQ(kiosk.backend().checkStartStaff("Gone").error().field, "staff");
  ASSERT_TRUE(kiosk.backend().checkStartStaff("kari"));
  EXPECT_EQ(kiosk.backend().stationStaff(), "Kari");
  EXPECT_FALSE(kiosk.backend().signedIn()) << "--staff signs nobody in";
  ASSERT_TRUE(kiosk.backend().checkStartStaff(""));

  HeadlessKiosk fresh;  // no accounts: any name, as before
  EXPECT_TRUE(fresh.backend().checkStartStaff("Whoever"));
  EXPECT_EQ(fresh.backend().staff(), "Whoever");
}

TEST(SignInScreen, AScanAtThePadOpensNothing) {
  HeadlessKiosk kiosk(withStaff());
  kiosk.settle();
  const auto created = kiosk.service().registerCase(macIntake(), Actor{"Skranke", kiosk.clock().now()});
  ASSERT_TRUE(created);
  kiosk.scan(created->number);
  kiosk.settle();
  EXPECT_EQ(kiosk.screen(), ScreenId::Queue);
  EXPECT_TRUE(kiosk.ui().gated());
}

TEST(SignInScreen, ScreenshotsShowTheStaffScreensAsTheStationsMemberAndThenThePad) {
  HeadlessKiosk kiosk(withStaff());
  ASSERT_EQ(kiosk.backend().signInForScreenshots("Nobody").error().field, "staff");
  ASSERT_TRUE(kiosk.backend().signInForScreenshots("kari"));
  kiosk.settle();
  EXPECT_FALSE(kiosk.ui().gated());
  EXPECT_EQ(kiosk.backend().staff(), "Kari");
  // As kiosk --screenshot ends: the pad, whoever is signed in, and it settles.
  kiosk.backend().signOut();
  kiosk.ui().showSignInPad(true);
  kiosk.ui().show(ScreenId::Queue);
  kiosk.settle();
  EXPECT_TRUE(kiosk.ui().gated());
  EXPECT_EQ(kiosk.ui().signInScreen().roster().size(), 3U);
}

TEST(SignInScreen, ACounterMemberIsNotOfferedBenchStepsAndATechnicianNoIntake) {
  HeadlessKiosk kiosk(withStaff("Per"));
  kiosk.settle();
  typePin(kiosk, kPerPin);
  ASSERT_TRUE(kiosk.backend().signedIn());
  const auto created = kiosk.backend().registerCase(macIntake()).get();
  ASSERT_TRUE(created) << "intake is the counter's: " << created.error().message;
  EXPECT_EQ(created->events.front().staff, "Per");
  kiosk.ctx().nav.openCase(created->number);
  kiosk.settle();
  auto* screen = kiosk.screenAs<CaseScreen>();
  ASSERT_NE(screen, nullptr);
  const auto& offered = screen->panel().offered();
  EXPECT_EQ(std::find(offered.begin(), offered.end(), Step::Diagnose), offered.end()) << "diagnosis is the bench's";
  const auto& notForRole = screen->panel().notForRole();
  EXPECT_NE(std::find(notForRole.begin(), notForRole.end(), Step::Diagnose), notForRole.end());
  const std::string number = created->number;
  const auto diagnosed = kiosk.backend()
                             .runStep(Step::Diagnose, [number](CaseService& service, const Actor& actor) {
                               return service.diagnose(number, "Defekt", Damage::None, actor);
                             })
                             .get();
  ASSERT_FALSE(diagnosed);
  EXPECT_EQ(diagnosed.error().kind, ErrorKind::Refused);
  EXPECT_EQ(kiosk.service().show(number)->status, CaseStatus::Registered);

  kiosk.backend().signOut();
  kiosk.backend().setStaff("Kari");
  kiosk.ui().signInScreen().onShow(kiosk.ctx());
  kiosk.frame(2);
  ASSERT_TRUE(kiosk.backend().signInRequired());
  const auto signedIn = kiosk.backend().signIn("Kari", kKariPin).get();
  ASSERT_TRUE(signedIn && signedIn->verdict == SignInVerdict::Ok);
  const auto refused = kiosk.backend().registerCase(macIntake("C02XK1ZZJGH6")).get();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::Refused);
  EXPECT_NE(refused.error().message.find("counter staff"), std::string::npos) << refused.error().message;
}

TEST(SignInScreen, EveryRoleHasItsWordInEveryLanguage) {
  for (const char* language : {"nb", "en"}) {
    const auto texts = Translations::load(KIOSK_ASSETS_DIR, language).value();
    for (const auto role : {StaffRole::Counter, StaffRole::Technician, StaffRole::Admin}) {
      const std::string key = "signin.role." + std::string(roleName(role));
      EXPECT_NE(texts.find(key), nullptr) << language << " lacks " << key;
    }
  }
}

}  // namespace
}  // namespace kiosk::test
