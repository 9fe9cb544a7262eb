#include "kiosk/screens/dashboard_chart.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/ui/theme.hpp"

namespace kiosk {
namespace {

const ImVec4& kMetColour = theme::kOnTrack;
const ImVec4& kMissedColour = theme::kOverdue;

// A scale step of 1, 2 or 5 times a power of ten giving at most `maxTicks` steps up to `top`.
std::size_t scaleStep(std::size_t top, std::size_t maxTicks) {
  std::size_t power = 1;
  while (true) {
    for (const std::size_t m : {1U, 2U, 5U}) {
      if (top <= m * power * maxTicks) return m * power;
    }
    power *= 10;
  }
}

void drawLegendEntry(ImDrawList* draw, ImVec2& at, const ImVec4& colour, const char* word) {
  const float box = ImGui::GetFontSize() * 0.7f;
  const float y = at.y + (ImGui::GetFontSize() - box) * 0.5f;
  draw->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + box, y + box), ImGui::GetColorU32(colour), 2.0f);
  at.x += box + 6.0f;
  draw->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), word);
  at.x += ImGui::CalcTextSize(word).x + 24.0f;
}

// One bar with its count above it (or inside its top when the bar reaches the top).
void drawBar(ImDrawList* draw, ImVec2 bottomLeft, float width, float height, const ImVec4& colour, std::size_t n,
             const UiText& text) {
  const ImVec2 top(bottomLeft.x, bottomLeft.y - height);
  if (height > 0.5f) {
    draw->AddRectFilled(top, ImVec2(bottomLeft.x + width, bottomLeft.y), ImGui::GetColorU32(colour), 2.0f,
                        ImDrawFlags_RoundCornersTop);
  }
  const std::string label = groupedCount(n, text);
  const ImVec2 size = ImGui::CalcTextSize(label.c_str());
  const ImVec2 at(bottomLeft.x + (width - size.x) * 0.5f, top.y - size.y - 2.0f);
  draw->AddText(at, ImGui::GetColorU32(n == 0 ? theme::kMuted : colour), label.c_str());
}

}  // namespace

std::string groupedCount(std::size_t n, const UiText& text) {
  const std::string digits = std::to_string(n);
  const std::string separator = text("dashboard.digit_group");
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

int isoWeekNumber(Date monday) {
  // The ISO week belongs to the year its Thursday is in; week 1 holds that year's first Thursday.
  const date::sys_days thursday = date::sys_days{monday} + date::days{3};
  const date::year year = date::year_month_day{thursday}.year();
  const date::sys_days firstDay{year / date::January / 1};
  return static_cast<int>((thursday - firstDay).count() / 7 + 1);
}

void drawWeekChart(const std::vector<WeekOutcome>& weeks, const UiText& text, ImVec2 size) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  if (weeks.empty()) return;
  const float line = ImGui::GetFontSize();

  ImVec2 legend = origin;
  drawLegendEntry(draw, legend, kMetColour, text("dashboard.met"));
  drawLegendEntry(draw, legend, kMissedColour, text("dashboard.missed"));

  std::size_t highest = 1;
  for (const auto& w : weeks) highest = std::max({highest, w.met, w.missed});
  const std::size_t step = scaleStep(highest, 4);
  const std::size_t top = (highest + step - 1) / step * step;

  const float axis = ImGui::CalcTextSize(groupedCount(top, text).c_str()).x + 8.0f;
  const float left = origin.x + axis;
  const float right = origin.x + size.x - line * 0.5f;  // room for the last week's label
  const float plotTop = origin.y + line * 2.6f;  // legend, then room for the top bar's count
  const float plotBottom = origin.y + size.y - line * 1.4f;  // week numbers below
  const float plotHeight = std::max(1.0f, plotBottom - plotTop);
  const auto yOf = [&](std::size_t n) { return plotBottom - plotHeight * static_cast<float>(n) / static_cast<float>(top); };

  const ImU32 grid = ImGui::GetColorU32(ImVec4(1, 1, 1, 0.10f));
  const ImU32 muted = ImGui::GetColorU32(theme::kMuted);
  for (std::size_t n = 0; n <= top; n += step) {
    const float y = yOf(n);
    draw->AddLine(ImVec2(left, y), ImVec2(right, y), grid);
    const std::string label = groupedCount(n, text);
    draw->AddText(ImVec2(left - 6.0f - ImGui::CalcTextSize(label.c_str()).x, y - line * 0.5f), muted, label.c_str());
  }

  const float slot = (right - left) / static_cast<float>(weeks.size());
  const float bar = std::min(slot * 0.32f, line * 2.0f);
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const WeekOutcome& week = weeks[i];
    const float centre = left + slot * (static_cast<float>(i) + 0.5f);
    drawBar(draw, ImVec2(centre - bar - 2.0f, plotBottom), bar, plotBottom - yOf(week.met), kMetColour, week.met, text);
    drawBar(draw, ImVec2(centre + 2.0f, plotBottom), bar, plotBottom - yOf(week.missed), kMissedColour, week.missed, text);

    const bool current = i + 1 == weeks.size();
    const std::string label = current ? std::string(text("dashboard.this_week"))
                                      : text.format("dashboard.week", {{"n", std::to_string(isoWeekNumber(week.weekStart))}});
    const float width = ImGui::CalcTextSize(label.c_str()).x;
    draw->AddText(ImVec2(centre - width * 0.5f, plotBottom + line * 0.2f),
                  current ? ImGui::GetColorU32(ImGuiCol_Text) : muted, label.c_str());

    const ImVec2 hoverMin(centre - slot * 0.5f, origin.y);
    const ImVec2 hoverMax(centre + slot * 0.5f, origin.y + size.y);
    if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(hoverMin, hoverMax)) {
      const Date sunday{date::sys_days{week.weekStart} + date::days{6}};
      const std::string tip = text.format(
          "dashboard.week_tooltip",
          {{"n", std::to_string(isoWeekNumber(week.weekStart))},
           {"from", text.translations().shortDate(week.weekStart)},
           {"to", text.translations().shortDate(sunday)},
           {"met", groupedCount(week.met, text)},
           {"missed", groupedCount(week.missed, text)}});
      ImGui::SetTooltip("%s", tip.c_str());
    }
  }
}

}  // namespace kiosk
