#include "kiosk/screens/signature_pad.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk {
namespace {

constexpr float kInk = 2.5f;
const ImU32 kInkColour = IM_COL32(20, 30, 80, 255);
const ImU32 kPaper = IM_COL32(245, 245, 240, 255);
const ImU32 kFrame = IM_COL32(150, 150, 150, 255);

void drawStroke(ImDrawList* draw, const SignatureStroke& stroke, ImVec2 origin, float scale) {
  std::vector<ImVec2> points;
  points.reserve(stroke.size());
  for (const auto& p : stroke) {
    points.emplace_back(origin.x + static_cast<float>(p.x) * scale, origin.y + static_cast<float>(p.y) * scale);
  }
  if (points.size() == 1) {
    // A dot: a tap on the canvas is part of a signature too (the i's dot).
    draw->AddCircleFilled(points.front(), kInk, kInkColour);
    return;
  }
  draw->AddPolyline(points.data(), static_cast<int>(points.size()), kInkColour, ImDrawFlags_None, kInk);
}

}  // namespace

void SignaturePad::draw(const char* id, ImVec2 size) {
  m_min = ImGui::GetCursorScreenPos();
  m_max = ImVec2(m_min.x + size.x, m_min.y + size.y);
  ImGui::InvisibleButton(id, size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(m_min, m_max, kPaper, 4.0f);
  draw->AddRect(m_min, m_max, ImGui::IsItemHovered() ? ImGui::GetColorU32(ImGuiCol_ButtonHovered) : kFrame, 4.0f);
  // The line to sign on.
  const float baseline = m_min.y + size.y * 0.75f;
  draw->AddLine(ImVec2(m_min.x + 16, baseline), ImVec2(m_max.x - 16, baseline), kFrame, 1.0f);

  if (ImGui::IsItemActivated()) m_strokes.emplace_back();
  if (ImGui::IsItemActive() && !m_strokes.empty()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    // Canvas-local whole pixels, kept inside the canvas: what is stored is what was seen.
    const SignaturePoint point{static_cast<int>(std::lround(std::clamp(mouse.x - m_min.x, 0.0f, size.x))),
                               static_cast<int>(std::lround(std::clamp(mouse.y - m_min.y, 0.0f, size.y)))};
    auto& stroke = m_strokes.back();
    if (stroke.empty() || !(stroke.back() == point)) stroke.push_back(point);
  }
  draw->PushClipRect(m_min, m_max, true);
  for (const auto& stroke : m_strokes) drawStroke(draw, stroke, m_min, 1.0f);
  draw->PopClipRect();
}

bool drawStoredSignature(const std::string& pathData, ImVec2 size) {
  const auto strokes = decodeSignature(pathData);
  if (!strokes || strokes->empty()) return false;
  int maxX = 1;
  int maxY = 1;
  for (const auto& stroke : *strokes) {
    for (const auto& p : stroke) {
      maxX = std::max(maxX, p.x);
      maxY = std::max(maxY, p.y);
    }
  }
  const float margin = 8.0f;
  const float scale = std::min({1.0f, (size.x - 2 * margin) / static_cast<float>(maxX),
                                (size.y - 2 * margin) / static_cast<float>(maxY)});
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImGui::Dummy(size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, kPaper, 4.0f);
  draw->AddRect(min, max, kFrame, 4.0f);
  draw->PushClipRect(min, max, true);
  for (const auto& stroke : *strokes) drawStroke(draw, stroke, ImVec2(min.x + margin, min.y + margin), scale);
  draw->PopClipRect();
  return true;
}

}  // namespace kiosk
