#pragma once
// The counter-facing status screen: the customer scans the QR code on their receipt (it holds
// the case number and the customer code) or types both on a big keypad, and sees, in large type,
// where the repair stands, when it is due and what happens next; never who they are. A wrong
// code and an unknown number get the same answer; a number that fails its check character is
// called mistyped; too many wrong codes lock the number for a while, and the page says for how
// long. With no input for the station's idle time it returns to its start page by itself.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/screens/customer_status_lines.hpp"
#include "kiosk/screens/screen.hpp"

struct ImFont;
struct ImVec4;

namespace kiosk {

class CustomerStatusScreen final : public Screen {
 public:
  using TimeSource = std::function<std::chrono::steady_clock::time_point()>;
  enum class Page { Start, Looking, Found, NoMatch, Mistyped, Locked, Unavailable };
  // The entry the keypad types into.
  enum class Field { Number, Code };

  [[nodiscard]] ScreenId id() const override { return ScreenId::CustomerStatus; }
  [[nodiscard]] std::string_view titleKey() const override { return "customer.title"; }
  void onShow(KioskContext& ctx) override;
  void onDataChanged(KioskContext& ctx) override;
  void draw(KioskContext& ctx) override;
  bool takeScan(KioskContext& ctx, const ScanReading& scan) override;
  [[nodiscard]] bool waiting() const override { return m_lookup.active() || m_refresh.active(); }

  // Tests: the clock the idle reset is measured on (the steady clock by default).
  void setTimeSource(TimeSource now) { m_now = std::move(now); }
  // Tests: every line of text the last frame drew, in order.
  [[nodiscard]] const std::vector<std::string>& shownLines() const { return m_lines; }
  [[nodiscard]] Page page() const { return m_page; }
  [[nodiscard]] Field activeField() const { return m_active; }
  [[nodiscard]] const std::string& typedNumber() const { return m_typedNumber; }
  [[nodiscard]] const std::string& typedCode() const { return m_typedCode; }

 private:
  void startLookup(KioskContext& ctx, const std::string& number, const std::string& code);
  void takeAnswer(KioskContext& ctx);
  void lookUpTyped(KioskContext& ctx);
  void focus(Field field);
  static void releaseEntries();
  void reset();
  void noteInput();
  void trackIdle(KioskContext& ctx);
  void drawStart(KioskContext& ctx);
  // One labelled entry; true when Enter was pressed in it.
  bool drawEntry(KioskContext& ctx, Field field, const char* label, const char* hint, std::string& text);
  void drawKeypad(KioskContext& ctx);
  void drawFound(KioskContext& ctx);
  void drawMessage(KioskContext& ctx, const std::string& message);
  void drawBackButton(KioskContext& ctx);
  void line(const std::string& text, ImFont* font, bool centred, const ImVec4* colour = nullptr);

  TimeSource m_now = [] { return std::chrono::steady_clock::now(); };
  std::chrono::steady_clock::time_point m_lastInput{};
  Page m_page = Page::Start;
  std::string m_typedNumber;  // as typed on the keypad or a keyboard, or scanned
  std::string m_typedCode;
  Field m_active = Field::Number;
  std::optional<Field> m_focus = Field::Number;  // to take the keyboard focus next frame
  std::string m_shownNumber;  // the number whose status is shown (refreshed on data changes)
  std::int64_t m_lockMinutes = 0;  // Locked: the minutes left, rounded up
  // The lookup (number and code checked, the attempt counted); then, for a case already shown,
  // plain reloads when the bench changes it: the code was right, and a reload counts nothing.
  Pending<Result<CustomerLookupAnswer>> m_lookup;
  Pending<Result<RepairCase>> m_refresh;
  std::optional<CustomerStatusView> m_view;
  std::vector<std::string> m_lines;
};

}  // namespace kiosk
