// The case screen's "Show passcode", headless: the button only for a signed-in technician on an
// open case that holds a passcode (other roles get a line, a closed case or one without a
// passcode nothing); a wrong PIN is refused in words and shows nothing, and one answered locked or
// disabled also signs the member out (the pad says why); the right one shows the
// passcode until the hide time (a fake clock) or the Hide button; another case, another screen,
// a sign-out and the idle sign-out wipe it at once; every attempt is a "passcode-read" event on
// the case's timeline; the passcode reaches neither standard output, standard error nor an event,
// and the typed PIN is gone from the screen and from ImGui's copies once it is sent.
#include <gtest/gtest.h>

#include <imgui_internal.h>

#include <algorithm>
#include <chrono>

#include "case_walks.hpp"
#include "headless_kiosk.hpp"
#include "kiosk/screens/case_screen.hpp"
#include "support/sample_intake.hpp"
#include "workflow/audit.hpp"
#include "workflow/passcode_service.hpp"

namespace kiosk::test {
namespace {

constexpr const char* kPasscode = "Lykke-4817";
constexpr const char* kKariPin = "24681357";  // technician
constexpr const char* kPerPin = "13572468";   // counter
constexpr const char* kAdaPin = "99887766";   // admin

HeadlessOptions withStaff() {
  HeadlessOptions options;
  options.staff = {{"Kari", "technician", kKariPin}, {"Per", "counter", kPerPin}, {"Ada", "admin", kAdaPin}};
  options.stationStaff = "Kari";
  return options;
}

// A case registered at the counter (another station) with the customer's passcode, or none.
std::string registerCase(HeadlessKiosk& kiosk, const std::string& passcode, const std::string& serial = "C02XK1ZZJGH5") {
  IntakeForm form = macIntake(serial);
  form.passcode = passcode;
  const auto created = kiosk.service().registerCase(form, Actor{"Skranke 2", kiosk.clock().now()});
  EXPECT_TRUE(created) << created.error().message;
  return created ? created->number : std::string();
}

void signIn(HeadlessKiosk& kiosk, const std::string& name, const std::string& pin) {
  const auto answer = kiosk.backend().signIn(name, pin).get();
  ASSERT_TRUE(answer && answer->verdict == SignInVerdict::Ok) << name;
  kiosk.settle();
}

CaseScreen& caseScreen(HeadlessKiosk& kiosk) {
  return dynamic_cast<CaseScreen&>(kiosk.ui().screen(ScreenId::Case));
}

CasePasscode& passcode(HeadlessKiosk& kiosk) { return caseScreen(kiosk).passcode(); }

void openCase(HeadlessKiosk& kiosk, const std::string& number) {
  kiosk.ctx().nav.openCase(number);
  kiosk.frame();
  kiosk.settle();
  ASSERT_EQ(kiosk.screen(), ScreenId::Case);
  ASSERT_FALSE(kiosk.ui().gated());
  ASSERT_TRUE(caseScreen(kiosk).shownCase());
  ASSERT_EQ(caseScreen(kiosk).shownCase()->number, number);
}

// Clicks "Show passcode", types the PIN into the prompt (which has the keyboard) and sends it.
void askWithPin(HeadlessKiosk& kiosk, const std::string& pin) {
  if (!passcode(kiosk).promptOpen()) {
    ASSERT_TRUE(passcode(kiosk).offered());
    const ImVec2 at = passcode(kiosk).buttonAt();
    kiosk.clickAt(at.x, at.y);
    ASSERT_TRUE(passcode(kiosk).promptOpen());
  }
  kiosk.frame(2);  // the PIN field takes the keyboard
  kiosk.type(pin);
  kiosk.press(input::Key::Enter);
  kiosk.settle();
}

std::vector<CaseEvent> passcodeReads(HeadlessKiosk& kiosk, const std::string& number) {
  const auto c = kiosk.service().show(number);
  EXPECT_TRUE(c) << c.error().message;
  std::vector<CaseEvent> reads;
  if (!c) return reads;
  std::copy_if(c->events.begin(), c->events.end(), std::back_inserter(reads),
               [](const CaseEvent& e) { return e.kind == kPasscodeReadEvent; });
  return reads;
}

// Every copy ImGui holds of what was typed into a text field, as text.
std::string imguiTextCopies() {
  const ImGuiInputTextState& state = GImGui->InputTextState;
  std::string all;
  for (int i = 0; i < state.TextW.Capacity; ++i) all += static_cast<char>(state.TextW.Data[i] & 0x7f);
  all.append(state.TextA.Data, static_cast<std::size_t>(state.TextA.Capacity));
  all.append(state.InitialTextA.Data, static_cast<std::size_t>(state.InitialTextA.Capacity));
  const auto& queue = ImGui::GetIO().InputQueueCharacters;
  for (int i = 0; i < queue.Capacity; ++i) all += static_cast<char>(queue.Data[i] & 0x7f);
  return all;
}

// Whether `text` holds any 4 characters in a row of `secret` (a copy overwritten only at its
// start still gives the rest away).
bool holdsPartOf(const std::string& text, const std::string& secret) {
  for (std::size_t i = 0; i + 4 <= secret.size(); ++i) {
    if (text.find(secret.substr(i, 4)) != std::string::npos) return true;
  }
  return false;
}

TEST(CasePasscode, OnlyASignedInTechnicianGetsTheButtonOnAnOpenCaseWithAPasscode) {
  HeadlessKiosk kiosk(withStaff());
  const std::string withCode = registerCase(kiosk, kPasscode);
  const std::string without = registerCase(kiosk, "", "C02XK1ZZJGH6");
  const std::string closed = registerCase(kiosk, kPasscode, "C02XK1ZZJGH7");
  const Actor bench{"Bjørn", kiosk.clock().now()};
  ASSERT_TRUE(walkCoveredMacToRepaired(kiosk.service(), closed, bench));
  ASSERT_TRUE(kiosk.service().ship(closed, "Bring", "CD1", bench));
  ASSERT_TRUE(kiosk.service().close(closed, "Kari Nordmann", bench));

  signIn(kiosk, "Kari", kKariPin);
  openCase(kiosk, withCode);
  EXPECT_TRUE(passcode(kiosk).offered());
  EXPECT_FALSE(passcode(kiosk).saidNotForRole());
  openCase(kiosk, without);
  EXPECT_FALSE(passcode(kiosk).offered()) << "no passcode was given";
  EXPECT_FALSE(passcode(kiosk).saidNotForRole());
  openCase(kiosk, closed);
  EXPECT_FALSE(passcode(kiosk).offered()) << "a closed case's passcode is erased";
  EXPECT_FALSE(passcode(kiosk).saidNotForRole());

  for (const auto& [name, pin] : {std::pair{"Per", kPerPin}, std::pair{"Ada", kAdaPin}}) {
    kiosk.backend().signOut();
    kiosk.frame();
    signIn(kiosk, name, pin);
    openCase(kiosk, withCode);
    EXPECT_FALSE(passcode(kiosk).offered()) << name;
    EXPECT_TRUE(passcode(kiosk).saidNotForRole()) << name << ": the screen says who may read it";
  }
  EXPECT_TRUE(passcodeReads(kiosk, withCode).empty()) << "looking is no attempt";

  HeadlessKiosk noAccounts;  // the kiosk as before staff accounts: nobody can prove a PIN
  const std::string number = registerCase(noAccounts, kPasscode);
  openCase(noAccounts, number);
  EXPECT_FALSE(passcode(noAccounts).offered());
  EXPECT_TRUE(passcode(noAccounts).saidNotForRole());
}

TEST(CasePasscode, AWrongPinIsRefusedInWordsShowsNothingAndIsOnTheTimeline) {
  HeadlessOptions options = withStaff();
  options.gateways.staff.maxWrongPins = 2;
  HeadlessKiosk kiosk(options);
  const std::string number = registerCase(kiosk, kPasscode);
  signIn(kiosk, "Kari", kKariPin);
  openCase(kiosk, number);

  askWithPin(kiosk, "11112222");
  EXPECT_EQ(passcode(kiosk).message(), "Feil PIN-kode. 1 feil til, så låses kontoen.");
  EXPECT_TRUE(passcode(kiosk).shown().empty());
  EXPECT_TRUE(passcode(kiosk).promptOpen()) << "ready for another try";
  EXPECT_TRUE(kiosk.backend().signedIn()) << "a wrong PIN short of the lock keeps the session";
  EXPECT_FALSE(kiosk.ui().gated());
  auto reads = passcodeReads(kiosk, number);
  ASSERT_EQ(reads.size(), 1U);
  EXPECT_EQ(reads[0].staff, "Kari");
  EXPECT_EQ(reads[0].detail, "refused: wrong PIN");
  EXPECT_EQ(reads[0].detail.find(kPasscode), std::string::npos);
  EXPECT_EQ(passcode(kiosk).message().find("11112222"), std::string::npos);

  askWithPin(kiosk, "123");
  EXPECT_EQ(passcode(kiosk).message(), "En PIN-kode har 6 til 32 sifre. Denne ble ikke telt.");
  EXPECT_EQ(passcodeReads(kiosk, number).size(), 1U) << "a malformed PIN is nobody's: nothing counted or written";
  EXPECT_TRUE(kiosk.backend().signedIn());
  EXPECT_EQ(kiosk.staff().find("Kari")->failedPins, 1);
}

// Someone guessing PINs at an unattended signed-in station: the PIN that locks the account ends
// the session as the sign-out button would, and the pad that then shows says why.
TEST(CasePasscode, ThePinThatLocksTheAccountSignsTheMemberOutAndThePadSaysWhy) {
  HeadlessOptions options = withStaff();
  options.gateways.staff.maxWrongPins = 2;
  HeadlessKiosk kiosk(options);
  const std::string number = registerCase(kiosk, kPasscode);
  signIn(kiosk, "Kari", kKariPin);
  openCase(kiosk, number);

  askWithPin(kiosk, "11112222");
  ASSERT_TRUE(kiosk.backend().signedIn()) << "not yet locked: still signed in";
  ASSERT_TRUE(passcode(kiosk).promptOpen());
  askWithPin(kiosk, "11112222");
  EXPECT_FALSE(kiosk.backend().signedIn()) << "the PIN that locked the account ended the session";
  EXPECT_EQ(kiosk.backend().staff(), "") << "nobody to attribute a step to";
  EXPECT_TRUE(kiosk.ui().gated()) << "the PIN pad in place of the case screen";
  EXPECT_EQ(kiosk.ui().signInScreen().message(),
            "Kontoen er låst etter for mange feil PIN-koder, i 15 minutter til. En administrator kan låse den opp før.");
  EXPECT_FALSE(passcode(kiosk).promptOpen()) << "the prompt went with the session";
  EXPECT_TRUE(passcode(kiosk).message().empty());
  const auto kari = kiosk.staff().find("Kari");
  ASSERT_TRUE(kari);
  EXPECT_TRUE(isLocked(*kari, systemUtcMs()));
  const auto reads = passcodeReads(kiosk, number);
  ASSERT_EQ(reads.size(), 2U);
  EXPECT_EQ(reads[1].detail, "refused: the account is locked after wrong PINs");

  // The case screen's steps are out of reach: Enter goes to the pad (no form opens, no step
  // runs), and the backend refuses a step with nobody signed in.
  kiosk.press(input::Key::Enter);
  kiosk.settle();
  EXPECT_TRUE(kiosk.ui().gated());
  EXPECT_FALSE(caseScreen(kiosk).panel().openForm());
  const auto step = kiosk.backend()
                        .runStep(Step::Diagnose, [number](CaseService& service, const Actor& actor) {
                          return service.diagnose(number, "Defekt", Damage::None, actor);
                        })
                        .get();
  ASSERT_FALSE(step);
  EXPECT_EQ(step.error().kind, ErrorKind::Refused);
  EXPECT_EQ(kiosk.service().show(number)->status, CaseStatus::Registered);
  EXPECT_FALSE(kiosk.backend().takeSignOutReason()) << "said once, on the pad";
}

TEST(CasePasscode, AnAccountDisabledSinceTheSignInIsSignedOutAtItsRead) {
  HeadlessKiosk kiosk(withStaff());
  const std::string number = registerCase(kiosk, kPasscode);
  signIn(kiosk, "Kari", kKariPin);
  openCase(kiosk, number);
  ASSERT_TRUE(kiosk.staff().disable("Kari"));  // an admin elsewhere, as kioskctl staff disable
  askWithPin(kiosk, kKariPin);
  EXPECT_TRUE(passcode(kiosk).shown().empty()) << "the right PIN of a disabled account reads nothing";
  EXPECT_FALSE(kiosk.backend().signedIn());
  EXPECT_TRUE(kiosk.ui().gated());
  EXPECT_EQ(kiosk.ui().signInScreen().message(), "Kontoen til Kari er deaktivert. Spør en administrator.");
  EXPECT_FALSE(passcode(kiosk).promptOpen());
  const auto reads = passcodeReads(kiosk, number);
  ASSERT_EQ(reads.size(), 1U);
  EXPECT_EQ(reads[0].detail, "refused: the account is disabled");
}

TEST(CasePasscode, TheRightPinShowsThePasscodeUntilTheHideTimeThenItIsGone) {
  HeadlessKiosk kiosk(withStaff());
  auto now = std::chrono::steady_clock::now();
  passcode(kiosk).setTimeSource([&now] { return now; });
  kiosk.ctx().station.passcodeShownFor = std::chrono::seconds(30);
  const std::string number = registerCase(kiosk, kPasscode);
  signIn(kiosk, "Kari", kKariPin);
  openCase(kiosk, number);

  askWithPin(kiosk, kKariPin);
  EXPECT_EQ(passcode(kiosk).shown(), kPasscode);
  EXPECT_FALSE(passcode(kiosk).promptOpen());
  EXPECT_TRUE(passcode(kiosk).message().empty());
  const auto reads = passcodeReads(kiosk, number);
  ASSERT_EQ(reads.size(), 1U);
  EXPECT_EQ(reads[0].staff, "Kari");
  EXPECT_EQ(reads[0].detail, "read by Kari");
  EXPECT_EQ(kiosk.service().show(number)->status, CaseStatus::Registered)
      << "the Enter that sent the PIN ran no step";
  EXPECT_FALSE(caseScreen(kiosk).panel().openForm()) << "nor opened the highlighted step's form";
  ASSERT_TRUE(kiosk.ctx().wakeAt) << "a frame is asked for when it must go, with no input";

  now += std::chrono::seconds(29);
  kiosk.frame(2);
  EXPECT_EQ(passcode(kiosk).shown(), kPasscode);
  now += std::chrono::seconds(2);
  kiosk.frame();
  EXPECT_TRUE(passcode(kiosk).shown().empty());
  EXPECT_TRUE(passcode(kiosk).offered()) << "the button is back for another read";

  // The Hide button: sooner.
  askWithPin(kiosk, kKariPin);
  ASSERT_EQ(passcode(kiosk).shown(), kPasscode);
  const ImVec2 hide = passcode(kiosk).buttonAt();
  kiosk.clickAt(hide.x, hide.y);
  EXPECT_TRUE(passcode(kiosk).shown().empty());
  EXPECT_EQ(passcodeReads(kiosk, number).size(), 2U);
}

TEST(CasePasscode, AnotherCaseAnotherScreenOrEscapeClosesThePromptAndWipesThePasscode) {
  HeadlessKiosk kiosk(withStaff());
  const std::string first = registerCase(kiosk, kPasscode);
  const std::string second = registerCase(kiosk, "0000", "C02XK1ZZJGH6");
  signIn(kiosk, "Kari", kKariPin);
  openCase(kiosk, first);
  askWithPin(kiosk, kKariPin);
  ASSERT_EQ(passcode(kiosk).shown(), kPasscode);

  openCase(kiosk, second);
  EXPECT_TRUE(passcode(kiosk).shown().empty()) << "another case shown: gone at once";
  EXPECT_TRUE(passcode(kiosk).offered());
  openCase(kiosk, first);
  EXPECT_TRUE(passcode(kiosk).shown().empty()) << "and not back with its case";

  askWithPin(kiosk, kKariPin);
  ASSERT_EQ(passcode(kiosk).shown(), kPasscode);
  kiosk.press(input::Key::F2);
  EXPECT_EQ(kiosk.screen(), ScreenId::Queue);
  EXPECT_TRUE(passcode(kiosk).shown().empty()) << "the case screen left: gone at once";

  // The prompt: Escape closes it and stays on the case.
  openCase(kiosk, first);
  kiosk.clickAt(passcode(kiosk).buttonAt().x, passcode(kiosk).buttonAt().y);
  ASSERT_TRUE(passcode(kiosk).promptOpen());
  kiosk.frame(2);
  kiosk.type("2468");
  kiosk.press(input::Key::Escape);
  EXPECT_FALSE(passcode(kiosk).promptOpen());
  ASSERT_TRUE(caseScreen(kiosk).shownCase()) << "Escape closed the prompt, not the case";
  EXPECT_FALSE(holdsPartOf(imguiTextCopies(), "2468")) << "the PIN typed so far went with it";
  EXPECT_EQ(passcodeReads(kiosk, first).size(), 2U) << "a cancelled prompt sent nothing";
}

TEST(CasePasscode, SigningOutOrTheIdleSignOutWipesItAtOnce) {
  HeadlessKiosk kiosk(withStaff());
  auto now = std::chrono::steady_clock::now();
  kiosk.ui().setTimeSource([&now] { return now; });
  passcode(kiosk).setTimeSource([&now] { return now; });
  kiosk.ctx().station.staffIdleSignOut = std::chrono::minutes(2);
  kiosk.ctx().station.passcodeShownFor = std::chrono::minutes(10);  // longer: the sign-out must wipe it
  const std::string number = registerCase(kiosk, kPasscode);
  signIn(kiosk, "Kari", kKariPin);
  openCase(kiosk, number);

  askWithPin(kiosk, kKariPin);
  ASSERT_EQ(passcode(kiosk).shown(), kPasscode);
  now += std::chrono::minutes(2) + std::chrono::seconds(1);
  kiosk.frame();
  EXPECT_FALSE(kiosk.backend().signedIn());
  EXPECT_TRUE(passcode(kiosk).shown().empty()) << "idle sign-out";
  kiosk.press(input::Key::Down);  // someone at the station again: the idle time starts anew

  // The header's sign-out button (six tabs, then it), with the prompt open and a PIN half typed.
  signIn(kiosk, "Kari", kKariPin);
  openCase(kiosk, number);
  askWithPin(kiosk, kKariPin);
  ASSERT_EQ(passcode(kiosk).shown(), kPasscode);
  const float headerRow = ImGui::GetStyle().WindowPadding.y + ImGui::GetFrameHeight() * 0.5f;
  ASSERT_TRUE(kiosk.clickNthItemOnRow(headerRow, 6));
  EXPECT_FALSE(kiosk.backend().signedIn());
  EXPECT_TRUE(passcode(kiosk).shown().empty()) << "signed out";

  signIn(kiosk, "Kari", kKariPin);
  openCase(kiosk, number);
  kiosk.clickAt(passcode(kiosk).buttonAt().x, passcode(kiosk).buttonAt().y);
  ASSERT_TRUE(passcode(kiosk).promptOpen());
  kiosk.backend().signOut();  // as the backend does when it finds the account disabled at a step
  kiosk.frame();
  EXPECT_FALSE(passcode(kiosk).promptOpen());
  // The next member at the station starts with the button, not the last one's prompt.
  signIn(kiosk, "Kari", kKariPin);
  openCase(kiosk, number);
  EXPECT_FALSE(passcode(kiosk).promptOpen());
  EXPECT_TRUE(passcode(kiosk).offered());
}

TEST(CasePasscode, NeitherThePasscodeNorThePinIsLeftInOutputEventsOrImGui) {
  HeadlessKiosk kiosk(withStaff());
  const std::string number = registerCase(kiosk, kPasscode);
  signIn(kiosk, "Kari", kKariPin);
  openCase(kiosk, number);
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  askWithPin(kiosk, "11113333");
  ASSERT_TRUE(passcode(kiosk).promptOpen());
  EXPECT_FALSE(holdsPartOf(imguiTextCopies(), "11113333")) << "a refused PIN: ImGui's copies went when it was sent";
  askWithPin(kiosk, kKariPin);
  const bool shown = passcode(kiosk).shown() == kPasscode;
  kiosk.frame(3);
  const std::string out = testing::internal::GetCapturedStdout();
  const std::string err = testing::internal::GetCapturedStderr();
  ASSERT_TRUE(shown);
  for (const std::string& secret : {std::string(kPasscode), std::string(kKariPin), std::string("11113333")}) {
    EXPECT_EQ(out.find(secret), std::string::npos) << "stdout";
    EXPECT_EQ(err.find(secret), std::string::npos) << "stderr";
    EXPECT_FALSE(holdsPartOf(imguiTextCopies(), secret)) << "ImGui keeps no copy of what was typed";
  }
  const auto c = kiosk.service().show(number);
  ASSERT_TRUE(c);
  for (const auto& e : c->events) EXPECT_EQ(e.detail.find(kPasscode), std::string::npos) << e.kind;
  EXPECT_NE(c->intake.passcode, kPasscode) << "still sealed in the store";
}

TEST(CasePasscode, TheBackendReadsForTheSignedInMemberOnly) {
  HeadlessKiosk kiosk(withStaff());
  const std::string number = registerCase(kiosk, kPasscode);
  kiosk.settle();
  const auto nobody = kiosk.backend().readPasscode(number, std::make_shared<SecretText>(kKariPin)).get();
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().kind, ErrorKind::Refused);
  EXPECT_TRUE(passcodeReads(kiosk, number).empty()) << "nothing counted, nothing written";
  EXPECT_EQ(kiosk.staff().find("Kari")->failedPins, 0);

