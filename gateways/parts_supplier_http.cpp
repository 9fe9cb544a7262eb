#include "gateways/parts_supplier_http.hpp"

#include <utility>

#include "gateways/json_answer.hpp"

namespace kiosk {
namespace {

constexpr std::string_view kGateway = "the parts supplier";

}  // namespace

HttpPartsSupplier::HttpPartsSupplier(HttpGatewayConfig config) : m_http(std::move(config)) {}

Result<std::string> HttpPartsSupplier::order(const PartsOrderRequest& request) {
  const nlohmann::json body = {{"reference", request.reference}, {"case", request.caseNumber},
                               {"vendor", request.vendor},       {"product", request.product},
                               {"serial", request.serial},       {"parts", request.parts}};
  const GatewayCall call{kGateway, m_http, "/orders"};
  const auto answer = jsonAnswer(call, m_http.post(call.path, body.dump()));
  if (!answer) return tl::unexpected(answer.error());
  return requiredString(call, *answer, "order_id");
}

Result<PartsOrderState> HttpPartsSupplier::status(const std::string& orderId) {
  const GatewayCall call{kGateway, m_http, "/orders/" + pathSegment(orderId)};
  const auto answer = jsonAnswer(call, m_http.get(call.path));
  if (!answer) return tl::unexpected(answer.error());
  const auto statusText = requiredString(call, *answer, "status");
  if (!statusText) return tl::unexpected(statusText.error());
  const auto status = parsePartsOrderStatus(*statusText);
  if (!status) {
    return gatewayError(call.who() + " answered status \"" + m_http.excerpt(*statusText) +
                        "\", which is none of ordered, shipped, arrived, cancelled");
  }
  PartsOrderState state;
  state.status = *status;
  if (const auto eta = answer->find("eta"); eta != answer->end() && !eta->is_null()) {
    const auto day = eta->is_string() ? parseDate(eta->get<std::string>()) : std::nullopt;
    if (!day) {
      return gatewayError(call.who() + " answered eta " + m_http.excerpt(eta->dump()) +
                          ", which is not a date YYYY-MM-DD");
    }
    state.eta = *day;
  }
  if (const auto detail = answer->find("detail"); detail != answer->end() && detail->is_string()) {
    state.detail = detail->get<std::string>();
  }
  return state;
}

}  // namespace kiosk
