#pragma once
// Reading a JSON gateway's answer (parts supplier, carrier): one place that turns a transport
// failure, a non-2xx status or a body that is not the contract's into an ErrorKind::Gateway
// naming the gateway, its URL (without credentials) and the status, never the token.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "gateways/http_json_client.hpp"
#include "workflow/error.hpp"

namespace kiosk {

// Who answered, for the messages: "the carrier" at http.where(path).
struct GatewayCall {
  std::string_view gateway;
  const HttpJsonClient& http;
  std::string path;
  [[nodiscard]] std::string who() const { return std::string(gateway) + " at " + http.where(path); }
};

// The answer's body as a JSON object when the call got a 2xx answer holding one.
[[nodiscard]] Result<nlohmann::json> jsonAnswer(const GatewayCall& call,
                                               const tl::expected<HttpResponse, std::string>& answer);
// The non-empty string at `key`, else a Gateway error saying the answer lacks it.
[[nodiscard]] Result<std::string> requiredString(const GatewayCall& call, const nlohmann::json& answer,
                                                 const char* key);

}  // namespace kiosk
