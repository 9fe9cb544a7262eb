// The intake screen's fields: device on the left, customer and hand-in on the right. Every
// field is marked when required and shows the workflow's own message for it when it fails.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "kiosk/screens/case_rows.hpp"
#include "kiosk/screens/intake_screen.hpp"
#include "kiosk/ui/imgui_input.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk {
namespace {

constexpr float kLabelWidthEm = 8.5f;

std::string fieldKey(IntakeField field) { return "intake.field." + std::string(intakeFieldName(field)); }

std::vector<std::string> channels() { return {std::begin(kChannels), std::end(kChannels)}; }

}  // namespace

void IntakeScreen::drawForm(KioskContext& ctx) {
  constexpr ImGuiTableFlags kColumns = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV;
  // Compact rows: the counter's whole form fits one screen at 1280x800 without scrolling.
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 4.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 5.0f));
  if (!ImGui::BeginTable("##intake_columns", 2, kColumns)) {
    ImGui::PopStyleVar(2);
    return;
  }
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  drawDeviceColumn(ctx);
  ImGui::TableNextColumn();
  drawCustomerColumn(ctx);
  ImGui::EndTable();
  ImGui::PopStyleVar(2);
}

void IntakeScreen::drawDeviceColumn(KioskContext& ctx) {
  const VendorCatalog& vendors = ctx.backend.vendors();
  drawSerialField(ctx);
  std::vector<std::string> vendorIds;
  for (const auto& v : vendors.all()) vendorIds.push_back(v.id);
  drawChoice(ctx, IntakeField::Vendor, vendorIds, "");
  const VendorProfile* vendor = m_form.vendor(vendors);
  drawChoice(ctx, IntakeField::Family, vendor != nullptr ? vendor->families : std::vector<std::string>{}, "family.");
  drawTextField(ctx, IntakeField::Product);
  drawTextField(ctx, IntakeField::Purchased);
  drawChoice(ctx, IntakeField::Seller, {"other", "atea"}, "intake.seller.");
  drawTextField(ctx, IntakeField::Country);
  // Only the dates the vendor's terms use: AppleCare for Enterprise, an HP service contract.
  if (vendor != nullptr && vendor->warranty.appleCareEnterprise) drawTextField(ctx, IntakeField::AceUntil);
  if (vendor != nullptr && vendor->warranty.kind == "contract") drawTextField(ctx, IntakeField::ContractUntil);
  drawTextField(ctx, IntakeField::Agreement);
  drawChoice(ctx, IntakeField::Channel, channels(), "intake.channel.");
  ImGui::Spacing();
  drawWarranty(ctx);
  ImGui::Spacing();
  drawEarlierCases(ctx);
}

void IntakeScreen::drawCustomerColumn(KioskContext& ctx) {
  const UiText& t = ctx.t();
  ImGui::TextColored(theme::kMuted, "%s", t("intake.section.customer"));
  drawTextField(ctx, IntakeField::Customer);
  drawTextField(ctx, IntakeField::Mobile);
  drawTextField(ctx, IntakeField::Email);
  drawTextField(ctx, IntakeField::Address);
  drawTextField(ctx, IntakeField::Ecase);
  drawTextField(ctx, IntakeField::Invoice);
  drawTextField(ctx, IntakeField::Order);
  ImGui::Spacing();
  ImGui::TextColored(theme::kMuted, "%s", t("intake.section.handin"));
  drawTextField(ctx, IntakeField::Fault, 0, true);
  const VendorProfile* vendor = m_form.vendor(ctx.backend.vendors());
  if (vendor != nullptr && vendor->asksPasscode) drawTextField(ctx, IntakeField::Passcode, ImGuiInputTextFlags_Password);
  drawTextField(ctx, IntakeField::Accessories);
  drawTextField(ctx, IntakeField::Condition);
  drawTextField(ctx, IntakeField::Shelf);
}

void IntakeScreen::fieldLabel(KioskContext& ctx, IntakeField field) {
  const UiText& t = ctx.t();
  ImGui::AlignTextToFramePadding();
  if (m_form.required(field, ctx.backend.vendors())) {
    ImGui::Text("%s *", t(fieldKey(field)));
  } else {
    ImGui::TextUnformatted(t(fieldKey(field)));
  }
  ImGui::SameLine(ImGui::GetFontSize() * kLabelWidthEm);
  ImGui::SetNextItemWidth(-FLT_MIN);
}

