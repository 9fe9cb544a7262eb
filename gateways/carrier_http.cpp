#include "gateways/carrier_http.hpp"

#include <utility>

#include "gateways/json_answer.hpp"

namespace kiosk {

HttpCarrier::HttpCarrier(HttpGatewayConfig config) : m_http(std::move(config)) {}

Result<ShipmentBooking> HttpCarrier::book(const ShipmentRequest& request) {
  const nlohmann::json body = {{"reference", request.reference}, {"case", request.caseNumber},
                               {"name", request.name},           {"address", request.address},
                               {"mobile", request.mobile}};
  const GatewayCall call{"the carrier", m_http, "/shipments"};
  const auto answer = jsonAnswer(call, m_http.post(call.path, body.dump()));
  if (!answer) return tl::unexpected(answer.error());
  auto carrier = requiredString(call, *answer, "carrier");
  if (!carrier) return tl::unexpected(carrier.error());
  auto tracking = requiredString(call, *answer, "tracking");
  if (!tracking) return tl::unexpected(tracking.error());
  return ShipmentBooking{std::move(*carrier), std::move(*tracking)};
}

}  // namespace kiosk
