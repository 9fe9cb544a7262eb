#include "kiosk/screens/case_messages.hpp"

#include <imgui.h>

#include <algorithm>

#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk {
namespace {

ImVec4 statusColour(OutboxStatus status) {
  switch (status) {
    case OutboxStatus::Delivered: return theme::kOnTrack;
    case OutboxStatus::Failed: return theme::kError;
    case OutboxStatus::Sending: return theme::kDueToday;
    case OutboxStatus::Queued: return theme::kMuted;
  }
  return theme::kMuted;
}

}  // namespace

void CaseMessages::refresh(KioskContext& ctx, const std::string& number) {
  if (number != m_number) m_messages.clear();
  m_number = number;
  m_pending = Pending(ctx.backend.caseMessages(number));
}

void CaseMessages::reset() {
  m_number.clear();
  m_messages.clear();
  m_error.reset();
}

void CaseMessages::poll(KioskContext& ctx) {
  if (auto listed = m_pending.take()) {
    if (*listed) {
      m_messages = std::move(**listed);
      m_error.reset();
    } else {
      m_error = listed->error();
    }
  }
  if (auto retried = m_pendingRetry.take()) {
    if (!*retried) m_error = retried->error();
    if (!m_number.empty()) refresh(ctx, m_number);
  }
}

void CaseMessages::draw(KioskContext& ctx) {
  m_firstRetryButton.reset();
  const UiText& t = ctx.t();
  const GatewayChannels gateways = ctx.backend.gateways();
  // Said where the technician looks, so nobody promises the customer a message that waits.
  const auto waitsOn = [&](std::string_view channel) {
    return std::any_of(m_messages.begin(), m_messages.end(), [&](const OutboxMessage& m) {
      return m.channel == channel && m.status != OutboxStatus::Delivered;
    });
  };
  if (!gateways.sms && !gateways.email) {
    ImGui::TextColored(theme::kAtRisk, "%s", t("case.messages.no_gateway"));
  } else if (!gateways.sms && waitsOn("sms")) {
    ImGui::TextColored(theme::kAtRisk, "%s", t("case.messages.no_sms_gateway"));
  } else if (!gateways.email && waitsOn("email")) {
    ImGui::TextColored(theme::kAtRisk, "%s", t("case.messages.no_email_gateway"));
  }
  if (m_error) widgets::errorLine(*m_error, t);
  if (m_messages.empty()) {
    ImGui::TextColored(theme::kMuted, "%s", t("case.messages.none"));
    return;
  }
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                     ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##messages", 5, kFlags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  const float em = ImGui::GetFontSize();
  ImGui::TableSetupColumn(t("case.messages.col.channel"), ImGuiTableColumnFlags_WidthFixed, em * 5);
  ImGui::TableSetupColumn(t("case.messages.col.to"), ImGuiTableColumnFlags_WidthFixed, em * 12);
  ImGui::TableSetupColumn(t("case.messages.col.status"), ImGuiTableColumnFlags_WidthFixed, em * 8);
  ImGui::TableSetupColumn(t("case.messages.col.attempts"), ImGuiTableColumnFlags_WidthFixed, em * 5);
  ImGui::TableSetupColumn(t("case.messages.col.detail"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableHeadersRow();
  // Newest first, as the timeline.
  for (auto it = m_messages.rbegin(); it != m_messages.rend(); ++it) drawRow(ctx, *it);
  ImGui::EndTable();
}

void CaseMessages::drawRow(KioskContext& ctx, const OutboxMessage& m) {
  const UiText& t = ctx.t();
  ImGui::PushID(static_cast<int>(m.id));
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(t.translations().lookupOr("case.messages.channel." + m.channel, m.channel).c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(m.to.c_str());
  ImGui::TableNextColumn();
  const std::string status(outboxStatusName(m.status));
  ImGui::TextColored(statusColour(m.status), "%s",
                     t.translations().lookupOr("case.messages.status." + status, status).c_str());
  ImGui::TableNextColumn();
  ImGui::Text("%d", m.attempts);
  ImGui::TableNextColumn();
  if (m.status == OutboxStatus::Failed) {
    if (ImGui::SmallButton(t("case.messages.retry")) && !m_pendingRetry.active()) {
      m_pendingRetry = Pending(ctx.backend.retryMessage(m.id));
    }
    if (!m_firstRetryButton) {
      m_firstRetryButton = ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                                  (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2);
    }
    ImGui::SameLine();
  }
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(m.lastError.empty() ? m.text.c_str() : m.lastError.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopID();
}

}  // namespace kiosk