  signIn(kiosk, "Per", kPerPin);
  const auto counter = kiosk.backend().readPasscode(number, std::make_shared<SecretText>(kPerPin)).get();
  ASSERT_TRUE(counter) << counter.error().message;
  EXPECT_EQ(counter->verdict, PasscodeReadVerdict::NotTechnician);
  EXPECT_TRUE(counter->passcode.empty());
  // The PIN given is judged as the signed-in member's, whoever's it is.
  auto pin = std::make_shared<SecretText>(kKariPin);
  const auto others = kiosk.backend().readPasscode(number, pin).get();
  ASSERT_TRUE(others);
  EXPECT_EQ(others->verdict, PasscodeReadVerdict::Refused);
  EXPECT_EQ(others->signIn.verdict, SignInVerdict::WrongPin);
  EXPECT_TRUE(pin->empty()) << "the PIN is wiped once judged";
  const auto reads = passcodeReads(kiosk, number);
  ASSERT_EQ(reads.size(), 2U);
  EXPECT_EQ(reads[0].staff, "Per");
  EXPECT_EQ(reads[1].staff, "Per");

  // Each attempt is in the audit log too, as kioskctl's are; the refused one with nobody signed in
  // is not (nothing was judged).
  const auto logged = dynamic_cast<AuditLog&>(kiosk.store()).listAuditEntries(0, 0);
  ASSERT_TRUE(logged) << logged.error().message;
  std::vector<AuditEntry> passcodeEntries;
  std::copy_if(logged->begin(), logged->end(), std::back_inserter(passcodeEntries),
               [](const AuditEntry& e) { return e.kind == kPasscodeReadEvent; });
  ASSERT_EQ(passcodeEntries.size(), 2U);
  EXPECT_EQ(passcodeEntries[0].staff, "Per");
  EXPECT_EQ(passcodeEntries[0].subject, number);
  EXPECT_EQ(passcodeEntries[0].detail, "not-technician");
  EXPECT_EQ(passcodeEntries[1].detail, "wrong-pin");
}

TEST(CasePasscode, TheWordsAreEnglishToo) {
  HeadlessOptions options = withStaff();
  options.language = "en";
  HeadlessKiosk kiosk(options);
  const std::string number = registerCase(kiosk, kPasscode);
  signIn(kiosk, "Kari", kKariPin);
  openCase(kiosk, number);
  askWithPin(kiosk, "11112222");
  EXPECT_EQ(passcode(kiosk).message(), "Wrong PIN. 4 more wrong PINs lock the account.");
  askWithPin(kiosk, kKariPin);
  EXPECT_EQ(passcode(kiosk).shown(), kPasscode);
}

}  // namespace
}  // namespace kiosk::test
