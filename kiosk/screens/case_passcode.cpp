#include "kiosk/screens/case_passcode.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "kiosk/screens/role_limits.hpp"
#include "kiosk/screens/sign_in_words.hpp"
#include "kiosk/ui/imgui_input.hpp"
#include "kiosk/ui/widgets.hpp"
#include "workflow/case_status.hpp"

namespace kiosk {
namespace {

// PINs are digits only; whatever else a keyboard typed into the field is dropped.
int digitsOnly(ImGuiInputTextCallbackData* data) { return data->EventChar >= '0' && data->EventChar <= '9' ? 0 : 1; }

ImVec2 centreOfLastItem() {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  return {(min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f};
}

template <class T>
void wipeVector(ImVector<T>& v) {
  SecretText::wipe(reinterpret_cast<char*>(v.Data), static_cast<std::size_t>(v.Capacity) * sizeof(T));
}

// ImGui keeps its own copies of what a text field holds (the edit buffer, the text as it was
// when the field took the keyboard, the undo records) and of the characters typed this frame;
// they stay in memory after the field lets go. Wiped with the PIN. `deactivate` only inside a
// frame: the field must not stay active on a state that no longer holds its text.
void wipeImGuiCopies(ImGuiID field, bool deactivate) {
  if (ImGui::GetCurrentContext() == nullptr) return;
  wipeVector(ImGui::GetIO().InputQueueCharacters);
  if (field == 0) return;
  ImGuiInputTextState* state = ImGui::GetInputTextState(field);
  if (state == nullptr) return;
  if (deactivate && ImGui::GetActiveID() == field) ImGui::ClearActiveID();
  wipeVector(state->TextW);
  wipeVector(state->TextA);
  wipeVector(state->InitialTextA);
  SecretText::wipe(reinterpret_cast<char*>(&state->Stb.undostate), sizeof(state->Stb.undostate));
  state->CurLenW = state->CurLenA = 0;
  state->ID = 0;  // the next activation starts afresh from our (wiped) buffer, undo stack included
}

}  // namespace

void CasePasscode::wipePin() {
  SecretText::wipe(m_pin.data(), m_pin.size());
  if (m_promptOpen) wipeImGuiCopies(m_pinField, false);
}

void CasePasscode::closePrompt() {
  SecretText::wipe(m_pin.data(), m_pin.size());
  // Only when it was open: the characters typed this frame may be another field's, still to be
  // taken (a scanner typing a tracking number while a case loads).
  if (m_promptOpen) wipeImGuiCopies(m_pinField, true);
  m_promptOpen = false;
}

void CasePasscode::reset() {
  closePrompt();
  m_shown.wipe();
  m_pending = {};  // an answer still on its way is dropped (and wiped) with its future
  m_message.clear();
  m_number.clear();
}

void CasePasscode::openPrompt() {
  m_promptOpen = true;
  m_focusPin = true;
  m_message.clear();
}

void CasePasscode::poll(KioskContext& ctx) {
  auto answer = m_pending.take();
  if (!answer) return;
  const UiText& t = ctx.t();
  m_focusPin = true;  // ready for another try
  if (!*answer) {
    m_message = signInErrorText(t, answer->error());
    return;
  }
  PasscodeReading& reading = **answer;
  switch (reading.verdict) {
    case PasscodeReadVerdict::Read:
      m_shown = std::move(reading.passcode);
      m_hideAt = m_now() + ctx.station.passcodeShownFor;
      m_message.clear();
      closePrompt();
      break;
    case PasscodeReadVerdict::NotTechnician: m_message = t("case.passcode.not_technician"); break;
    case PasscodeReadVerdict::NoPasscode: m_message = t("case.passcode.none"); break;
    case PasscodeReadVerdict::Refused: m_message = signInRefusalText(t, reading.signIn, ctx.backend.staff()); break;
  }
}

void CasePasscode::draw(KioskContext& ctx, const RepairCase& c) {
  m_offered = m_saidNotForRole = false;
  if (c.number != m_number) {
    reset();
    m_number = c.number;
  }
  // Closed (the passcode was erased) or none given: nothing to offer, and nothing kept.
  if (!isOpen(c.status) || c.intake.passcode.empty()) {
    if (m_promptOpen || !m_shown.empty() || m_pending.active()) reset();
    m_number = c.number;
    return;
  }
  const auto role = signedInRole(ctx);
  if (!role || !PasscodeService::mayRead(*role)) {
    if (m_promptOpen || !m_shown.empty() || m_pending.active()) reset();
    m_number = c.number;
    drawOffer(ctx);
    return;
  }
  if (!m_openFor.empty() && m_openFor == c.number) {
    openPrompt();
    m_openFor.clear();
  }
  poll(ctx);
  if (!m_shown.empty()) drawShown(ctx);
  if (!m_shown.empty()) return;
  if (m_promptOpen) {
    drawPrompt(ctx, c);
  } else {
    drawOffer(ctx);
  }
  if (!m_message.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(theme::kError, "%s", m_message.c_str());
    ImGui::PopTextWrapPos();
  }
}

// The button for a technician; for anyone else, who may read it.
void CasePasscode::drawOffer(KioskContext& ctx) {
  const UiText& t = ctx.t();
  const auto role = signedInRole(ctx);
  if (role && PasscodeService::mayRead(*role)) {
    m_offered = true;
    if (ImGui::Button(t("case.passcode.show"))) openPrompt();
    m_buttonAt = centreOfLastItem();
    return;
  }
  m_saidNotForRole = true;
  const std::string line = role ? t.format("case.passcode.technician_only", {{"role", roleWord(t, *role)}})
                                : std::string(t("case.passcode.sign_in_needed"));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(theme::kMuted, "%s", line.c_str());
  ImGui::PopTextWrapPos();
}

void CasePasscode::drawPrompt(KioskContext& ctx, const RepairCase& c) {
  const UiText& t = ctx.t();
  const bool busy = m_pending.active();
  ImGui::TextUnformatted(t("case.passcode.prompt"));
  if (m_focusPin && !busy) {
    ImGui::SetKeyboardFocusHere();
    m_focusPin = false;
  }
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  const bool entered = ImGui::InputTextWithHint(
      "##passcode-pin", t("case.passcode.pin_hint"), m_pin.data(), m_pin.size(),
      ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackCharFilter |
          ImGuiInputTextFlags_NoUndoRedo,
      digitsOnly);
  m_pinField = ImGui::GetItemID();
  ImGui::PopFont();
  ImGui::SameLine();
  if (busy) ImGui::BeginDisabled();
  const bool clicked = ImGui::Button(t("case.passcode.ok"));
  if (busy) ImGui::EndDisabled();
  ImGui::SameLine();
  const bool cancelled = ImGui::Button(t("case.passcode.cancel")) || input::pressed(input::Key::Escape);
  if (busy) {
    ImGui::SameLine();
    widgets::spinner();
    ImGui::SameLine();
    ImGui::TextUnformatted(t("case.passcode.checking"));
  }
  if (cancelled) {
    closePrompt();
    m_pending = {};
    m_message.clear();
  } else if ((entered || clicked) && !busy) {
    send(ctx, c);
  }
}

void CasePasscode::send(KioskContext& ctx, const RepairCase& c) {
  if (m_pin[0] == '\0') {
    m_message = ctx.t()("case.passcode.type_pin");
    m_focusPin = true;
    return;
  }
  auto pin = std::make_shared<SecretText>(std::string_view(m_pin.data()));
  SecretText::wipe(m_pin.data(), m_pin.size());  // sent: this screen keeps no copy
  wipeImGuiCopies(m_pinField, true);
  m_message.clear();
  m_pending = Pending(ctx.backend.readPasscode(c.number, std::move(pin)));
}

void CasePasscode::drawShown(KioskContext& ctx) {
  const auto now = m_now();
  if (now >= m_hideAt) {
    m_shown.wipe();
    return;
  }
  const UiText& t = ctx.t();
  const auto left = std::chrono::ceil<std::chrono::seconds>(m_hideAt - now);
  ImFont* large = ctx.fonts.huge != nullptr ? ctx.fonts.huge : ctx.fonts.heading;
  // The label, the countdown and the button centred on the passcode's line.
  const float top = ImGui::GetCursorPosY();
  const float middle = top + std::max(0.0f, (large->FontSize - ImGui::GetFrameHeight()) * 0.5f);
  ImGui::SetCursorPosY(middle);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(t("case.passcode.label"));
  ImGui::SameLine();
  ImGui::SetCursorPosY(top);
  ImGui::PushFont(large);
  // Straight from its one copy: a formatted line would leave another in freed memory each frame.
  const std::string_view text = m_shown.view();
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::SetCursorPosY(middle);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(theme::kMuted, "%s", t.format("case.passcode.hides", {{"seconds", std::to_string(left.count())}}).c_str());
  ImGui::SameLine();
  ImGui::SetCursorPosY(middle);
  const bool hide = ImGui::Button(t("case.passcode.hide"));
  m_buttonAt = centreOfLastItem();
  if (hide) {
    m_shown.wipe();
    return;
  }
  // A frame when it must go, and one a second for the countdown, with no input to wake the loop.
  const auto untilNext = std::min<std::chrono::steady_clock::duration>(m_hideAt - now, std::chrono::seconds(1));
  ctx.wakeNoLaterThan(std::chrono::steady_clock::now() + untilNext);
}

}  // namespace kiosk
