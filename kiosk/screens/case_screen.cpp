#include "kiosk/screens/case_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "kiosk/screens/case_header.hpp"
#include "kiosk/screens/case_timeline.hpp"
#include "kiosk/ui/imgui_input.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk {
namespace {

// A case names a vendor whose profile may since have gone; the first profile keeps it showable
// (CaseService::vendorOf does the same).
const VendorProfile& vendorFor(const KioskContext& ctx, const RepairCase& c) {
  const VendorProfile* found = ctx.backend.vendors().find(c.device.vendor);
  return found != nullptr ? *found : ctx.backend.vendors().all().front();
}

}  // namespace

void CaseScreen::onShow(KioskContext& ctx) {
  if (auto number = ctx.nav.takeCaseNumber()) {
    load(ctx, *number);
  } else if (m_case) {
    load(ctx, m_case->number);  // fresh data when coming back to it
  }
  m_focusPrompt = true;
}

void CaseScreen::onDataChanged(KioskContext& ctx) {
  // A step of our own is on its way back with the case; a load is already asking.
  if (m_case && !m_pendingStep.active() && !m_pendingLoad.active()) load(ctx, m_case->number);
}

void CaseScreen::onHide(KioskContext& ctx) {
  (void)ctx;
  m_passcode.reset();
}

void CaseScreen::onSignOut(KioskContext& ctx) {
  (void)ctx;
  m_passcode.reset();
}

bool CaseScreen::waiting() const {
  return m_pendingLoad.active() || m_pendingStep.active() || m_messages.waiting() || m_passcode.waiting();
}

bool CaseScreen::takeScan(KioskContext& ctx, const ScanReading& scan) {
  (void)ctx;
  // A tracking or part number scanned into the open form; a case number opens that case (the
  // kiosk's default does that through the navigator).
  return m_case && m_panel.takeScan(scan);
}

void CaseScreen::load(KioskContext& ctx, const std::string& number) {
  m_loading = number;
  m_loadError.reset();
  m_pendingLoad = Pending(ctx.backend.load(number));
}

void CaseScreen::poll(KioskContext& ctx) {
  m_messages.poll(ctx);
  if (auto loaded = m_pendingLoad.take()) {
    if (*loaded) {
      if (!m_case || m_case->number != (*loaded)->number) {
        m_panel.reset();
        m_passcode.reset();
      }
      m_case = std::move(**loaded);
      m_panel.caseChanged(*m_case, vendorFor(ctx, *m_case));
      m_messages.refresh(ctx, m_case->number);
    } else {
      m_loadError = loaded->error();
      // Another case was asked for and does not exist: back to the prompt with the reason.
      if (m_case && m_case->number != m_loading) {
        m_case.reset();
        m_passcode.reset();
      }
    }
  }
  if (auto stepped = m_pendingStep.take()) {
    if (*stepped) {
      m_case = std::move(**stepped);
      m_panel.stepDone();
      m_messages.refresh(ctx, m_case->number);  // the step may have queued some
    } else {
      m_panel.stepFailed(stepped->error());
      // The case may have moved on at another station: show it as it is now.
      if (m_case) load(ctx, m_case->number);
    }
  }
}

void CaseScreen::draw(KioskContext& ctx) {
  poll(ctx);
  // Escape with no form open leaves the case for the prompt: another number can be typed.
  if (m_case && !m_panel.openForm() && !m_passcode.promptOpen() && !m_pendingStep.active() &&
      !ImGui::IsAnyItemActive() && input::pressed(input::Key::Escape)) {
    m_case.reset();
    m_panel.reset();
    m_passcode.reset();
    m_messages.reset();
    m_loadError.reset();
    m_focusPrompt = true;
  }
  if (!m_case) {
    drawPrompt(ctx);
    return;
  }
  drawCase(ctx, *m_case);
}

void CaseScreen::drawPrompt(KioskContext& ctx) {
  const UiText& t = ctx.t();
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted(t("case.title"));
  ImGui::PopFont();
  ImGui::TextUnformatted(t("case.prompt"));
  if (m_focusPrompt) {
    ImGui::SetKeyboardFocusHere();
    m_focusPrompt = false;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 17);
  if (ImGui::InputTextWithHint("##number", t("case.prompt_hint"), m_number.data(), m_number.size(),
                               ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsUppercase)) {
    load(ctx, m_number.data());
    m_number[0] = '\0';
    m_focusPrompt = true;
  }
  ImGui::SameLine();
  if (ImGui::Button(t("case.open"))) load(ctx, m_number.data());
  if (m_pendingLoad.active()) {
    widgets::spinner();
    ImGui::SameLine();
    ImGui::TextUnformatted(t("case.loading"));
  }
  if (m_loadError) widgets::errorLine(*m_loadError, t);
}

void CaseScreen::drawCase(KioskContext& ctx, const RepairCase& c) {
  const UiText& t = ctx.t();
  const VendorProfile& vendor = vendorFor(ctx, c);
  drawCaseHeader(ctx, c);
  if (c.status != CaseStatus::Closed) ImGui::TextColored(theme::kMuted, "%s", t("case.keys_hint"));
  if (m_loadError) widgets::errorLine(*m_loadError, t);
  ImGui::Separator();

  // The actions take the height they need; the timeline scrolls in the rest, full width so the
  // details read on one line.
  std::optional<StepIntent> intent = m_panel.draw(ctx, c, vendor, m_pendingStep.active());
  if (m_pendingStep.active()) {
    widgets::spinner();
    ImGui::SameLine();
    ImGui::TextUnformatted(t("case.working"));
  }
  // After the steps: the panel reads Enter before this prompt's PIN field lets go of it, so the
  // Enter that sends a PIN never also runs the highlighted step.
  m_passcode.draw(ctx, c);
  if (c.status == CaseStatus::Closed) drawAcceptance(ctx, c);
  ImGui::Separator();
  drawHistory(ctx, c);

  // Applied after drawing: the step runs on the backend, the updated case comes back.
  if (intent) m_pendingStep = Pending(ctx.backend.runStep(intent->step, std::move(intent->command)));
}

// The timeline and the customer's messages share the rest of the screen as two tabs; the
// messages tab counts them, and says so when one failed.
void CaseScreen::drawHistory(KioskContext& ctx, const RepairCase& c) {
  const UiText& t = ctx.t();
  m_historyTabsAt = ImGui::GetCursorScreenPos();
  if (!ImGui::BeginTabBar("##history")) return;
  if (ImGui::BeginTabItem(t("case.timeline"))) {
    drawCaseTimeline(ctx, c);
    ImGui::EndTabItem();
  }
  const auto& messages = m_messages.messages();
  const bool anyFailed = std::any_of(messages.begin(), messages.end(),
                                     [](const OutboxMessage& m) { return m.status == OutboxStatus::Failed; });
  const std::string label = t.format(anyFailed ? "case.messages.tab_failed" : "case.messages.tab",
                                     {{"count", std::to_string(messages.size())}}) +
                            "###messages";
  if (ImGui::BeginTabItem(label.c_str())) {
    m_messages.draw(ctx);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace kiosk
