#include "kiosk/ui/widgets.hpp"

#include <cmath>

#include <imgui.h>

namespace kiosk::widgets {

void spinner(float radius) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float size = radius * 2.0f;
  ImGui::Dummy(ImVec2(size, size));
  const ImVec2 centre(at.x + radius, at.y + radius);
  const float start = static_cast<float>(ImGui::GetTime()) * 6.0f;
  constexpr int kSegments = 24;
  draw->PathClear();
  for (int i = 0; i <= kSegments; ++i) {
    const float a = start + static_cast<float>(i) / kSegments * 4.5f;
    draw->PathLineTo(ImVec2(centre.x + std::cos(a) * radius, centre.y + std::sin(a) * radius));
  }
  draw->PathStroke(ImGui::GetColorU32(ImGuiCol_Text), false, 2.5f);
}

void urgencyBadge(const theme::Urgency& urgency, const UiText& text) {
  ImGui::TextColored(urgency.colour, "\u25CF %s", urgency.wordKey.empty() ? "" : text(urgency.wordKey));
}

void errorLine(const Error& error, const UiText& text) {
  if (error.field.empty()) {
    ImGui::TextColored(theme::kError, "%s", error.message.c_str());
  } else {
    const std::string line = text.format("error.with_field", {{"field", error.field}, {"message", error.message}});
    ImGui::TextColored(theme::kError, "%s", line.c_str());
  }
}

void centredText(const char* text) {
  const float width = ImGui::CalcTextSize(text).x;
  ImGui::SetCursorPosX(std::max(0.0f, (ImGui::GetWindowWidth() - width) * 0.5f));
  ImGui::TextUnformatted(text);
}

}  // namespace kiosk::widgets
