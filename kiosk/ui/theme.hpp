#pragma once
// Colours and sizes in one place. Due-date urgency is never colour alone: every colour comes
// with its word (see standingWordKey).
#include <string_view>

#include <imgui.h>

#include "workflow/due_dates.hpp"

namespace kiosk::theme {

void apply();  // the kiosk's style on the current ImGui context

inline const ImVec4 kOverdue{0.86f, 0.20f, 0.18f, 1.0f};
inline const ImVec4 kAtRisk{0.95f, 0.55f, 0.10f, 1.0f};
inline const ImVec4 kDueToday{0.95f, 0.80f, 0.15f, 1.0f};
inline const ImVec4 kOnTrack{0.35f, 0.75f, 0.40f, 1.0f};
inline const ImVec4 kMuted{0.60f, 0.62f, 0.66f, 1.0f};
inline const ImVec4 kError{1.00f, 0.45f, 0.40f, 1.0f};
// Behind the "offline" band: dark enough for the theme's white text, unlike any row colour.
inline const ImVec4 kOfflineBand{0.62f, 0.14f, 0.10f, 1.0f};

// The most urgent thing about a case's due date: its colour and the i18n key of its word
// ("standing.overdue", ...). Empty key when there is nothing to flag.
struct Urgency {
  ImVec4 colour = kMuted;
  std::string_view wordKey;
};
[[nodiscard]] Urgency urgencyOf(const Standing& standing);

}  // namespace kiosk::theme
