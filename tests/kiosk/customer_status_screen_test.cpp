// The counter-facing status screen headless: the receipt's QR code (number and customer code)
// shows status and due date, the customer's personal data never reaches the screen, a wrong
// code and an unknown number get one neutral answer, a mistyped number is called so, too many
// wrong codes lock the number (in words, even for the right code), and the screen returns to
// its start page by itself after the idle time.
#include <gtest/gtest.h>

#include <thread>

#include "support/sample_intake.hpp"
#include "headless_kiosk.hpp"
#include "kiosk/screens/customer_status_screen.hpp"
#include "workflow/case_number.hpp"

namespace kiosk::test {
namespace {

using Page = CustomerStatusScreen::Page;
using Field = CustomerStatusScreen::Field;

// A Lenovo on-site case: its due date is set at registration.
RepairCase lenovoCase(HeadlessKiosk& kiosk) {
  IntakeForm form = lenovoIntake();
  form.email = "ingrid@example.no";
  auto created = kiosk.service().registerCase(form, Actor{"Skranke", kiosk.clock().now()});
  if (!created) throw std::runtime_error(created.error().message);
  return *created;
}

CustomerStatusScreen& openStatus(HeadlessKiosk& kiosk) {
  kiosk.ctx().nav.show(ScreenId::CustomerStatus);
  kiosk.frame(3);  // shown, then the number field asks for the focus, then has it
  auto* screen = kiosk.screenAs<CustomerStatusScreen>();
  if (screen == nullptr) throw std::runtime_error("the customer status screen did not open");
  return *screen;
}

bool shows(const CustomerStatusScreen& screen, const std::string& text) {
  for (const auto& line : screen.shownLines()) {
    if (line.find(text) != std::string::npos) return true;
  }
  return false;
}

void expectNothingPersonal(const CustomerStatusScreen& screen, const RepairCase& c) {
  for (const std::string& personal : {c.customer.name, std::string("Ingrid"), c.customer.mobile,
                                      std::string("98765432"), c.customer.email, c.customer.address,
                                      c.device.serial, c.intake.fault}) {
    EXPECT_FALSE(shows(screen, personal)) << "the screen shows '" << personal << "'";
  }
}

// A code that is not the case's (its first symbol moved on by one).
std::string wrongCode(const RepairCase& c) {
  std::string code = c.customerCode;
  code[0] = kCaseNumberAlphabet[(kCaseNumberAlphabet.find(code[0]) + 1) % kCaseNumberAlphabet.size()];
  return code;
}

std::string lowerWithoutHyphen(const std::string& text) {
  std::string out;
  for (const char ch : text) {
    if (ch != '-') out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

TEST(CustomerStatusScreen, TheReceiptsQrCodeShowsStatusAndDueDate) {
  HeadlessKiosk kiosk;
  const RepairCase c = lenovoCase(kiosk);
  ASSERT_TRUE(c.due);
  CustomerStatusScreen& screen = openStatus(kiosk);
  kiosk.scan(caseQrPayload(c.number, c.customerCode), "QRCode");
  kiosk.settle();
  EXPECT_EQ(kiosk.screen(), ScreenId::CustomerStatus);
  ASSERT_EQ(screen.page(), Page::Found);
  const UiText& t = kiosk.ctx().t();
  EXPECT_TRUE(shows(screen, t("customer.status.registered")));
  EXPECT_TRUE(shows(screen, t("customer.next.registered")));
  EXPECT_TRUE(shows(screen, t.translations().longDate(*c.due)));
  EXPECT_TRUE(shows(screen, c.number));
  EXPECT_FALSE(shows(screen, c.customerCode)) << "the code is not shown back";
}

TEST(CustomerStatusScreen, NumberAndCodeTypedOnAKeyboardShowTheStatusAndNothingPersonal) {
  HeadlessKiosk kiosk;
  const RepairCase c = lenovoCase(kiosk);
  CustomerStatusScreen& screen = openStatus(kiosk);
  // In lower case and without the hyphen; Enter goes on from the number to the code.
  kiosk.type(lowerWithoutHyphen(c.number));
  kiosk.press(input::Key::Enter);
  kiosk.frame(2);
  EXPECT_EQ(screen.activeField(), Field::Code);
  EXPECT_EQ(screen.page(), Page::Start);
  kiosk.type(lowerWithoutHyphen(c.customerCode));
  kiosk.press(input::Key::Enter);
  kiosk.settle();
  ASSERT_EQ(screen.page(), Page::Found);
  ASSERT_FALSE(screen.shownLines().empty());
  expectNothingPersonal(screen, c);

  kiosk.scan(caseQrPayload(c.number, c.customerCode), "QRCode");
  kiosk.settle();
  ASSERT_EQ(screen.page(), Page::Found);
  expectNothingPersonal(screen, c);
}

TEST(CustomerStatusScreen, AWrongCodeAndAnUnknownNumberGetOneNeutralAnswer) {
  HeadlessKiosk kiosk;
  const RepairCase c = lenovoCase(kiosk);
  CustomerStatusScreen& screen = openStatus(kiosk);
  const std::string neutral = kiosk.ctx().t()("customer.no_match");

  kiosk.scan(caseQrPayload(c.number, wrongCode(c)), "QRCode");
  kiosk.settle();
  EXPECT_EQ(screen.page(), Page::NoMatch);
  EXPECT_TRUE(shows(screen, neutral));
  const std::vector<std::string> wrongLines = screen.shownLines();

  kiosk.scan(caseQrPayload(formatCaseNumber(4242), c.customerCode), "QRCode");  // well formed, never issued
  kiosk.settle();
  EXPECT_EQ(screen.page(), Page::NoMatch);
  EXPECT_EQ(screen.shownLines(), wrongLines) << "an unknown number reads exactly as a wrong code";

  kiosk.scan("C02XK0JHJG5H", "Code128");  // a device serial is no receipt either
  kiosk.settle();
  EXPECT_EQ(kiosk.screen(), ScreenId::CustomerStatus);
  EXPECT_EQ(screen.page(), Page::NoMatch);
}

TEST(CustomerStatusScreen, AMistypedNumberIsCalledSo) {
  HeadlessKiosk kiosk;
  const RepairCase c = lenovoCase(kiosk);
  CustomerStatusScreen& screen = openStatus(kiosk);
  std::string wrong = c.number;
  wrong.back() = wrong.back() == '0' ? '1' : '0';  // a wrong check character
  kiosk.type(wrong);
  kiosk.press(input::Key::Enter);
  kiosk.frame(2);
  kiosk.type(c.customerCode);
  kiosk.press(input::Key::Enter);
  kiosk.settle();
  EXPECT_EQ(screen.page(), Page::Mistyped);
  EXPECT_TRUE(shows(screen, kiosk.ctx().t()("customer.mistyped")));
}

TEST(CustomerStatusScreen, AnOldReceiptsQrCodeGivesTheNumberAndAsksForTheCode) {
  HeadlessKiosk kiosk;
  const RepairCase c = lenovoCase(kiosk);
  CustomerStatusScreen& screen = openStatus(kiosk);
  kiosk.scan(caseQrPayload(c.number), "QRCode");
  kiosk.frame(2);
  EXPECT_EQ(screen.page(), Page::Start);
  EXPECT_EQ(screen.typedNumber(), c.number);
  EXPECT_EQ(screen.activeField(), Field::Code);
  kiosk.type(c.customerCode);
  kiosk.press(input::Key::Enter);
  kiosk.settle();
  EXPECT_EQ(screen.page(), Page::Found);
}

TEST(CustomerStatusScreen, TooManyWrongCodesLockTheNumberInWordsEvenForTheRightCode) {
  HeadlessOptions options;
  options.gateways.customerLookup = CodeAttemptPolicy{3, 15 * 60 * 1000};  // [customer_lookup] of --config
  HeadlessKiosk kiosk(options);
  const RepairCase c = lenovoCase(kiosk);
  CustomerStatusScreen& screen = openStatus(kiosk);
  for (int i = 0; i < 2; ++i) {
    kiosk.scan(caseQrPayload(c.number, wrongCode(c)), "QRCode");
    kiosk.settle();
    EXPECT_EQ(screen.page(), Page::NoMatch);
  }
  kiosk.scan(caseQrPayload(c.number, wrongCode(c)), "QRCode");
  kiosk.settle();
  ASSERT_EQ(screen.page(), Page::Locked);
  const std::string locked = kiosk.ctx().t().format("customer.locked", {{"minutes", "15"}});
  EXPECT_TRUE(shows(screen, locked)) << "the lock in words, with its minutes";

  kiosk.scan(caseQrPayload(c.number, c.customerCode), "QRCode");
  kiosk.settle();
  EXPECT_EQ(screen.page(), Page::Locked);
  EXPECT_FALSE(shows(screen, kiosk.ctx().t()("customer.status.registered")));
}

TEST(CustomerStatusScreen, ReturnsToItsStartPageAfterTheIdleTimeForgettingTheCode) {
  HeadlessKiosk kiosk;
  const RepairCase c = lenovoCase(kiosk);
  kiosk.ctx().station.customerIdleReset = std::chrono::seconds(30);
  CustomerStatusScreen& screen = openStatus(kiosk);
  auto now = std::chrono::steady_clock::now();
  screen.setTimeSource([&now] { return now; });

  kiosk.scan(caseQrPayload(c.number, c.customerCode), "QRCode");
  kiosk.settle();
  ASSERT_EQ(screen.page(), Page::Found);
  // The shell is asked to wake for the reset even if nobody touches anything.
  kiosk.ctx().wakeAt.reset();
  kiosk.frame();
  EXPECT_TRUE(kiosk.ctx().wakeAt.has_value());

  now += std::chrono::seconds(29);
  kiosk.frame();
  EXPECT_EQ(screen.page(), Page::Found);
  now += std::chrono::seconds(2);
  kiosk.frame();
  EXPECT_EQ(screen.page(), Page::Start);
  EXPECT_FALSE(shows(screen, c.number));

  // A code typed and left behind goes too.
  kiosk.scan(caseQrPayload(c.number), "QRCode");
  kiosk.frame(2);
  kiosk.type(c.customerCode.substr(0, 5));
  kiosk.frame();
  EXPECT_FALSE(screen.typedCode().empty());
  now += std::chrono::seconds(31);
  kiosk.frame();
  EXPECT_TRUE(screen.typedCode().empty());
  EXPECT_TRUE(screen.typedNumber().empty());
}

TEST(CustomerStatusScreen, InputKeepsThePageOpen) {
  HeadlessKiosk kiosk;
  const RepairCase c = lenovoCase(kiosk);
  kiosk.ctx().station.customerIdleReset = std::chrono::seconds(30);
  CustomerStatusScreen& screen = openStatus(kiosk);
  auto now = std::chrono::steady_clock::now();
  screen.setTimeSource([&now] { return now; });
  kiosk.scan(caseQrPayload(c.number, c.customerCode), "QRCode");
  kiosk.settle();
  now += std::chrono::seconds(20);
  input::setMousePosition(300, 300);  // the customer moves the mouse
  kiosk.frame();
  input::setMousePosition(320, 310);
  kiosk.frame();
  now += std::chrono::seconds(20);
  kiosk.frame();
  EXPECT_EQ(screen.page(), Page::Found);
}

TEST(CustomerStatusScreen, AStepAtTheBenchShowsWithoutCountingAnAttempt) {
  HeadlessKiosk kiosk;
  const RepairCase c = lenovoCase(kiosk);
  CustomerStatusScreen& screen = openStatus(kiosk);
  kiosk.scan(caseQrPayload(c.number, c.customerCode), "QRCode");
  kiosk.settle();
  ASSERT_EQ(screen.page(), Page::Found);
  auto dispatched = kiosk.service().dispatch(c.number, Actor{"Per", kiosk.clock().now()});
  ASSERT_TRUE(dispatched) << dispatched.error().message;
  for (int i = 0; i < 40 && !shows(screen, kiosk.ctx().t()("customer.status.dispatched")); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    kiosk.settle();
  }
  EXPECT_TRUE(shows(screen, kiosk.ctx().t()("customer.status.dispatched")));
  EXPECT_EQ(screen.page(), Page::Found);
}

}  // namespace
}  // namespace kiosk::test
