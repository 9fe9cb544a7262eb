#include "kiosk/screens/sign_in_screen.hpp"

#include <algorithm>
#include <array>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "kiosk/screens/sign_in_words.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk {
namespace {

// Big enough for a finger, as the customer screen's keypad.
ImVec2 keySize() { return {ImGui::GetFontSize() * 3.0f, ImGui::GetFontSize() * 2.2f}; }
constexpr int kKeypadColumns = 3;

// PINs are digits only; whatever else a keyboard typed into the field is dropped.
int digitsOnly(ImGuiInputTextCallbackData* data) {
  return data->EventChar >= '0' && data->EventChar <= '9' ? 0 : 1;
}

}  // namespace

void SignInScreen::onShow(KioskContext& ctx) {
  m_pin.clear();
  if (m_name.empty()) m_name = ctx.backend.stationStaff();  // --staff: offered first
  if (!m_roster.active()) m_roster = Pending(ctx.backend.staffRoster());
  m_focusPin = !m_name.empty();
}

void SignInScreen::onDataChanged(KioskContext& ctx) {
  if (!m_roster.active()) m_roster = Pending(ctx.backend.staffRoster());
}

bool SignInScreen::takeScan(KioskContext& ctx, const ScanReading& scan) {
  (void)ctx;
  (void)scan;
  return true;
}

void SignInScreen::noteIdleSignOut(const KioskContext& ctx, int minutes) {
  say(ctx.t().format("signin.idle_signed_out", {{"minutes", std::to_string(minutes)}}), false);
}

void SignInScreen::noteSignedOut(const KioskContext& ctx, const SignInAnswer& why) {
  say(signInRefusalText(ctx.t(), why, why.member ? why.member->name : m_name), true);
}

void SignInScreen::say(std::string text, bool error) {
  m_message = std::move(text);
  m_messageIsError = error;
}

void SignInScreen::takeAnswers(KioskContext& ctx) {
  const UiText& t = ctx.t();
  if (auto roster = m_roster.take()) {
    if (*roster) {
      m_enabled = (*roster)->enabled;
      m_accountsExist = (*roster)->accountsExist;
      m_rosterError.reset();
    } else {
      m_rosterError = roster->error();
    }
  }
  auto answer = m_signIn.take();
  if (!answer) return;
  m_focusPin = true;  // ready for the next try
  if (!*answer) {
    say(signInErrorText(t, answer->error()), true);
    return;
  }
  // Ok: the pad is gone by now (the backend signed the member in); this answer may be taken only
  // when it shows again, after a sign-out, whose words must stay.
  if ((*answer)->verdict != SignInVerdict::Ok) say(signInRefusalText(t, **answer, m_name), true);
}

void SignInScreen::submit(KioskContext& ctx) {
  if (m_signIn.active()) return;
  const auto first = m_name.find_first_not_of(' ');
  if (first == std::string::npos) {
    say(ctx.t()("signin.choose_name"), true);
    return;
  }
  if (m_pin.empty()) {
    say(ctx.t()("signin.type_pin"), true);
    m_focusPin = true;
    return;
  }
  m_signIn = Pending(ctx.backend.signIn(m_name, m_pin));
  std::fill(m_pin.begin(), m_pin.end(), '\0');  // not left in memory longer than it must be
  m_pin.clear();
  say("", false);
}

void SignInScreen::draw(KioskContext& ctx) {
  takeAnswers(ctx);
  const UiText& t = ctx.t();
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted(t("signin.title"));
  ImGui::PopFont();
  ImGui::TextColored(theme::kMuted, "%s", t("signin.public_hint"));
  if (!m_accountsExist) ImGui::TextWrapped("%s", t("signin.no_accounts"));
  if (m_rosterError) widgets::errorLine(*m_rosterError, t);
  ImGui::Spacing();

  const float column = ImGui::GetFontSize() * 18;
  ImGui::BeginGroup();
  drawNames(ctx);
  ImGui::EndGroup();
  ImGui::SameLine(column + ImGui::GetStyle().ItemSpacing.x * 4);
  ImGui::BeginGroup();
  drawPin(ctx);
  drawKeypad(ctx);
  if (m_signIn.active()) {
    widgets::spinner();
    ImGui::SameLine();
    ImGui::TextUnformatted(t("signin.checking"));
  }
  if (!m_message.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetFontSize() * 22);
    ImGui::TextColored(m_messageIsError ? theme::kError : theme::kMuted, "%s", m_message.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndGroup();
}

void SignInScreen::drawNames(KioskContext& ctx) {
  const UiText& t = ctx.t();
  ImGui::TextUnformatted(t("signin.name"));
  const float width = ImGui::GetFontSize() * 16;
  for (const StaffMember& member : m_enabled) {
    const bool picked = member.name == m_name;
    if (picked) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const std::string label = member.name + "  ·  " + t(std::string("signin.role.") + std::string(roleName(member.role))) +
                              "##member-" + member.name;
    if (ImGui::Button(label.c_str(), ImVec2(width, 0))) {
      m_name = member.name;
      m_pin.clear();
      m_focusPin = true;
      say("", false);
    }
    if (picked) ImGui::PopStyleColor();
  }
  ImGui::SetNextItemWidth(width);
  if (ImGui::InputTextWithHint("##name", t("signin.name_hint"), &m_name, ImGuiInputTextFlags_EnterReturnsTrue)) {
    m_focusPin = true;
  }
}

void SignInScreen::drawPin(KioskContext& ctx) {
  const UiText& t = ctx.t();
  ImGui::TextUnformatted(t("signin.pin"));
  ImGui::PushFont(ctx.fonts.heading);
  const ImVec2 key = keySize();
  ImGui::SetNextItemWidth(key.x * kKeypadColumns + ImGui::GetStyle().ItemSpacing.x * (kKeypadColumns - 1));
  if (m_focusPin) {
    ImGui::SetKeyboardFocusHere();
    m_focusPin = false;
  }
  const bool entered = ImGui::InputTextWithHint(
      "##pin", "", &m_pin,
      ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackCharFilter,
      digitsOnly);
  ImGui::PopFont();
  if (entered) submit(ctx);
}

void SignInScreen::drawKeypad(KioskContext& ctx) {
  const UiText& t = ctx.t();
  ImGui::PushFont(ctx.fonts.heading);
  const ImVec2 size = keySize();
  const std::array<std::string, 12> keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9",
                                            t("signin.erase"), "0", t("signin.ok")};
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i % kKeypadColumns != 0) ImGui::SameLine();
    const std::string label = keys[i] + "##key" + std::to_string(i);
    if (!ImGui::Button(label.c_str(), size)) continue;
    if (i == 9) {
      if (!m_pin.empty()) m_pin.pop_back();
    } else if (i == 11) {
      submit(ctx);
    } else if (m_pin.size() < kMaxPinDigits) {
      m_pin += keys[i];
    }
  }
  ImGui::PopFont();
}

}  // namespace kiosk
