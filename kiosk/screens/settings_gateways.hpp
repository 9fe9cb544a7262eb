#pragma once
// The settings screen's gateways: which are set on this station (kiosk --config) and what the
// background relay has sent since the kiosk started, with its last problem.
#include "kiosk/app/kiosk_context.hpp"

namespace kiosk {

void drawGatewaySettings(KioskContext& ctx);

}  // namespace kiosk
