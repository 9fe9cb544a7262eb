// CaseStepPanel's inline forms: one per step that needs input, and how a step starts.
#include <algorithm>
#include <cstring>

#include <imgui.h>
#include <imgui_internal.h>

#include "kiosk/screens/case_step_panel.hpp"
#include "kiosk/screens/case_warranty_text.hpp"
#include "kiosk/ui/imgui_input.hpp"
#include "kiosk/ui/widgets.hpp"
#include "workflow/case_service.hpp"
#include "workflow/field_rules.hpp"

namespace kiosk {
namespace {

constexpr const char* kVia[] = {"sms", "email", "phone"};
constexpr Damage kDamage[] = {Damage::None, Damage::Liquid, Damage::Impact, Damage::CrackedScreen};

bool needsForm(Step step) {
  switch (step) {
    case Step::Diagnose:
    case Step::Decide:
    case Step::Quote:
    case Step::OrderParts:
    case Step::Inform:
    case Step::Decline:
    case Step::Ship:
    case Step::Close: return true;
    case Step::Approve:
    case Step::ReceiveParts:
    case Step::Repaired:
    case Step::Dispatch: return false;
  }
  return false;
}

template <std::size_t N>
void copyInto(std::array<char, N>& buffer, const std::string& text) {
  const std::size_t n = std::min(text.size(), N - 1);
  std::memcpy(buffer.data(), text.data(), n);
  buffer[n] = '\0';
}

std::vector<std::string> splitParts(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    std::string part = trim(std::string_view(text).substr(start, comma - start));
    if (!part.empty()) parts.push_back(std::move(part));
    start = comma + 1;
  }
  return parts;
}

float fieldWidth() { return ImGui::GetFontSize() * 18; }

}  // namespace

bool CaseStepPanel::takeScan(const ScanReading& scan) {
  if (scan.kind == ScanKind::CaseNumber) return false;
  if (m_form != Step::Ship && m_form != Step::OrderParts) return false;
  // A field being edited keeps its own copy of the text: let go of it so the scan shows.
  ImGui::ClearActiveID();
  if (m_form == Step::Ship) {
    copyInto(m_tracking, scan.raw);
  } else {
    std::string parts = m_parts.data();
    if (!trim(parts).empty()) parts += ", ";
    copyInto(m_parts, parts + scan.text);
  }
  return true;
}

std::optional<StepIntent> CaseStepPanel::start(Step step, const RepairCase& c) {
  m_error.reset();
  if (needsForm(step)) {
    if (m_form != step) {
      // A fresh form each time: what was typed for an earlier step (or case) is not reused.
      m_form = step;
      m_focusFirstField = true;
      m_finding[0] = m_amount[0] = m_parts[0] = m_carrier[0] = m_tracking[0] = '\0';
      m_damage = m_via = m_boughtNew = 0;
      copyInto(m_acceptedBy, c.customer.name);
      m_signature.clear();
    }
    return std::nullopt;
  }
  m_form.reset();
  const std::string n = c.number;
  switch (step) {
    case Step::Approve:
      return StepIntent{step, [n](CaseService& s, const Actor& a) { return s.approve(n, a); }};
    case Step::ReceiveParts:
      return StepIntent{step, [n](CaseService& s, const Actor& a) { return s.receiveParts(n, a); }};
    case Step::Repaired:
      return StepIntent{step, [n](CaseService& s, const Actor& a) { return s.markRepaired(n, a); }};
    case Step::Dispatch:
      return StepIntent{step, [n](CaseService& s, const Actor& a) { return s.dispatch(n, a); }};
    default: return std::nullopt;
  }
}

std::optional<StepIntent> CaseStepPanel::drawForm(KioskContext& ctx, const RepairCase& c, const VendorProfile& v,
                                                  bool enter) {
  const UiText& t = ctx.t();
  ImGui::Separator();
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted(t(stepTextKey(*m_form)));
  ImGui::PopFont();
  std::optional<StepIntent> intent;
  ImGui::PushID("form");
  switch (*m_form) {
    case Step::Diagnose: intent = diagnoseForm(ctx, c, enter); break;
    case Step::Decide: intent = decideForm(ctx, c, v, enter); break;
    case Step::Quote: intent = quoteForm(ctx, c, enter); break;
    case Step::OrderParts: intent = orderPartsForm(ctx, c, enter); break;
    case Step::Inform: intent = informForm(ctx, c, enter); break;
    case Step::Decline: intent = declineForm(ctx, c, enter); break;
    case Step::Ship: intent = shipForm(ctx, c, enter); break;
    case Step::Close: intent = closeForm(ctx, c, enter); break;
    default: break;
  }
  ImGui::PopID();
  return intent;
}

bool CaseStepPanel::textField(const char* label, const char* hint, char* buffer, std::size_t size, float width) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(ImGui::GetFontSize() * 8);
  if (m_focusFirstField) {
    ImGui::SetKeyboardFocusHere();
    m_focusFirstField = false;
  }
  ImGui::SetNextItemWidth(width);
  const std::string id = std::string("##") + label;
  return ImGui::InputTextWithHint(id.c_str(), hint, buffer, size, ImGuiInputTextFlags_EnterReturnsTrue);
}

