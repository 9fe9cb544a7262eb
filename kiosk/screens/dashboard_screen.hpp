#pragma once
// The dashboard: open cases by status; due today, at risk and overdue as big figures (colour
// and word); met and missed due dates week by week as a chart; standing per technician and
// per vendor. Refreshed whenever any station changes a case.
#include <optional>

#include "kiosk/screens/screen.hpp"

namespace kiosk {

class DashboardScreen final : public Screen {
 public:
  static constexpr int kWeeks = 8;  // how far back the met / missed chart goes

  [[nodiscard]] ScreenId id() const override { return ScreenId::Dashboard; }
  [[nodiscard]] std::string_view titleKey() const override { return "dashboard.title"; }
  void onShow(KioskContext& ctx) override;
  void onDataChanged(KioskContext& ctx) override;
  void draw(KioskContext& ctx) override;
  [[nodiscard]] bool waiting() const override { return m_pending.active(); }

  // For tests: the figures on screen now (nothing before the first answer).
  [[nodiscard]] const std::optional<DashboardFigures>& figures() const { return m_figures; }

 private:
  void request(KioskContext& ctx);
  void poll(KioskContext& ctx);
  void drawHeadline(KioskContext& ctx, const DashboardFigures& figures);
  void drawByStatus(KioskContext& ctx, const DashboardFigures& figures);
  void drawWeeks(KioskContext& ctx, const DashboardFigures& figures);
  void drawStandingTable(KioskContext& ctx, const char* id, const char* nameColumn, bool vendors,
                         const DashboardFigures& figures);

  Pending<Result<DashboardFigures>> m_pending;
  bool m_again = false;  // a change arrived while a query ran: ask once more when it is back
  std::optional<DashboardFigures> m_figures;
  std::optional<Error> m_error;
};

}  // namespace kiosk
