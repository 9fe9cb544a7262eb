#pragma once
// The parts supplier over JSON/HTTP: the contract in gateways/README.md ("Parts supplier").
#include "gateways/gateway_config.hpp"
#include "gateways/http_json_client.hpp"
#include "workflow/parts_supplier.hpp"

namespace kiosk {

class HttpPartsSupplier final : public PartsSupplier {
 public:
  explicit HttpPartsSupplier(HttpGatewayConfig config);

  // POST {url}/orders; 200/201 {"order_id": "..."}.
  [[nodiscard]] Result<std::string> order(const PartsOrderRequest& request) override;
  // GET {url}/orders/{id}; {"order_id", "status", "eta"?, "detail"?}.
  [[nodiscard]] Result<PartsOrderState> status(const std::string& orderId) override;

 private:
  HttpJsonClient m_http;
};

}  // namespace kiosk