void IntakeScreen::fieldError(KioskContext& ctx, IntakeField field) {
  if (const Error* error = m_form.errorFor(field)) {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetFontSize() * kLabelWidthEm);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(theme::kError, "%s", error->message.c_str());
    ImGui::PopTextWrapPos();
  }
  (void)ctx;
}

void IntakeScreen::drawTextField(KioskContext& ctx, IntakeField field, int flags, bool multiline) {
  fieldLabel(ctx, field);
  if (m_focus == field) {
    ImGui::SetKeyboardFocusHere();
    m_focus.reset();
  }
  const std::string id = "##" + std::string(intakeFieldName(field));
  std::string& text = m_form.text(field);
  bool changed = false;
  if (multiline) {
    changed = ImGui::InputTextMultiline(id.c_str(), &text, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 2.6f), flags);
  } else {
    changed = ImGui::InputText(id.c_str(), &text, flags);
  }
  // Checked on each change and when the person leaves the field.
  if (changed || ImGui::IsItemDeactivated()) {
    m_form.touch(field);
    m_changed = true;
  }
  fieldError(ctx, field);
}

void IntakeScreen::drawChoice(KioskContext& ctx, IntakeField field, const std::vector<std::string>& options,
                              const char* textKeyPrefix) {
  const UiText& t = ctx.t();
  const VendorCatalog& vendors = ctx.backend.vendors();
  // Vendors by their own names, everything else through the texts (family.mac, intake.seller.atea).
  const auto shown = [&](const std::string& option) -> std::string {
    if (field == IntakeField::Vendor) {
      const VendorProfile* v = vendors.find(option);
      return v != nullptr ? v->name : option;
    }
    return t.translations().lookupOr(textKeyPrefix + option, option);
  };
  fieldLabel(ctx, field);
  const std::string& current = m_form.text(field);
  const std::string preview = current.empty() ? std::string(t("intake.choose")) : shown(current);
  const std::string id = "##" + std::string(intakeFieldName(field));
  if (ImGui::BeginCombo(id.c_str(), preview.c_str())) {
    for (const auto& option : options) {
      if (ImGui::Selectable(shown(option).c_str(), option == current)) {
        if (field == IntakeField::Vendor) {
          m_form.chooseVendor(option, vendors);
        } else {
          m_form.text(field) = option;
        }
        m_form.touch(field);
        m_changed = true;
      }
    }
    ImGui::EndCombo();
  }
  fieldError(ctx, field);
}

void IntakeScreen::drawSerialField(KioskContext& ctx) {
  const UiText& t = ctx.t();
  ImGui::TextColored(theme::kMuted, "%s", t("intake.section.device"));
  fieldLabel(ctx, IntakeField::Serial);
  if (m_focus == IntakeField::Serial) {
    ImGui::SetKeyboardFocusHere();
    m_focus.reset();
  }
  std::string& serial = m_form.text(IntakeField::Serial);
  const bool entered = ImGui::InputTextWithHint("##serial", t("intake.serial_hint"), &serial,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  const bool left = ImGui::IsItemDeactivatedAfterEdit();
  if (ImGui::IsItemEdited()) {
    m_form.touch(IntakeField::Serial);
    m_changed = true;
  }
  // Typed by hand: read the way a scan is read, once the person confirms or leaves the field.
  if ((entered || left) && !serial.empty()) {
    ScanReading reading = parseScan(serial, "", m_form.text(IntakeField::Vendor));
    if (reading.kind == ScanKind::CaseNumber && !entered) {
      m_read = reading;  // leaving the field with a case number typed opens nothing by surprise
    } else {
      const bool moveOn = entered && reading.isDeviceId();
      takeRead(ctx, reading);
      if (!moveOn) m_focus.reset();
    }
  }
  fieldError(ctx, IntakeField::Serial);
  if (m_read) {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetFontSize() * kLabelWidthEm);
    if (m_read->warning.empty()) {
      const std::string kind = t.translations().lookupOr("intake.kind." + std::string(scanKindName(m_read->kind)),
                                                        std::string(scanKindName(m_read->kind)));
      ImGui::TextColored(theme::kOnTrack, "%s", t.format("intake.read_as", {{"kind", kind}}).c_str());
    } else {
      ImGui::PushTextWrapPos(0.0f);
      const std::string line = t.format("intake.not_a_serial", {{"text", m_read->text}, {"why", m_read->warning}});
      ImGui::TextColored(theme::kAtRisk, "%s", line.c_str());
      ImGui::PopTextWrapPos();
    }
  }
}

