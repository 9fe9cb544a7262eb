#pragma once
// Everything that happened to a case, newest first: when, who, the step in words, and details.
#include "kiosk/app/kiosk_context.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk {

void drawCaseTimeline(KioskContext& ctx, const RepairCase& repairCase);
// The step of an event in words ("case.event.order-parts"); the kind itself if none is known.
[[nodiscard]] std::string eventText(const std::string& kind, const UiText& text);

}  // namespace kiosk
