// The case screen headless: a scanned case number opens it; a technician takes an Apple
// carry-in case from registered to closed with keys only (and the customer's signature drawn
// with the mouse); refused steps say why, steps not allowed are not offered; the signature is
// kept with the case.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "support/sample_intake.hpp"
#include "case_walks.hpp"
#include "headless_kiosk.hpp"
#include "kiosk/screens/case_screen.hpp"
#include "workflow/passcode_service.hpp"
#include "workflow/signature.hpp"

namespace kiosk::test {
namespace {

// A Mac bought from the reseller this year: covered. No e-mail address on purpose.
std::string registerMac(HeadlessKiosk& kiosk) {
  IntakeForm form = macIntake();
  form.purchased = parseDate("2026-01-10");
  const auto created = kiosk.service().registerCase(form, Actor{"Skranke 2", kiosk.clock().now()});
  EXPECT_TRUE(created) << created.error().message;
  return created ? created->number : std::string();
}

// The same Mac taken through the bench by another station up to shipped: the next step is close.
std::string shippedMac(HeadlessKiosk& kiosk) {
  const std::string number = registerMac(kiosk);
  const Actor per{"per", kiosk.clock().now()};
  const bool walked =
      walkCoveredMacToRepaired(kiosk.service(), number, per) && kiosk.service().ship(number, "Bring", "CD1", per);
  EXPECT_TRUE(walked) << "the Mac did not reach shipped";
  return walked ? number : std::string();
}

RepairCase stored(HeadlessKiosk& kiosk, const std::string& number) {
  auto c = kiosk.service().show(number);
  EXPECT_TRUE(c) << c.error().message;
  return c ? *c : RepairCase{};
}

CaseScreen& caseScreen(HeadlessKiosk& kiosk) {
  auto* screen = kiosk.screenAs<CaseScreen>();
  if (screen == nullptr) throw std::runtime_error("the case screen is not showing");
  return *screen;
}

void openByScan(HeadlessKiosk& kiosk, const std::string& number) {
  kiosk.scan(number);
  kiosk.settle();
  ASSERT_EQ(kiosk.screen(), ScreenId::Case);
  ASSERT_TRUE(caseScreen(kiosk).shownCase().has_value());
  ASSERT_EQ(caseScreen(kiosk).shownCase()->number, number);
}

// Enter: the highlighted step (its form opens, or it runs).
void primaryStep(HeadlessKiosk& kiosk) {
  kiosk.press(input::Key::Enter);
  kiosk.settle();
}

void withModifier(HeadlessKiosk& kiosk, input::Key modifier, int digit) {
  input::setKey(modifier, true);
  kiosk.press(input::digitKey(digit));
  input::setKey(modifier, false);
  kiosk.frame();
}

// Ctrl+digit: a choice in the open form.
void choose(HeadlessKiosk& kiosk, int option) { withModifier(kiosk, input::Key::LeftCtrl, option); }

// Two strokes on the signature canvas, as a customer signs.
void sign(HeadlessKiosk& kiosk) {
  const SignaturePad& pad = caseScreen(kiosk).panel().signaturePad();
  const ImVec2 a = pad.canvasMin();
  kiosk.drag(ImVec2(a.x + 20, a.y + 60), ImVec2(a.x + 120, a.y + 30));
  kiosk.drag(ImVec2(a.x + 140, a.y + 20), ImVec2(a.x + 150, a.y + 90), 4);
}

void expectStep(HeadlessKiosk& kiosk, const std::string& number, const std::string& kind, CaseStatus status) {
  const RepairCase c = stored(kiosk, number);
  ASSERT_FALSE(c.events.empty());
  EXPECT_EQ(c.events.back().kind, kind);
  EXPECT_EQ(c.events.back().staff, "Tekniker Test");
  EXPECT_EQ(c.status, status) << kind;
  ASSERT_TRUE(caseScreen(kiosk).shownCase().has_value());
  EXPECT_EQ(caseScreen(kiosk).shownCase()->status, status) << "the screen shows the new state after " << kind;
}

bool offers(HeadlessKiosk& kiosk, Step step) {
  const auto& offered = caseScreen(kiosk).panel().offered();
  return std::find(offered.begin(), offered.end(), step) != offered.end();
}

TEST(CaseScreen, ScanningACaseNumberOpensTheCase) {
  HeadlessKiosk kiosk(withDemoCases(5));
  kiosk.settle();
  const std::string number = registerMac(kiosk);
  openByScan(kiosk, number);
  EXPECT_EQ(caseScreen(kiosk).shownCase()->customer.name, "Kari Nordmann");
  EXPECT_EQ(caseScreen(kiosk).shownCase()->events.size(), 1U);
}

TEST(CaseScreen, AnotherStationsStepShowsUpWithoutAsking) {
  HeadlessKiosk kiosk;
  const std::string number = registerMac(kiosk);
  openByScan(kiosk, number);
  ASSERT_TRUE(kiosk.service().diagnose(number, "board", Damage::None, Actor{"Benk 2", kiosk.clock().now()}));
  // The backend's watcher sees the store change; the screen loads the case again.
  for (int i = 0; i < 200 && caseScreen(kiosk).shownCase()->status != CaseStatus::Diagnosed; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    kiosk.settle();
  }
  EXPECT_EQ(caseScreen(kiosk).shownCase()->status, CaseStatus::Diagnosed);
  EXPECT_EQ(caseScreen(kiosk).panel().offered().front(), Step::Decide);
}

TEST(CaseScreen, ATypedNumberOnThePromptOpensTheCase) {
  HeadlessKiosk kiosk;
  const std::string number = registerMac(kiosk);
  kiosk.ui().show(ScreenId::Case);
  kiosk.frame(2);
  ASSERT_FALSE(caseScreen(kiosk).shownCase().has_value());
  kiosk.type(number);  // the prompt has the focus
  kiosk.press(input::Key::Enter);
  kiosk.settle();
  ASSERT_TRUE(caseScreen(kiosk).shownCase().has_value());
  EXPECT_EQ(caseScreen(kiosk).shownCase()->number, number);
}

TEST(CaseScreen, AnAppleCarryInCaseRunsFromRegisteredToClosedWithKeysOnly) {
  HeadlessKiosk kiosk;
  const std::string number = registerMac(kiosk);
  openByScan(kiosk, number);

  ASSERT_EQ(caseScreen(kiosk).panel().offered().front(), Step::Diagnose);
  primaryStep(kiosk);
  ASSERT_EQ(caseScreen(kiosk).panel().openForm(), Step::Diagnose);
  kiosk.type("Logic board dead");
  primaryStep(kiosk);
  expectStep(kiosk, number, "diagnose", CaseStatus::Diagnosed);
  EXPECT_EQ(stored(kiosk, number).finding, "Logic board dead");

  ASSERT_EQ(caseScreen(kiosk).panel().offered().front(), Step::Decide);
  primaryStep(kiosk);
  ASSERT_EQ(caseScreen(kiosk).panel().openForm(), Step::Decide);
  primaryStep(kiosk);
  expectStep(kiosk, number, "decide", CaseStatus::Diagnosed);
  ASSERT_TRUE(stored(kiosk, number).warranty.has_value());
  EXPECT_TRUE(stored(kiosk, number).warranty->covered);

  ASSERT_EQ(caseScreen(kiosk).panel().offered().front(), Step::Inform);
  primaryStep(kiosk);
  choose(kiosk, 3);  // a phone call
  primaryStep(kiosk);
  expectStep(kiosk, number, "inform", CaseStatus::Diagnosed);
  EXPECT_EQ(stored(kiosk, number).events.back().detail.rfind("via phone", 0), 0U);
  EXPECT_TRUE(stored(kiosk, number).due.has_value()) << "informing of a covered decision starts the clock";

  ASSERT_EQ(caseScreen(kiosk).panel().offered().front(), Step::OrderParts);
  primaryStep(kiosk);
  kiosk.type("661-12345, 923-0101");
  primaryStep(kiosk);
  expectStep(kiosk, number, "order-parts", CaseStatus::AwaitingParts);
  EXPECT_EQ(stored(kiosk, number).parts, (std::vector<std::string>{"661-12345", "923-0101"}));

  ASSERT_EQ(caseScreen(kiosk).panel().offered().front(), Step::ReceiveParts);
  primaryStep(kiosk);
  expectStep(kiosk, number, "receive-parts", CaseStatus::InRepair);

  ASSERT_EQ(caseScreen(kiosk).panel().offered().front(), Step::Repaired);
  primaryStep(kiosk);
  expectStep(kiosk, number, "repaired", CaseStatus::Repaired);

  ASSERT_EQ(caseScreen(kiosk).panel().offered().front(), Step::Ship);
  primaryStep(kiosk);
  kiosk.type("Bring");
  kiosk.press(input::Key::Tab);
  kiosk.type("CD123456789NO");
  primaryStep(kiosk);
  expectStep(kiosk, number, "ship", CaseStatus::Shipped);
  EXPECT_EQ(stored(kiosk, number).carrier, "Bring");
  EXPECT_EQ(stored(kiosk, number).tracking, "CD123456789NO");

  ASSERT_EQ(caseScreen(kiosk).panel().offered().front(), Step::Close);
  primaryStep(kiosk);
  ASSERT_EQ(caseScreen(kiosk).panel().openForm(), Step::Close);
  sign(kiosk);
  primaryStep(kiosk);
  expectStep(kiosk, number, "close", CaseStatus::Closed);
  EXPECT_EQ(stored(kiosk, number).acceptedBy, "Kari Nordmann");
  EXPECT_FALSE(stored(kiosk, number).acceptanceSignature.empty());
  EXPECT_TRUE(caseScreen(kiosk).panel().offered().empty()) << "a closed case offers no step";
}

TEST(CaseScreen, CloseWithoutASignatureIsNotSent) {
  HeadlessKiosk kiosk;
  const std::string number = shippedMac(kiosk);
  ASSERT_FALSE(number.empty());
  openByScan(kiosk, number);
  primaryStep(kiosk);
  ASSERT_EQ(caseScreen(kiosk).panel().openForm(), Step::Close);
  primaryStep(kiosk);  // Enter in the name field, nothing drawn
  EXPECT_EQ(stored(kiosk, number).status, CaseStatus::Shipped);
  ASSERT_TRUE(caseScreen(kiosk).panel().error().has_value());
  EXPECT_EQ(caseScreen(kiosk).panel().error()->field, "Signatur");
}

TEST(CaseScreen, TheSignatureIsKeptWithTheCaseAndRoundTrips) {
  HeadlessKiosk kiosk;
  const std::string number = shippedMac(kiosk);
  ASSERT_FALSE(number.empty());
  openByScan(kiosk, number);
  primaryStep(kiosk);
  ASSERT_EQ(caseScreen(kiosk).panel().openForm(), Step::Close);
  sign(kiosk);
  const std::string drawn = caseScreen(kiosk).panel().signaturePad().encoded();
  primaryStep(kiosk);
  ASSERT_EQ(stored(kiosk, number).status, CaseStatus::Closed);

  const std::string kept = stored(kiosk, number).acceptanceSignature;
  EXPECT_EQ(kept, drawn);
  const auto strokes = decodeSignature(kept);
  ASSERT_TRUE(strokes) << strokes.error().message;
  ASSERT_EQ(strokes->size(), 2U);
  // Canvas-local whole pixels: where the drags began and ended.
  EXPECT_EQ(strokes->front().front(), (SignaturePoint{20, 60}));
  EXPECT_EQ(strokes->front().back(), (SignaturePoint{120, 30}));
  EXPECT_EQ(strokes->back().back(), (SignaturePoint{150, 90}));

  // Opened again later, the closed case shows it (drawn back from the store).
  kiosk.ui().show(ScreenId::Queue);
  kiosk.settle();
  openByScan(kiosk, number);
  EXPECT_EQ(caseScreen(kiosk).shownCase()->acceptanceSignature, drawn);
}

TEST(CaseScreen, AScannedTrackingNumberFillsTheShipForm) {
  HeadlessKiosk kiosk;
  const std::string number = registerMac(kiosk);
  const Actor per{"per", kiosk.clock().now()};
  ASSERT_TRUE(walkCoveredMacToRepaired(kiosk.service(), number, per));
  openByScan(kiosk, number);
  primaryStep(kiosk);
  ASSERT_EQ(caseScreen(kiosk).panel().openForm(), Step::Ship);
  kiosk.type("PostNord");
  kiosk.press(input::Key::Tab);  // in the tracking field when the label is scanned
  kiosk.scan("00370712345678901234");  // the parcel label, read wherever the focus is
  EXPECT_EQ(kiosk.screen(), ScreenId::Case) << "the scan stays in the form";
  kiosk.press(input::Key::Enter);
  kiosk.settle();
  EXPECT_EQ(stored(kiosk, number).status, CaseStatus::Shipped);
  EXPECT_EQ(stored(kiosk, number).carrier, "PostNord");
  EXPECT_EQ(stored(kiosk, number).tracking, "00370712345678901234");
}

TEST(CaseScreen, AStepTheWorkflowRefusesShowsTheReason) {
  HeadlessKiosk kiosk;
  const std::string number = registerMac(kiosk);
  const Actor per{"per", kiosk.clock().now()};
  ASSERT_TRUE(kiosk.service().diagnose(number, "board", Damage::None, per));
  ASSERT_TRUE(kiosk.service().decide(number, per));
  openByScan(kiosk, number);
  const std::size_t events = stored(kiosk, number).events.size();
  ASSERT_EQ(caseScreen(kiosk).panel().offered().front(), Step::Inform);
  primaryStep(kiosk);
  choose(kiosk, 2);  // by e-mail, but the customer gave none
  primaryStep(kiosk);
  ASSERT_TRUE(caseScreen(kiosk).panel().error().has_value());
  EXPECT_NE(caseScreen(kiosk).panel().error()->message.find("no e-mail address"), std::string::npos)
      << caseScreen(kiosk).panel().error()->message;
  EXPECT_EQ(stored(kiosk, number).events.size(), events) << "nothing was written";
  EXPECT_EQ(caseScreen(kiosk).panel().openForm(), Step::Inform) << "the form stays to try another way";
}

TEST(CaseScreen, StepsNotAllowedAreNotOffered) {
  HeadlessKiosk kiosk;
  const std::string number = registerMac(kiosk);
  openByScan(kiosk, number);
  const RepairCase c = stored(kiosk, number);
  const VendorProfile& apple = *kiosk.backend().vendors().find("apple");
  auto offered = caseScreen(kiosk).panel().offered();
  auto allowed = allowedSteps(c, apple);
  std::sort(offered.begin(), offered.end());
  std::sort(allowed.begin(), allowed.end());
  EXPECT_EQ(offered, allowed);
  EXPECT_FALSE(offers(kiosk, Step::Ship)) << "ship before repaired";
  EXPECT_FALSE(offers(kiosk, Step::Close));
  EXPECT_FALSE(offers(kiosk, Step::Dispatch)) << "Apple is carry-in";

  // Plain digits (a part number typed with no field active) start nothing; Alt+digit past the
  // last button does nothing either.
  kiosk.type("2");
  kiosk.settle();
  EXPECT_FALSE(caseScreen(kiosk).panel().openForm().has_value());
  withModifier(kiosk, input::Key::LeftAlt, 9);
  kiosk.settle();
  EXPECT_FALSE(caseScreen(kiosk).panel().openForm().has_value());
  EXPECT_EQ(stored(kiosk, number).events.size(), 1U);

  // Alt+2: the second button's step.
  withModifier(kiosk, input::Key::LeftAlt, 2);
  kiosk.settle();
  EXPECT_EQ(caseScreen(kiosk).panel().openForm(), caseScreen(kiosk).panel().offered()[1]);
}

TEST(CaseScreen, EscapeCancelsTheFormAndWritesNothing) {
  HeadlessKiosk kiosk;
  const std::string number = registerMac(kiosk);
  openByScan(kiosk, number);
  primaryStep(kiosk);
  ASSERT_EQ(caseScreen(kiosk).panel().openForm(), Step::Diagnose);
  kiosk.type("half a finding");
  kiosk.press(input::Key::Escape);
  EXPECT_FALSE(caseScreen(kiosk).panel().openForm().has_value());
  EXPECT_EQ(stored(kiosk, number).status, CaseStatus::Registered);
}

TEST(CaseScreen, ALenovoReportIsDecidedThenDispatchedOnSite) {
  HeadlessKiosk kiosk;
  const IntakeForm form = lenovoIntake();
  const auto created = kiosk.service().registerCase(form, Actor{"Skranke", kiosk.clock().now()});
  ASSERT_TRUE(created) << created.error().message;
  openByScan(kiosk, created->number);
  // The warranty first (on-site service needs it), no bench diagnosis, then the partner.
  ASSERT_EQ(caseScreen(kiosk).panel().offered().front(), Step::Decide);
  primaryStep(kiosk);
  primaryStep(kiosk);
  expectStep(kiosk, created->number, "decide", CaseStatus::Diagnosed);
  ASSERT_EQ(caseScreen(kiosk).panel().offered().front(), Step::Dispatch);
  primaryStep(kiosk);  // no input needed: it runs at once
  expectStep(kiosk, created->number, "dispatch", CaseStatus::Dispatched);
  ASSERT_EQ(caseScreen(kiosk).panel().offered().front(), Step::Repaired);
  primaryStep(kiosk);
  expectStep(kiosk, created->number, "repaired", CaseStatus::Repaired);
  EXPECT_EQ(caseScreen(kiosk).panel().offered().front(), Step::Close) << "repaired on site: nothing to ship";
  EXPECT_FALSE(offers(kiosk, Step::Ship));
}

TEST(CaseScreen, EveryStepAndEventHasItsWordsInBothLanguages) {
  for (const char* language : {"nb", "en"}) {
    HeadlessOptions options;
    options.language = language;
    HeadlessKiosk kiosk(options);
    const Translations& texts = kiosk.ctx().t().translations();
    EXPECT_NE(texts.find("case.event.registered"), nullptr) << language;
    for (const char* kind : {kPasscodeReadEvent, kPasscodeSealedEvent, kPasscodeErasedEvent}) {
      EXPECT_NE(texts.find("case.event." + std::string(kind)), nullptr) << language << " " << kind;
    }
    for (const Step step : allSteps()) {
      EXPECT_NE(texts.find(stepTextKey(step)), nullptr) << language << " " << stepName(step);
      EXPECT_NE(texts.find("case.event." + std::string(stepName(step))), nullptr) << language << " " << stepName(step);
    }
  }
  HeadlessOptions english;
  english.language = "en";
  HeadlessKiosk kiosk(english);
  EXPECT_STREQ(kiosk.ctx().t()("case.title"), "Case");
  EXPECT_STREQ(kiosk.ctx().t()("case.step.order-parts"), "Order parts");
  EXPECT_STREQ(kiosk.ctx().t()("case.warranty.undecided"), "decided at the warranty step");
}

}  // namespace
}  // namespace kiosk::test
