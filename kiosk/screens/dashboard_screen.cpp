#include "kiosk/screens/dashboard_screen.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include <imgui.h>

#include "kiosk/screens/case_rows.hpp"
#include "kiosk/screens/dashboard_chart.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk {
namespace {

constexpr ImGuiTableFlags kTableFlags =
    ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;

// One big figure: the number in the huge font and its word under it, both in the figure's
// colour, so the urgency is never colour alone.
void figureCard(const KioskContext& ctx, const char* id, std::size_t n, const ImVec4& colour, const char* word,
                ImVec2 size) {
  ImGui::BeginChild(id, size, true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PushFont(ctx.fonts.huge);
  ImGui::TextColored(n == 0 ? theme::kMuted : colour, "%s", groupedCount(n, ctx.t()).c_str());
  ImGui::PopFont();
  ImGui::TextColored(colour, "\u25CF %s", word);
  ImGui::EndChild();
}

void sectionTitle(const char* text) {
  ImGui::TextUnformatted(text);
  ImGui::Separator();
}

void countCell(std::size_t n, const ImVec4& colour, const UiText& text) {
  ImGui::TableNextColumn();
  ImGui::TextColored(n == 0 ? theme::kMuted : colour, "%s", groupedCount(n, text).c_str());
}

}  // namespace

void DashboardScreen::onShow(KioskContext& ctx) { request(ctx); }

void DashboardScreen::onDataChanged(KioskContext& ctx) { request(ctx); }

void DashboardScreen::request(KioskContext& ctx) {
  if (m_pending.active()) {
    m_again = true;  // the answer on its way may predate the change
    return;
  }
  m_pending = Pending(ctx.backend.dashboard(kWeeks));
}

void DashboardScreen::poll(KioskContext& ctx) {
  auto answer = m_pending.take();  // taking it leaves m_pending inactive
  if (!answer) return;
  if (*answer) {
    m_figures = std::move(**answer);
    m_error.reset();
  } else {
    m_error = answer->error();
  }
  if (std::exchange(m_again, false)) request(ctx);
}

void DashboardScreen::draw(KioskContext& ctx) {
  poll(ctx);
  const UiText& t = ctx.t();
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted(t("dashboard.title"));
  ImGui::PopFont();
  if (m_pending.active()) {
    ImGui::SameLine();
    widgets::spinner();
  }
  if (m_error) widgets::errorLine(*m_error, t);
  if (!m_figures) {
    if (m_pending.active()) {
      widgets::spinner();
      ImGui::SameLine();
      ImGui::TextUnformatted(t("dashboard.loading"));
    }
    return;
  }
  const DashboardFigures& figures = *m_figures;
  drawHeadline(ctx, figures);

  // Middle band: open cases by status beside the weekly chart; bottom band: the two tables.
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float width = ImGui::GetContentRegionAvail().x;
  const float leftWidth = std::floor(width * 0.36f);
  const float middleHeight = ImGui::GetTextLineHeightWithSpacing() * 10.5f;
  ImGui::BeginChild("##by_status", ImVec2(leftWidth, middleHeight), false);
  drawByStatus(ctx, figures);
  ImGui::EndChild();
  ImGui::SameLine(0, spacing * 2);
  ImGui::BeginChild("##weeks", ImVec2(0, middleHeight), false);
  drawWeeks(ctx, figures);
  ImGui::EndChild();

  const float bottomHeight = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetTextLineHeightWithSpacing() * 5.0f);
  const float half = std::floor((width - spacing * 2) * 0.5f);
  ImGui::BeginChild("##per_technician", ImVec2(half, bottomHeight), false);
  sectionTitle(t("dashboard.per_technician"));
  drawStandingTable(ctx, "##technicians", t("dashboard.col.technician"), false, figures);
  ImGui::EndChild();
  ImGui::SameLine(0, spacing * 2);
  ImGui::BeginChild("##per_vendor", ImVec2(0, bottomHeight), false);
  sectionTitle(t("dashboard.per_vendor"));
  drawStandingTable(ctx, "##vendors", t("dashboard.col.vendor"), true, figures);
  ImGui::EndChild();
}

void DashboardScreen::drawHeadline(KioskContext& ctx, const DashboardFigures& figures) {
  const UiText& t = ctx.t();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float cardWidth = std::floor((ImGui::GetContentRegionAvail().x - spacing * 3) / 4.0f);
  const ImVec2 card(cardWidth, ImGui::GetFontSize() * 3.0f + ImGui::GetTextLineHeightWithSpacing() +
                                   ImGui::GetStyle().WindowPadding.y * 2 + 4.0f);
  figureCard(ctx, "##open", figures.total.open, ImGui::GetStyleColorVec4(ImGuiCol_Text), t("dashboard.open"), card);
  ImGui::SameLine();
  figureCard(ctx, "##due_today", figures.total.dueToday, theme::kDueToday, t("standing.due_today"), card);
  ImGui::SameLine();
  figureCard(ctx, "##at_risk", figures.total.atRisk, theme::kAtRisk, t("standing.at_risk"), card);
  ImGui::SameLine();
  figureCard(ctx, "##overdue", figures.total.overdue, theme::kOverdue, t("standing.overdue"), card);
}

