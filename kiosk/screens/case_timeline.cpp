#include "kiosk/screens/case_timeline.hpp"

#include <imgui.h>

#include "kiosk/ui/theme.hpp"

namespace kiosk {

namespace {

// "02.11.2026 08:02": the long form ("2. november 2026 kl. 08:02") crowds the details out.
std::string when(LocalTime at, const UiText& text) {
  return text.translations().shortDate(dateOf(at)) + " " + formatLocalTime(at).substr(11, 5);
}

}  // namespace

std::string eventText(const std::string& kind, const UiText& text) {
  return text.translations().lookupOr("case.event." + kind, kind);
}

void drawCaseTimeline(KioskContext& ctx, const RepairCase& c) {
  const UiText& t = ctx.t();
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                     ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##timeline", 4, kFlags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(t("case.col.when"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7.5f);
  ImGui::TableSetupColumn(t("case.col.step"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 10);
  ImGui::TableSetupColumn(t("case.col.staff"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7);
  ImGui::TableSetupColumn(t("case.col.detail"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableHeadersRow();
  // Newest first: what just happened is what the technician looks for.
  for (auto it = c.events.rbegin(); it != c.events.rend(); ++it) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(when(it->at, t).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(eventText(it->kind, t).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(it->staff.c_str());
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(it->detail.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndTable();
}

}  // namespace kiosk
