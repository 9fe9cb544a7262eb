// The intake counter headless: a scan fills the serial and picks the vendor, the form is typed
// with keys and registered into the store with its label and receipt, a missing required field
// stops registration at that field, a part number is not taken for a serial, and the device's
// earlier cases are listed.
#include <gtest/gtest.h>

#include <fstream>

#include "support/sample_intake.hpp"
#include "headless_kiosk.hpp"
#include "kiosk/screens/intake_screen.hpp"

namespace kiosk::test {
namespace {

constexpr const char* kAppleSerial = "C02XK0JHJG5H";

IntakeScreen& openIntake(HeadlessKiosk& kiosk) {
  kiosk.ctx().nav.show(ScreenId::Intake);
  kiosk.frame(2);
  auto* intake = kiosk.screenAs<IntakeScreen>();
  if (intake == nullptr) throw std::runtime_error("the intake screen did not open");
  return *intake;
}

std::string firstBytes(const std::filesystem::path& file, std::size_t n) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes(n, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(n));
  return bytes.substr(0, static_cast<std::size_t>(in.gcount()));
}

// Types into the focused field, then Tab to the next one. The order of the text fields after
// the serial, for an Apple Mac: product, purchased, country, AppleCare until, agreement, name,
// mobile, e-mail, address, E-case, invoice, order, fault, passcode, accessories, condition, shelf.
void typeThenTab(HeadlessKiosk& kiosk, std::string_view text) {
  if (!text.empty()) kiosk.type(text);
  kiosk.press(input::Key::Tab);
}

void typeAppleForm(HeadlessKiosk& kiosk, std::string_view customer) {
  typeThenTab(kiosk, "MacBook Pro 14");     // product
  typeThenTab(kiosk, "2026-01-10");         // purchased
  typeThenTab(kiosk, "");                   // country: NO
  typeThenTab(kiosk, "");                   // AppleCare until
  typeThenTab(kiosk, "");                   // agreement: the vendor's
  typeThenTab(kiosk, customer);             // name
  typeThenTab(kiosk, "912 34 567");         // mobile
  typeThenTab(kiosk, "");                   // e-mail
  typeThenTab(kiosk, "Storgata 1, 0155 Oslo");
  typeThenTab(kiosk, "E-4711");             // E-case
  typeThenTab(kiosk, "");                   // invoice
  typeThenTab(kiosk, "");                   // order
  typeThenTab(kiosk, "Skjermen er svart");  // fault
  typeThenTab(kiosk, "0000");               // passcode
  typeThenTab(kiosk, "Lader");              // accessories
  typeThenTab(kiosk, "Riper i lokket");     // condition
}

TEST(IntakeScreen, ScanningAnAppleSerialFillsTheSerialAndPicksApple) {
  HeadlessKiosk kiosk;
  IntakeScreen& intake = openIntake(kiosk);
  kiosk.scan(kAppleSerial, "Code128");
  kiosk.settle();
  EXPECT_EQ(kiosk.screen(), ScreenId::Intake);
  EXPECT_EQ(intake.form().text(IntakeField::Serial), kAppleSerial);
  EXPECT_EQ(intake.form().text(IntakeField::Vendor), "apple");
  EXPECT_EQ(intake.form().text(IntakeField::Family), "mac");
}

TEST(IntakeScreen, TheTypedFormRegistersACaseWithItsLabelAndReceipt) {
  HeadlessKiosk kiosk;
  IntakeScreen& intake = openIntake(kiosk);
  kiosk.scan(kAppleSerial, "Code128");
  kiosk.settle();
  typeAppleForm(kiosk, "Kari Nordmann");
  kiosk.pressWithCtrl(input::Key::Enter);
  kiosk.settle();

  ASSERT_FALSE(intake.registerError()) << intake.registerError()->message;
  ASSERT_TRUE(intake.registered());
  const auto stored = kiosk.service().show(intake.registered()->number);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->device.serial, kAppleSerial);
  EXPECT_EQ(stored->device.vendor, "apple");
  EXPECT_EQ(stored->device.family, "mac");
  EXPECT_EQ(stored->device.product, "MacBook Pro 14");
  EXPECT_EQ(formatDate(stored->device.purchased), "2026-01-10");
  EXPECT_EQ(stored->customer.name, "Kari Nordmann");
  EXPECT_EQ(stored->customer.mobile, "+4791234567");
  EXPECT_EQ(stored->customer.address, "Storgata 1, 0155 Oslo");
  EXPECT_EQ(stored->intake.ecase, "E-4711");
  EXPECT_EQ(stored->intake.fault, "Skjermen er svart");
  // Sealed by the kiosk before the store saw it, under the station's key.
  EXPECT_TRUE(kiosk.vault().isSealed(stored->intake.passcode)) << "never stored in clear";
  EXPECT_EQ(kiosk.vault().open(stored->intake.passcode).value_or("(not opened)"), "0000");
  EXPECT_EQ(stored->intake.accessories, "Lader");
  EXPECT_EQ(stored->intake.condition, "Riper i lokket");
  EXPECT_EQ(stored->intake.channel, "counter");

