// The counter-facing status screen headless: the receipt's QR code shows status and due date,
// the customer's personal data never reaches the screen, an unknown number gets one neutral
// answer, and the screen returns to its start page by itself after the idle time.
#include <gtest/gtest.h>

#include "support/sample_intake.hpp"
#include "headless_kiosk.hpp"
#include "kiosk/screens/customer_status_screen.hpp"
#include "workflow/case_number.hpp"

namespace kiosk::test {
namespace {

using Page = CustomerStatusScreen::Page;

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

TEST(CustomerStatusScreen, TheReceiptsQrCodeShowsStatusAndDueDate) {
  HeadlessKiosk kiosk;
  const RepairCase c = lenovoCase(kiosk);
  ASSERT_TRUE(c.due);
  CustomerStatusScreen& screen = openStatus(kiosk);
  kiosk.scan(caseQrPayload(c.number), "QRCode");
  kiosk.settle();
  EXPECT_EQ(kiosk.screen(), ScreenId::CustomerStatus);
  ASSERT_EQ(screen.page(), Page::Found);
  const UiText& t = kiosk.ctx().t();
  EXPECT_TRUE(shows(screen, t("customer.status.registered")));
  EXPECT_TRUE(shows(screen, t.translations().longDate(*c.due)));
  EXPECT_TRUE(shows(screen, c.number));
}

TEST(CustomerStatusScreen, NeverShowsTheCustomersPersonalData) {
  HeadlessKiosk kiosk;
  const RepairCase c = lenovoCase(kiosk);
  CustomerStatusScreen& screen = openStatus(kiosk);
  // Typed on a keyboard this time, in lower case and without the hyphen.
  std::string typed;
  for (const char ch : c.number) {
    if (ch != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  kiosk.type(typed);
  kiosk.press(input::Key::Enter);
  kiosk.settle();
  ASSERT_EQ(screen.page(), Page::Found);
  ASSERT_FALSE(screen.shownLines().empty());
  expectNothingPersonal(screen, c);

  kiosk.scan(caseQrPayload(c.number), "QRCode");
  kiosk.settle();
  ASSERT_EQ(screen.page(), Page::Found);
  expectNothingPersonal(screen, c);
}

TEST(CustomerStatusScreen, AnUnknownOrMistypedNumberGetsOneNeutralAnswer) {
  HeadlessKiosk kiosk;
  lenovoCase(kiosk);
  CustomerStatusScreen& screen = openStatus(kiosk);
  const std::string neutral = kiosk.ctx().t()("customer.unknown");

  kiosk.scan(caseQrPayload(formatCaseNumber(4242)), "QRCode");  // well formed, never issued
  kiosk.settle();
  EXPECT_EQ(screen.page(), Page::Unknown);
  EXPECT_TRUE(shows(screen, neutral));

  kiosk.press(input::Key::Escape);
  kiosk.frame();  // the start page's number field takes the focus
  std::string wrong = formatCaseNumber(77);
  wrong.back() = wrong.back() == '0' ? '1' : '0';  // a wrong check character
  kiosk.type(wrong);
  kiosk.press(input::Key::Enter);
  kiosk.settle();
  EXPECT_EQ(screen.page(), Page::Unknown);
  EXPECT_TRUE(shows(screen, neutral));

  kiosk.scan("C02XK0JHJG5H", "Code128");  // a device serial is no receipt either
  kiosk.settle();
  EXPECT_EQ(kiosk.screen(), ScreenId::CustomerStatus);
  EXPECT_EQ(screen.page(), Page::Unknown);
}

TEST(CustomerStatusScreen, ReturnsToItsStartPageAfterTheIdleTime) {
  HeadlessKiosk kiosk;
  const RepairCase c = lenovoCase(kiosk);
  kiosk.ctx().station.customerIdleReset = std::chrono::seconds(30);
  CustomerStatusScreen& screen = openStatus(kiosk);
  auto now = std::chrono::steady_clock::now();
  screen.setTimeSource([&now] { return now; });

  kiosk.scan(caseQrPayload(c.number), "QRCode");
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
}

TEST(CustomerStatusScreen, InputKeepsThePageOpen) {
  HeadlessKiosk kiosk;
  const RepairCase c = lenovoCase(kiosk);
  kiosk.ctx().station.customerIdleReset = std::chrono::seconds(30);
  CustomerStatusScreen& screen = openStatus(kiosk);
  auto now = std::chrono::steady_clock::now();
  screen.setTimeSource([&now] { return now; });
  kiosk.scan(caseQrPayload(c.number), "QRCode");
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

}  // namespace
}  // namespace kiosk::test
