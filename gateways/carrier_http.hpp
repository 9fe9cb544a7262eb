#pragma once
// The carrier over JSON/HTTP: the contract in gateways/README.md ("Carrier").
#include "gateways/gateway_config.hpp"
#include "gateways/http_json_client.hpp"
#include "workflow/carrier.hpp"

namespace kiosk {

class HttpCarrier final : public Carrier {
 public:
  explicit HttpCarrier(HttpGatewayConfig config);

  // POST {url}/shipments; 200/201 {"carrier": "...", "tracking": "..."}.
  [[nodiscard]] Result<ShipmentBooking> book(const ShipmentRequest& request) override;

 private:
  HttpJsonClient m_http;
};

}  // namespace kiosk