  ASSERT_TRUE(intake.documents());
  EXPECT_EQ(firstBytes(intake.documents()->label, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_EQ(firstBytes(intake.documents()->receipt, 5), "%PDF-");
  EXPECT_EQ(intake.documents()->label.parent_path(), kiosk.documents());
}

TEST(IntakeScreen, AMissingRequiredFieldIsShownAtTheFieldAndNothingIsRegistered) {
  HeadlessKiosk kiosk;
  IntakeScreen& intake = openIntake(kiosk);
  kiosk.scan(kAppleSerial, "Code128");
  kiosk.settle();
  typeAppleForm(kiosk, "");  // no customer name
  kiosk.pressWithCtrl(input::Key::Enter);
  kiosk.settle();

  EXPECT_FALSE(intake.registered());
  const Error* error = intake.form().errorFor(IntakeField::Customer);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->field, "customer");
  EXPECT_TRUE(kiosk.service().list(CaseQuery{}).value().empty());
}

TEST(IntakeScreen, AScannedPartNumberIsNotTakenForASerial) {
  HeadlessKiosk kiosk;
  IntakeScreen& intake = openIntake(kiosk);
  kiosk.scan("6GW62EA", "Code128");
  kiosk.settle();
  EXPECT_EQ(kiosk.screen(), ScreenId::Intake);
  EXPECT_TRUE(intake.form().text(IntakeField::Serial).empty());
  ASSERT_TRUE(intake.lastRead());
  EXPECT_FALSE(intake.lastRead()->warning.empty());
  EXPECT_EQ(intake.lastRead()->kind, ScanKind::HpProduct);
}

TEST(IntakeScreen, TheDevicesEarlierCasesAreListedAndASecondOpenCaseIsRefusedNamingIt) {
  HeadlessKiosk kiosk;
  const IntakeForm form = macIntake(kAppleSerial);
  const auto earlier = kiosk.service().registerCase(form, Actor{"Skranke 2", kiosk.clock().now()});
  ASSERT_TRUE(earlier) << earlier.error().message;

  IntakeScreen& intake = openIntake(kiosk);
  kiosk.scan(kAppleSerial, "Code128");
  kiosk.settle();
  ASSERT_EQ(intake.earlierCases().size(), 1U);
  EXPECT_EQ(intake.earlierCases().front().number, earlier->number);

  typeAppleForm(kiosk, "Kari Nordmann");
  kiosk.pressWithCtrl(input::Key::Enter);
  kiosk.settle();
  EXPECT_FALSE(intake.registered());
  ASSERT_TRUE(intake.registerError());
  EXPECT_NE(intake.registerError()->message.find(earlier->number), std::string::npos);

  // The reason field has the focus now: with a reason, the second case is registered.
  kiosk.type("Ny skade, egen sak");
  kiosk.pressWithCtrl(input::Key::Enter);
  kiosk.settle();
  ASSERT_TRUE(intake.registered());
  EXPECT_EQ(kiosk.service().show(intake.registered()->number)->intake.secondCaseReason, "Ny skade, egen sak");
}

TEST(IntakeScreen, APrinterThatDoesNotAnswerIsReportedAndTheCaseIsKept) {
  HeadlessKiosk kiosk;
  kiosk.ctx().station.labelPrinter = "127.0.0.1:1";  // nothing listens on port 1
  IntakeScreen& intake = openIntake(kiosk);
  kiosk.scan(kAppleSerial, "Code128");
  kiosk.settle();
  typeAppleForm(kiosk, "Kari Nordmann");
  kiosk.pressWithCtrl(input::Key::Enter);
  kiosk.settle();
  ASSERT_TRUE(intake.registered());
  ASSERT_TRUE(intake.printerError());
  EXPECT_EQ(intake.printerError()->field, "printer");
  EXPECT_TRUE(kiosk.service().show(intake.registered()->number));
  EXPECT_TRUE(intake.documents());  // the label is still saved as a file
}

}  // namespace
}  // namespace kiosk::test
