#include "gateways/json_answer.hpp"

namespace kiosk {

Result<nlohmann::json> jsonAnswer(const GatewayCall& call, const tl::expected<HttpResponse, std::string>& answer) {
  if (!answer) return gatewayError(call.who() + ": " + answer.error());
  const std::string status = "HTTP " + std::to_string(answer->status);
  if (answer->status < 200 || answer->status > 299) {
    return gatewayError(call.who() + " answered " + status + ": " + call.http.excerpt(answer->body));
  }
  nlohmann::json body = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) {
    return gatewayError(call.who() + " answered " + status + " without a JSON object: " +
                        call.http.excerpt(answer->body));
  }
  return body;
}

Result<std::string> requiredString(const GatewayCall& call, const nlohmann::json& answer, const char* key) {
  const auto found = answer.find(key);
  if (found == answer.end() || !found->is_string() || found->get<std::string>().empty()) {
    return gatewayError(call.who() + " answered without \"" + key + "\" (a non-empty string): " +
                        call.http.excerpt(answer.dump()));
  }
  return found->get<std::string>();
}

}  // namespace kiosk
