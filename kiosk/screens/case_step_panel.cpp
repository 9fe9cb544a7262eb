#include "kiosk/screens/case_step_panel.hpp"

#include <algorithm>

#include <imgui.h>

#include "kiosk/screens/role_limits.hpp"
#include "kiosk/ui/imgui_input.hpp"
#include "kiosk/ui/widgets.hpp"
#include "workflow/staff_roles.hpp"

namespace kiosk {
namespace {

const ImVec4 kPrimary{0.16f, 0.50f, 0.28f, 1.0f};
const ImVec4 kPrimaryHovered{0.20f, 0.60f, 0.34f, 1.0f};

bool allowed(const std::vector<Step>& steps, Step step) {
  return std::find(steps.begin(), steps.end(), step) != steps.end();
}

// Alt+1..9 this frame: the step with that number. Not plain digits: a part or tracking number
// typed while no field has the keyboard must never start a step.
std::optional<int> altDigit() {
  if (!input::altHeld()) return std::nullopt;
  for (int digit = 1; digit <= 9; ++digit) {
    if (input::pressed(input::digitKey(digit))) return digit;
  }
  return std::nullopt;
}

}  // namespace

const char* stepTextKey(Step step) {
  switch (step) {
    case Step::Diagnose: return "case.step.diagnose";
    case Step::Decide: return "case.step.decide";
    case Step::Quote: return "case.step.quote";
    case Step::Inform: return "case.step.inform";
    case Step::Approve: return "case.step.approve";
    case Step::Decline: return "case.step.decline";
    case Step::OrderParts: return "case.step.order-parts";
    case Step::ReceiveParts: return "case.step.receive-parts";
    case Step::Repaired: return "case.step.repaired";
    case Step::Dispatch: return "case.step.dispatch";
    case Step::Ship: return "case.step.ship";
    case Step::Close: return "case.step.close";
  }
  return "case.step.diagnose";
}

std::optional<Step> likeliestStep(const RepairCase& c, const VendorProfile& v, const std::vector<Step>& steps) {
  // Tell the customer first: of a covered carry-in decision (their return clock starts then), or
  // of a quote. On-site cases are due from the report: the partner comes first.
  const bool covered = c.warranty && c.warranty->covered;
  if (allowed(steps, Step::Inform)) {
    if (c.status == CaseStatus::Diagnosed && covered && !c.informedAt && !v.isOnSite()) return Step::Inform;
    if (c.status == CaseStatus::AwaitingCustomer && !c.events.empty() && c.events.back().kind == stepName(Step::Quote)) {
      return Step::Inform;
    }
  }
  // Parts may be ordered again while waiting or repairing; receiving and finishing come first.
  const Step order[] = {Step::Diagnose,     Step::Decide,   Step::Quote,      Step::Approve, Step::Dispatch,
                        Step::ReceiveParts, Step::Repaired, Step::OrderParts, Step::Ship,    Step::Close};
  for (const Step step : order) {
    if (!allowed(steps, step)) continue;
    // A second diagnosis or a second quote is rare: the answer or the decision comes first.
    if (step == Step::Diagnose && c.status != CaseStatus::Registered) continue;
    if (step == Step::Quote && c.status == CaseStatus::AwaitingCustomer) continue;
    if (step == Step::Diagnose && v.isOnSite() && allowed(steps, Step::Dispatch)) continue;  // on-site: the partner diagnoses
    return step;
  }
  if (!steps.empty()) return steps.front();
  return std::nullopt;
}

void CaseStepPanel::reset() {
  m_form.reset();
  m_error.reset();
  m_offered.clear();
  m_finding[0] = m_amount[0] = m_parts[0] = m_carrier[0] = m_tracking[0] = m_acceptedBy[0] = '\0';
  m_damage = m_via = m_boughtNew = 0;
  m_signature.clear();
}

void CaseStepPanel::caseChanged(const RepairCase& c, const VendorProfile& v) {
  if (m_form && whyNot(*m_form, c, v)) m_form.reset();
}

void CaseStepPanel::stepDone() {
  m_form.reset();
  m_error.reset();
  m_signature.clear();
}

void CaseStepPanel::stepFailed(Error error) {
  m_error = std::move(error);
  m_focusFirstField = true;  // the form stays; its first field takes the keyboard to correct it
}

std::optional<StepIntent> CaseStepPanel::draw(KioskContext& ctx, const RepairCase& c, const VendorProfile& v,
                                              bool busy) {
  // The steps the case allows now that the signed-in member's role may take; the others are
  // named below the buttons, so nobody wonders where they went.
  std::vector<Step> steps;
  m_notForRole.clear();
  const auto role = signedInRole(ctx);
  for (const Step step : allowedSteps(c, v)) {
    (role && !roleMayStep(*role, step) ? m_notForRole : steps).push_back(step);
  }
  m_offered.clear();
  const auto primary = likeliestStep(c, v, steps);
  if (primary) m_offered.push_back(*primary);
  for (const Step step : steps) {
    if (step != primary) m_offered.push_back(step);
  }
  if (m_form && !allowed(steps, *m_form)) m_form.reset();

  // Keys are read before any widget of this frame, so the Enter that opens a form does not
  // also confirm it.
  const bool formOpen = m_form.has_value();
  const bool enter = !busy && input::pressed(input::Key::Enter) && !ImGui::IsAnyItemActive();
  std::optional<Step> picked;
  if (!busy) {
    if (const auto digit = altDigit(); digit && static_cast<std::size_t>(*digit) <= m_offered.size()) {
      picked = m_offered[static_cast<std::size_t>(*digit) - 1];
    } else if (enter && !formOpen && primary) {
      picked = primary;
    }
    if (formOpen && input::pressed(input::Key::Escape)) {
      m_form.reset();
      m_error.reset();
    }
  }

  if (m_offered.empty()) {
    ImGui::TextColored(theme::kMuted, "%s", ctx.t()(c.status == CaseStatus::Closed ? "case.no_steps_closed" : "case.no_steps"));
  } else {
    ImGui::TextUnformatted(ctx.t()("case.next_step"));
    drawButtons(ctx, busy, picked);
  }
  std::optional<StepIntent> intent;
  if (picked) intent = start(*picked, c);
  if (!intent && m_form && !busy) intent = drawForm(ctx, c, v, enter && formOpen && !picked);
  if (m_error) widgets::writeErrorLine(*m_error, ctx.t());
  if (role && !m_notForRole.empty()) drawNotForRole(ctx, *role);
  return intent;
}

void CaseStepPanel::drawButtons(KioskContext& ctx, bool busy, std::optional<Step>& clicked) {
  const UiText& t = ctx.t();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float right = ImGui::GetContentRegionAvail().x + ImGui::GetCursorScreenPos().x;
  if (busy) ImGui::BeginDisabled();
  for (std::size_t i = 0; i < m_offered.size(); ++i) {
    const Step step = m_offered[i];
    const std::string key = i == 0 ? std::string(t("case.key.enter"))
                                   : t.format("case.key.alt", {{"n", std::to_string(i + 1)}});
    const std::string label = t.format("case.button", {{"step", t(stepTextKey(step))}, {"key", key}}) + "##step" +
                              std::string(stepName(step));
    const float width = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + style.FramePadding.x * 2;
    if (i > 0) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
    }
    const bool primary = i == 0;
    const bool open = m_form == step;
    if (primary) {
      ImGui::PushStyleColor(ImGuiCol_Button, kPrimary);
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, kPrimaryHovered);
    }
    if (open) ImGui::PushStyleColor(ImGuiCol_Border, theme::kDueToday);
    if (open) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
    if (ImGui::Button(label.c_str())) clicked = step;
    if (open) ImGui::PopStyleVar();
    if (open) ImGui::PopStyleColor();
    if (primary) ImGui::PopStyleColor(2);
  }
  if (busy) ImGui::EndDisabled();
}

void CaseStepPanel::drawNotForRole(KioskContext& ctx, StaffRole role) const {
  const UiText& t = ctx.t();
  std::string steps;
  for (const Step step : m_notForRole) {
    if (!steps.empty()) steps += ", ";
    steps += t(stepTextKey(step));
  }
  const std::string line = t.format("role.steps_not_for_role", {{"role", roleWord(t, role)}, {"steps", steps}});
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(theme::kMuted, "%s", line.c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace kiosk
