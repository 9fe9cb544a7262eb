#include "kiosk/screens/case_header.hpp"

#include <imgui.h>

#include "kiosk/screens/case_rows.hpp"
#include "kiosk/screens/case_warranty_text.hpp"
#include "kiosk/screens/signature_pad.hpp"
#include "kiosk/ui/widgets.hpp"
#include "workflow/due_dates.hpp"

namespace kiosk {
namespace {

void label(const char* text) { ImGui::TextColored(theme::kMuted, "%s", text); }

void value(const std::string& text) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
}

std::string joined(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += " · ";
    out += part;
  }
  return out;
}

void drawDue(KioskContext& ctx, const RepairCase& c) {
  const UiText& t = ctx.t();
  if (c.due) {
    ImGui::TextUnformatted(t.translations().shortDate(*c.due).c_str());
    ImGui::SameLine();
  }
  widgets::urgencyBadge(theme::urgencyOf(standingOf(c, ctx.backend.now())), t);
}

}  // namespace

void drawCaseHeader(KioskContext& ctx, const RepairCase& c) {
  const UiText& t = ctx.t();
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted(c.number.c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4.0f);
  ImGui::TextUnformatted(statusText(c.status, t));

  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##header", 4, kFlags)) return;
  const float labelWidth = ImGui::GetFontSize() * 6.5f;
  ImGui::TableSetupColumn("##l1", ImGuiTableColumnFlags_WidthFixed, labelWidth);
  ImGui::TableSetupColumn("##v1", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("##l2", ImGuiTableColumnFlags_WidthFixed, labelWidth);
  ImGui::TableSetupColumn("##v2", ImGuiTableColumnFlags_WidthStretch, 1.0f);

  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  label(t("case.device"));
  ImGui::TableNextColumn();
  value(joined({deviceLine(c, ctx.backend.vendors(), t), c.device.product}));
  ImGui::TableNextColumn();
  label(t("case.due"));
  ImGui::TableNextColumn();
  drawDue(ctx, c);

  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  label(t("case.serial"));
  ImGui::TableNextColumn();
  value(c.device.serial);
  ImGui::TableNextColumn();
  label(t("case.technician"));
  ImGui::TableNextColumn();
  value(c.technician.empty() ? std::string(t("case.nobody_yet")) : c.technician);

  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  label(t("case.customer"));
  ImGui::TableNextColumn();
  value(joined({c.customer.name, c.customer.mobile, c.customer.email}));
  ImGui::TableNextColumn();
  label(t("case.warranty"));
  ImGui::TableNextColumn();
  if (c.warranty) {
    ImGui::TextColored(c.warranty->covered ? theme::kOnTrack : theme::kAtRisk, "%s",
                       c.warranty->covered ? t("case.warranty.yes") : t("case.warranty.no"));
    ImGui::SameLine();
  }
  value(warrantySummary(c, t));

  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  label(t("case.fault"));
  ImGui::TableNextColumn();
  value(c.finding.empty() ? c.intake.fault : joined({c.intake.fault, t.format("case.finding", {{"finding", c.finding}})}));
  ImGui::TableNextColumn();
  label(t("case.registered"));
  ImGui::TableNextColumn();
  value(t.translations().dateTime(c.registeredAt));

  // For the counter to read out when a receipt lacks it (cases from before codes, a lost receipt).
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  label(t("case.customer_code"));
  ImGui::TableNextColumn();
  value(c.customerCode);
  ImGui::EndTable();
}

void drawAcceptance(KioskContext& ctx, const RepairCase& c) {
  const UiText& t = ctx.t();
  const std::string when = c.closedAt ? t.translations().dateTime(*c.closedAt) : std::string();
  const std::string line = t.format("case.accepted_by", {{"name", c.acceptedBy}, {"when", when}});
  ImGui::TextUnformatted(line.c_str());
  if (!drawStoredSignature(c.acceptanceSignature, ImVec2(ImGui::GetFontSize() * 22, ImGui::GetFontSize() * 7))) {
    ImGui::TextColored(theme::kMuted, "%s", t("case.no_signature"));
  }
}

}  // namespace kiosk