void DashboardScreen::drawByStatus(KioskContext& ctx, const DashboardFigures& figures) {
  const UiText& t = ctx.t();
  sectionTitle(t("dashboard.by_status"));
  std::size_t most = 1;
  for (const auto& [status, n] : figures.byStatus) most = std::max(most, n);
  // Tighter rows than the queue's: nine statuses fit without a scrollbar.
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(6, 2));
  if (ImGui::BeginTable("##statuses", 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("##status", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("##count", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize(groupedCount(999999, t).c_str()).x);
    ImGui::TableSetupColumn("##bar", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    for (const auto& [status, n] : figures.byStatus) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(statusText(status, t));
      ImGui::TableNextColumn();
      const std::string count = groupedCount(n, t);
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetColumnWidth() - ImGui::CalcTextSize(count.c_str()).x);
      ImGui::TextColored(n == 0 ? theme::kMuted : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s", count.c_str());
      ImGui::TableNextColumn();
      // A bar in proportion to the largest status: where the work piles up, at a glance.
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float full = ImGui::GetContentRegionAvail().x;
      const float h = ImGui::GetTextLineHeight();
      const float w = full * static_cast<float>(n) / static_cast<float>(most);
      if (n > 0) {
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + h * 0.2f), ImVec2(at.x + std::max(w, 2.0f), at.y + h * 0.8f),
                                                  ImGui::GetColorU32(ImGuiCol_ButtonHovered), 2.0f);
      }
      ImGui::Dummy(ImVec2(full, h));
    }
    ImGui::EndTable();
  }
  ImGui::PopStyleVar();
}

void DashboardScreen::drawWeeks(KioskContext& ctx, const DashboardFigures& figures) {
  const UiText& t = ctx.t();
  const std::string title = t.format("dashboard.weeks_title", {{"n", std::to_string(figures.weeks.size())}});
  sectionTitle(title.c_str());
  drawWeekChart(figures.weeks, t, ImGui::GetContentRegionAvail());
}

void DashboardScreen::drawStandingTable(KioskContext& ctx, const char* id, const char* nameColumn, bool vendors,
                                        const DashboardFigures& figures) {
  const UiText& t = ctx.t();
  const auto& rows = vendors ? figures.byVendor : figures.byTechnician;
  if (rows.empty()) {
    ImGui::TextColored(theme::kMuted, "%s", t("dashboard.none_open"));
    return;
  }
  if (!ImGui::BeginTable(id, 5, kTableFlags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  // Each count column as wide as its header or its widest figure, the name column takes the rest.
  const auto widthOf = [&](const char* header, std::size_t StandingCounts::*field) {
    float width = ImGui::CalcTextSize(header).x;
    for (const auto& row : rows) width = std::max(width, ImGui::CalcTextSize(groupedCount(row.second.*field, t).c_str()).x);
    return width + 8.0f;
  };
  ImGui::TableSetupColumn(nameColumn, ImGuiTableColumnFlags_WidthStretch);
  for (const auto& [header, field] : {std::pair{t("dashboard.col.open"), &StandingCounts::open},
                                      std::pair{t("standing.due_today"), &StandingCounts::dueToday},
                                      std::pair{t("standing.at_risk"), &StandingCounts::atRisk},
                                      std::pair{t("standing.overdue"), &StandingCounts::overdue}}) {
    ImGui::TableSetupColumn(header, ImGuiTableColumnFlags_WidthFixed, widthOf(header, field));
  }
  ImGui::TableHeadersRow();
  for (const auto& [key, counts] : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (vendors) {
      const VendorProfile* vendor = ctx.backend.vendors().find(key);
      ImGui::TextUnformatted(vendor != nullptr ? vendor->name.c_str() : key.c_str());
    } else if (key.empty()) {
      ImGui::TextColored(theme::kMuted, "%s", t("dashboard.unassigned"));
    } else {
      ImGui::TextUnformatted(key.c_str());
    }
    countCell(counts.open, ImGui::GetStyleColorVec4(ImGuiCol_Text), t);
    countCell(counts.dueToday, theme::kDueToday, t);
    countCell(counts.atRisk, theme::kAtRisk, t);
    countCell(counts.overdue, theme::kOverdue, t);
  }
  ImGui::EndTable();
}

}  // namespace kiosk
