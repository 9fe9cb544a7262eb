#include "kiosk/ui/widgets.hpp"

#include <algorithm>
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

std::string writeErrorText(const Error& error, const UiText& text) {
  switch (error.kind) {
    case ErrorKind::Conflict: return text("error.changed_elsewhere");
    case ErrorKind::Storage: return text.format("error.not_saved", {{"message", error.message}});
    default: break;
  }
  if (error.field.empty()) return error.message;
  return text.format("error.with_field", {{"field", error.field}, {"message", error.message}});
}

void writeErrorLine(const Error& error, const UiText& text) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(theme::kError, "%s", writeErrorText(error, text).c_str());
  ImGui::PopTextWrapPos();
}

void banner(const char* text, const ImVec4& background) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 padding = style.FramePadding;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float wrap = std::max(1.0f, width - padding.x * 2.0f);
  const ImVec2 size = ImGui::CalcTextSize(text, nullptr, false, wrap);
  const ImVec2 end(at.x + width, at.y + size.y + padding.y * 2.0f);
  ImGui::GetWindowDrawList()->AddRectFilled(at, end, ImGui::GetColorU32(background), style.FrameRounding);
  ImGui::SetCursorScreenPos(ImVec2(at.x + padding.x, at.y + padding.y));
  ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + wrap);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::SetCursorScreenPos(ImVec2(at.x, end.y));
  ImGui::Dummy(ImVec2(width, style.ItemSpacing.y * 0.5f));
}

void centredText(const char* text) {
  const float width = ImGui::CalcTextSize(text).x;
  ImGui::SetCursorPosX(std::max(0.0f, (ImGui::GetWindowWidth() - width) * 0.5f));
  ImGui::TextUnformatted(text);
}

}  // namespace kiosk::widgets
