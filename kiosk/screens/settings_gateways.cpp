#include "kiosk/screens/settings_gateways.hpp"

#include <imgui.h>

#include "kiosk/ui/theme.hpp"

namespace kiosk {
namespace {

void gatewayLine(const UiText& t, const char* nameKey, bool set) {
  ImGui::TextUnformatted(t(nameKey));
  ImGui::SameLine(ImGui::GetFontSize() * 9);
  if (set) {
    ImGui::TextColored(theme::kOnTrack, "%s", t("settings.gateways.set"));
  } else {
    ImGui::TextColored(theme::kMuted, "%s", t("settings.gateways.not_set"));
  }
}

}  // namespace

void drawGatewaySettings(KioskContext& ctx) {
  const UiText& t = ctx.t();
  const GatewayChannels g = ctx.backend.gateways();
  gatewayLine(t, "settings.gateways.sms", g.sms);
  gatewayLine(t, "settings.gateways.email", g.email);
  gatewayLine(t, "settings.gateways.parts", g.parts);
  gatewayLine(t, "settings.gateways.carrier", g.carrier);
  if (!g.sms && !g.email) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(theme::kAtRisk, "%s", t("settings.gateways.none_hint"));
    ImGui::PopTextWrapPos();
  }
  const StationRelayStatus relay = ctx.backend.relayStatus();
  const std::string sent = t.format("settings.gateways.sent", {{"delivered", std::to_string(relay.total.delivered)},
                                                                {"retried", std::to_string(relay.total.retried)},
                                                                {"failed", std::to_string(relay.total.failed)}});
  ImGui::TextColored(theme::kMuted, "%s", sent.c_str());
  if (!relay.lastProblem.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(theme::kError, "%s", relay.lastProblem.c_str());
    ImGui::PopTextWrapPos();
  }
}

}  // namespace kiosk
