#include "kiosk/ui/theme.hpp"

namespace kiosk::theme {

void apply() {
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  // Touch-friendly at the counter: roomy padding, rounded controls, a visible keyboard focus.
  style.FramePadding = ImVec2(10, 8);
  style.ItemSpacing = ImVec2(10, 10);
  style.CellPadding = ImVec2(8, 6);
  style.FrameRounding = 4;
  style.GrabRounding = 4;
  style.WindowRounding = 0;
  style.ScrollbarSize = 20;
  style.Colors[ImGuiCol_NavHighlight] = ImVec4(1.0f, 0.85f, 0.2f, 1.0f);
}

Urgency urgencyOf(const Standing& standing) {
  if (standing.done) return {kOnTrack, "standing.done"};
  if (standing.overdue) return {kOverdue, "standing.overdue"};
  if (standing.dueToday) return {kDueToday, "standing.due_today"};
  if (standing.atRisk) return {kAtRisk, "standing.at_risk"};
  if (standing.due) return {kOnTrack, "standing.on_track"};
  return {kMuted, "standing.no_due"};
}

}  // namespace kiosk::theme
