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
// A write (a step, an intake) that failed, said so that nobody takes it for saved: a
// Conflict says the case was changed at another station first, a Storage error that nothing
// was saved and why; the workflow's refusals and bad input read as errorLine does. Wrapped.
void writeErrorLine(const Error& error, const UiText& text);
// The text writeErrorLine shows.
[[nodiscard]] std::string writeErrorText(const Error& error, const UiText& text);
// A full-width coloured band with wrapped text (the frame's "offline" notice).
void banner(const char* text, const ImVec4& background);
// Text centred horizontally in the current window.
void centredText(const char* text);

}  // namespace kiosk::widgets
