#pragma once
// The counter-facing status screen: the customer scans the QR code on their receipt or types
// the case number on a big keypad and sees, in large type, where the repair stands, when it is
// due and what happens next; never who they are. With no input for the station's idle time it
// returns to its start page by itself.
#include <chrono>
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
  enum class Page { Start, Looking, Found, Unknown, Unavailable };

  [[nodiscard]] ScreenId id() const override { return ScreenId::CustomerStatus; }
  [[nodiscard]] std::string_view titleKey() const override { return "customer.title"; }
  void onShow(KioskContext& ctx) override;
  void onDataChanged(KioskContext& ctx) override;
  void draw(KioskContext& ctx) override;
  bool takeScan(KioskContext& ctx, const ScanReading& scan) override;
  [[nodiscard]] bool waiting() const override { return m_pending.active(); }

  // Tests: the clock the idle reset is measured on (the steady clock by default).
  void setTimeSource(TimeSource now) { m_now = std::move(now); }
  // Tests: every line of text the last frame drew, in order.
  [[nodiscard]] const std::vector<std::string>& shownLines() const { return m_lines; }
  [[nodiscard]] Page page() const { return m_page; }

 private:
  // What the customer gave to find their case. Issue 8 adds the customer code here: a second
  // entry the keypad can type into, checked by the backend alongside the number.
  struct Lookup {
    std::string number;
  };

  void startLookup(KioskContext& ctx, const Lookup& lookup);
  void reset();
  void noteInput();
  void trackIdle(KioskContext& ctx);
  void drawStart(KioskContext& ctx);
  void drawKeypad(KioskContext& ctx);
  void drawFound(KioskContext& ctx);
  void drawMessage(KioskContext& ctx, const char* message);
  void drawBackButton(KioskContext& ctx);
  void line(const std::string& text, ImFont* font, bool centred, const ImVec4* colour = nullptr);

  TimeSource m_now = [] { return std::chrono::steady_clock::now(); };
  std::chrono::steady_clock::time_point m_lastInput{};
  Page m_page = Page::Start;
  std::string m_typed;       // the case number as typed on the keypad or a keyboard
  std::string m_shownNumber; // the number whose status is shown (refreshed on data changes)
  bool m_focusEntry = true;
  Pending<Result<RepairCase>> m_pending;
  std::optional<CustomerStatusView> m_view;
  std::vector<std::string> m_lines;
};

}  // namespace kiosk
