#pragma once
// The dashboard's chart of met and missed due dates: a pair of bars per ISO week (met, missed)
// with the counts written on them, week numbers below, a scale and a legend, drawn with the
// window's draw list (ImGui 1.86's PlotHistogram draws one series only).
#include <cstddef>
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/ui_text.hpp"
#include "workflow/dashboard.hpp"

namespace kiosk {

// A count with its digits grouped as the language writes them: "1 000 000", "1,000,000".
[[nodiscard]] std::string groupedCount(std::size_t n, const UiText& text);

// The ISO week number of the week that starts on `monday` (1..53).
[[nodiscard]] int isoWeekNumber(Date monday);

// Draws the chart into a `size` area at the cursor and moves the cursor past it. Hovering a
// week shows its dates and counts.
void drawWeekChart(const std::vector<WeekOutcome>& weeks, const UiText& text, ImVec2 size);

}  // namespace kiosk
