// KioskUi and staff sign-in: the gate in front of the staff screens, the header with the
// signed-in member's name and role and the sign-out button, and the idle sign-out.
#include <imgui.h>

#include "kiosk/ui/imgui_input.hpp"
#include "kiosk/ui/kiosk_ui.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk {

bool KioskUi::gated() const {
  if (m_forcePad) return m_current->id() != ScreenId::CustomerStatus;
  return !m_locked && m_ctx.backend.signInRequired() && !m_ctx.backend.signedIn() &&
         m_current->id() != ScreenId::CustomerStatus;
}

void KioskUi::setTimeSource(TimeSource now) {
  m_now = std::move(now);
  m_lastInput = m_now();
}

void KioskUi::trackStaffIdle() {
  if (input::anyActivity()) m_lastInput = m_now();
  if (!m_ctx.backend.signedIn()) return;
  const auto limit = m_ctx.station.staffIdleSignOut;
  const auto signOutAt = m_lastInput + limit;
  if (m_now() >= signOutAt) {
    m_ctx.backend.signOut();
    m_signIn->noteIdleSignOut(m_ctx, static_cast<int>(limit.count()));
    return;
  }
  m_ctx.wakeNoLaterThan(std::chrono::steady_clock::now() + (signOutAt - m_now()));
}

// Right of the tabs: who is signed in, in which role, and the button that signs them out; or
// that nobody is; or, with no accounts at all, how to add them.
void KioskUi::drawStaffHeader() {
  const UiText& t = m_ctx.t();
  const auto member = m_ctx.backend.signedIn();
  std::string text;
  if (member) {
    text = t.format("signin.header", {{"name", member->name},
                                      {"role", t(std::string("signin.role.") + std::string(roleName(member->role)))}});
  } else if (m_ctx.backend.signInRequired()) {
    text = t("signin.not_signed_in");
  } else {
    text = t("signin.no_accounts_short");
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  float width = ImGui::CalcTextSize(text.c_str()).x;
  const char* signOut = t("signin.sign_out");
  if (member) width += style.ItemSpacing.x + ImGui::CalcTextSize(signOut).x + style.FramePadding.x * 2;
  const float right = ImGui::GetWindowContentRegionMax().x;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right - width));
  ImGui::AlignTextToFramePadding();
  if (member) {
    ImGui::TextUnformatted(text.c_str());
    ImGui::SameLine();
    if (ImGui::Button(signOut)) m_signOutAsked = true;
  } else {
    ImGui::TextColored(m_ctx.backend.signInRequired() ? theme::kAtRisk : theme::kMuted, "%s", text.c_str());
  }
}

void KioskUi::applySignOut() {
  if (!std::exchange(m_signOutAsked, false)) return;
  m_ctx.backend.signOut();
  m_signIn->onShow(m_ctx);
}

void KioskUi::noticeSignOut() {
  const auto member = m_ctx.backend.signedIn();
  std::string name = member ? member->name : std::string();
  // Any way out counts: the button, the idle time, the backend finding the account disabled
  // at a step, or a passcode read's PIN answered locked or disabled (both on the worker, both
  // with a reason for the pad).
  if (!m_lastMember.empty() && name != m_lastMember) {
    for (const auto& s : m_screens) s->onSignOut(m_ctx);
  }
  // Said on the pad now showing: the member is gone before the screen that asked takes its answer.
  if (auto why = m_ctx.backend.takeSignOutReason()) m_signIn->noteSignedOut(m_ctx, *why);
  m_lastMember = std::move(name);
}

}  // namespace kiosk