void CaseStepPanel::choice(KioskContext& ctx, int& selected, std::initializer_list<const char*> optionKeys) {
  const UiText& t = ctx.t();
  int index = 0;
  for (const char* key : optionKeys) {
    if (input::ctrlHeld() && input::pressed(input::digitKey(index + 1))) selected = index;
    const std::string label =
        t.format("case.option", {{"option", t(key)}, {"key", std::to_string(index + 1)}}) + "##opt" + key;
    if (index > 0) ImGui::SameLine();
    if (ImGui::RadioButton(label.c_str(), selected == index)) selected = index;
    ++index;
  }
}

bool CaseStepPanel::formButtons(KioskContext& ctx, const char* confirmKey) {
  const UiText& t = ctx.t();
  const bool confirmed = ImGui::Button(t(confirmKey));
  ImGui::SameLine();
  if (ImGui::Button(t("case.form.cancel"))) {
    m_form.reset();
    m_error.reset();
  }
  return confirmed;
}

std::optional<StepIntent> CaseStepPanel::diagnoseForm(KioskContext& ctx, const RepairCase& c, bool confirm) {
  const UiText& t = ctx.t();
  confirm |= textField(t("case.form.finding"), t("case.form.finding_hint"), m_finding.data(), m_finding.size(),
                       fieldWidth() * 1.4f);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(t("case.form.damage"));
  ImGui::SameLine(ImGui::GetFontSize() * 8);
  choice(ctx, m_damage, {"case.damage.none", "case.damage.liquid", "case.damage.impact", "case.damage.cracked-screen"});
  confirm |= formButtons(ctx, "case.form.confirm");
  if (!confirm || !m_form) return std::nullopt;
  const std::string finding = trim(m_finding.data());
  if (finding.empty()) {
    m_error = Error{ErrorKind::BadInput, t("case.form.finding"), t("case.form.required")};
    m_focusFirstField = true;  // back into the field to correct it
    return std::nullopt;
  }
  const Damage damage = kDamage[std::clamp(m_damage, 0, 3)];
  return StepIntent{Step::Diagnose, [n = c.number, finding, damage](CaseService& s, const Actor& a) {
                      return s.diagnose(n, finding, damage, a);
                    }};
}

std::optional<StepIntent> CaseStepPanel::decideForm(KioskContext& ctx, const RepairCase& c, const VendorProfile& v,
                                                    bool confirm) {
  const UiText& t = ctx.t();
  // What the workflow will record: the same rule on the same facts, shown before it is final.
  const WarrantyDecision preview = decideWarranty(v, warrantyQueryOf(c));
  ImGui::TextColored(preview.covered ? theme::kOnTrack : theme::kAtRisk, "%s",
                     preview.covered ? t("case.warranty.yes") : t("case.warranty.no"));
  ImGui::PushTextWrapPos(0.0f);
  for (const auto& line : warrantyReasons(c, v, preview, t)) ImGui::BulletText("%s", line.c_str());
  ImGui::PopTextWrapPos();
  confirm |= formButtons(ctx, "case.form.confirm_decision");
  if (!confirm || !m_form) return std::nullopt;
  return StepIntent{Step::Decide, [n = c.number](CaseService& s, const Actor& a) { return s.decide(n, a); }};
}

std::optional<StepIntent> CaseStepPanel::quoteForm(KioskContext& ctx, const RepairCase& c, bool confirm) {
  const UiText& t = ctx.t();
  confirm |= textField(t("case.form.amount"), t("case.form.amount_hint"), m_amount.data(), m_amount.size(),
                       fieldWidth() * 0.5f);
  confirm |= formButtons(ctx, "case.form.confirm");
  if (!confirm || !m_form) return std::nullopt;
  const auto ore = parseNok(t("case.form.amount"), m_amount.data());
  if (!ore) {
    m_error = ore.error();
    m_focusFirstField = true;  // back into the field to correct it
    return std::nullopt;
  }
  return StepIntent{Step::Quote,
                    [n = c.number, amount = *ore](CaseService& s, const Actor& a) { return s.quote(n, amount, a); }};
}

std::optional<StepIntent> CaseStepPanel::orderPartsForm(KioskContext& ctx, const RepairCase& c, bool confirm) {
  const UiText& t = ctx.t();
  confirm |= textField(t("case.form.parts"), t("case.form.parts_hint"), m_parts.data(), m_parts.size(),
                       fieldWidth() * 1.4f);
  if (c.device.family == "ipad" && c.warranty && c.warranty->action == "swap") {
    ImGui::TextColored(theme::kMuted, "%s", t("case.form.swap_hint"));
  }
  confirm |= formButtons(ctx, "case.form.confirm");
  if (!confirm || !m_form) return std::nullopt;
  auto parts = splitParts(m_parts.data());
  if (parts.empty()) {
    m_error = Error{ErrorKind::BadInput, t("case.form.parts"), t("case.form.required")};
    m_focusFirstField = true;  // back into the field to correct it
    return std::nullopt;
  }
  return StepIntent{Step::OrderParts, [n = c.number, parts = std::move(parts)](CaseService& s, const Actor& a) {
                      return s.orderParts(n, parts, a);
                    }};
}