void IntakeScreen::drawWarranty(KioskContext& ctx) {
  const UiText& t = ctx.t();
  const Date today = dateOf(ctx.backend.now());
  ImGui::TextColored(theme::kMuted, "%s", t("intake.warranty.heading"));
  ImGui::PushTextWrapPos(0.0f);
  const auto decision = m_form.warranty(ctx.backend.vendors(), today);
  if (!decision) {
    ImGui::TextColored(theme::kMuted, "%s", t("intake.warranty.unknown"));
  } else if (decision->covered) {
    const std::string basis = t.translations().lookupOr("basis." + decision->basis, decision->basis);
    const std::string until = decision->coveredUntil ? t.translations().shortDate(*decision->coveredUntil) : "?";
    ImGui::TextColored(theme::kOnTrack, "%s",
                       t.format("intake.warranty.covered", {{"until", until}, {"basis", basis}}).c_str());
  } else {
    const std::string fee = std::to_string(decision->diagnosisFeeNok);
    std::string line;
    if (decision->coveredUntil) {
      line = t.format("intake.warranty.expired",
                      {{"until", t.translations().shortDate(*decision->coveredUntil)}, {"fee", fee}});
    } else {
      line = t.format("intake.warranty.none", {{"fee", fee}});
    }
    ImGui::TextColored(theme::kAtRisk, "%s", line.c_str());
  }
  ImGui::TextColored(theme::kMuted, "%s", t("intake.warranty.preliminary"));
  ImGui::PopTextWrapPos();
}

void IntakeScreen::drawEarlierCases(KioskContext& ctx) {
  const UiText& t = ctx.t();
  if (m_lookedUp.empty()) return;
  if (m_pendingEarlier.active()) {
    widgets::spinner();
    ImGui::SameLine();
    ImGui::TextUnformatted(t("intake.earlier.loading"));
    return;
  }
  if (m_earlier.empty()) {
    ImGui::TextColored(theme::kMuted, "%s", t.format("intake.earlier.none", {{"serial", m_lookedUp}}).c_str());
    return;
  }
  ImGui::TextUnformatted(t.format("intake.earlier.heading", {{"n", std::to_string(m_earlier.size())}}).c_str());
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                     ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
  const float height = ImGui::GetFrameHeightWithSpacing() * static_cast<float>(std::min<std::size_t>(m_earlier.size(), 4) + 1);
  if (!ImGui::BeginTable("##earlier", 4, kFlags, ImVec2(0, height))) return;
  ImGui::TableSetupColumn(t("intake.earlier.number"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
  ImGui::TableSetupColumn(t("intake.earlier.status"));
  ImGui::TableSetupColumn(t("intake.earlier.registered"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5.5f);
  ImGui::TableSetupColumn(t("intake.earlier.due"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5.5f);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < m_earlier.size(); ++i) {
    const RepairCase& c = m_earlier[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool clicked = ImGui::Selectable(c.number.c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
    // Space activates a focused row (ImGui's navigation); Enter opens it too.
    const bool enter = ImGui::IsItemFocused() && input::pressed(input::Key::Enter);
    if (enter) m_enterTaken = true;
    if (clicked || enter) ctx.nav.openCase(c.number);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(statusText(c.status, t));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(t.translations().shortDate(dateOf(c.registeredAt)).c_str());
    ImGui::TableNextColumn();
    if (c.due) {
      ImGui::TextUnformatted(t.translations().shortDate(*c.due).c_str());
    } else {
      ImGui::TextColored(theme::kMuted, "%s", t("intake.earlier.no_due"));
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace kiosk
