#pragma once
// Small widgets every screen uses: the busy spinner, a coloured urgency badge, error lines.
#include <string>

#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_text.hpp"
#include "workflow/error.hpp"

namespace kiosk::widgets {

// A turning arc, drawn in line with the text; the shell keeps frames coming while work runs.
void spinner(float radius = 8.0f);
// The urgency as coloured text with its word: "● Forfalt".
void urgencyBadge(const theme::Urgency& urgency, const UiText& text);
// An error from the workflow or the store, in the error colour, with its field when it has one.
void errorLine(const Error& error, const UiText& text);
// Text centred horizontally in the current window.
void centredText(const char* text);

}  // namespace kiosk::widgets