std::optional<StepIntent> CaseStepPanel::informForm(KioskContext& ctx, const RepairCase& c, bool confirm) {
  const UiText& t = ctx.t();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(t("case.form.via"));
  ImGui::SameLine(ImGui::GetFontSize() * 8);
  choice(ctx, m_via, {"case.via.sms", "case.via.email", "case.via.phone"});
  const std::string reach = c.customer.email.empty()
                                ? t.format("case.form.reach_no_email", {{"mobile", c.customer.mobile}})
                                : t.format("case.form.reach", {{"mobile", c.customer.mobile}, {"email", c.customer.email}});
  ImGui::TextColored(theme::kMuted, "%s", reach.c_str());
  confirm |= formButtons(ctx, "case.form.confirm");
  if (!confirm || !m_form) return std::nullopt;
  const std::string via = kVia[std::clamp(m_via, 0, 2)];
  return StepIntent{Step::Inform, [n = c.number, via](CaseService& s, const Actor& a) { return s.inform(n, via, a); }};
}

std::optional<StepIntent> CaseStepPanel::declineForm(KioskContext& ctx, const RepairCase& c, bool confirm) {
  const UiText& t = ctx.t();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(t("case.form.bought_new"));
  ImGui::SameLine(ImGui::GetFontSize() * 8);
  choice(ctx, m_boughtNew, {"case.form.no", "case.form.yes"});
  confirm |= formButtons(ctx, "case.form.confirm");
  if (!confirm || !m_form) return std::nullopt;
  const bool boughtNew = m_boughtNew == 1;
  return StepIntent{Step::Decline, [n = c.number, boughtNew](CaseService& s, const Actor& a) {
                      return s.decline(n, boughtNew, a);
                    }};
}

std::optional<StepIntent> CaseStepPanel::shipForm(KioskContext& ctx, const RepairCase& c, bool confirm) {
  const UiText& t = ctx.t();
  confirm |= textField(t("case.form.carrier"), t("case.form.carrier_hint"), m_carrier.data(), m_carrier.size(),
                       fieldWidth() * 0.7f);
  confirm |= textField(t("case.form.tracking"), t("case.form.tracking_hint"), m_tracking.data(), m_tracking.size(),
                       fieldWidth());
  const std::string to = t.format("case.form.ship_to", {{"address", c.customer.address}});
  ImGui::TextColored(theme::kMuted, "%s", to.c_str());
  // With a carrier configured the return is booked there and its tracking number stored:
  // nothing to type (Ctrl+B, or the button).
  if (ctx.backend.gateways().carrier) {
    const bool book = ImGui::Button(t("case.form.book_return")) || (input::ctrlHeld() && input::pressed(input::Key::B));
    ImGui::SameLine();
    ImGui::TextColored(theme::kMuted, "%s", t("case.form.book_return_hint"));
    if (book) {
      if (auto command = ctx.backend.bookReturnCommand(c.number)) return StepIntent{Step::Ship, std::move(*command)};
    }
  }
  confirm |= formButtons(ctx, "case.form.confirm");
  if (!confirm || !m_form) return std::nullopt;
  return StepIntent{Step::Ship, [n = c.number, carrier = std::string(m_carrier.data()),
                                 tracking = std::string(m_tracking.data())](CaseService& s, const Actor& a) {
                      return s.ship(n, carrier, tracking, a);
                    }};
}

std::optional<StepIntent> CaseStepPanel::closeForm(KioskContext& ctx, const RepairCase& c, bool confirm) {
  const UiText& t = ctx.t();
  confirm |= textField(t("case.form.accepted_by"), t("case.form.accepted_by_hint"), m_acceptedBy.data(),
                       m_acceptedBy.size(), fieldWidth());
  ImGui::TextUnformatted(t("case.form.sign_here"));
  m_signature.draw("##signature", ImVec2(ImGui::GetFontSize() * 26, ImGui::GetFontSize() * 8));
  ImGui::SameLine();
  if (ImGui::Button(t("case.form.clear_signature"))) m_signature.clear();
  confirm |= formButtons(ctx, "case.form.confirm_close");
  if (!confirm || !m_form) return std::nullopt;
  if (m_signature.empty()) {
    m_error = Error{ErrorKind::BadInput, t("case.form.signature"), t("case.form.signature_required")};
    return std::nullopt;
  }
  return StepIntent{Step::Close, [n = c.number, name = std::string(m_acceptedBy.data()),
                                  signature = m_signature.encoded()](CaseService& s, const Actor& a) {
                      return s.close(n, name, a, signature);
                    }};
}

}  // namespace kiosk
