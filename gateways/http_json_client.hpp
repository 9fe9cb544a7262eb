#pragma once
// One JSON request over HTTP(S) to a gateway that speaks JSON ([parts], [carrier]; any other
// later): a bearer token, a timeout for the whole call, the answer's status and body. Neither
// the token nor a URL's user:password appears in what this returns; libcurl stays behind this
// header (the plumbing is curl_support.hpp's, shared with the SMS and e-mail gateways).
#include <cstddef>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "gateways/gateway_config.hpp"

namespace kiosk {

struct HttpResponse {
  long status = 0;   // the HTTP status code
  std::string body;  // at most HttpJsonClient::kMaxBody bytes (a longer answer is cut there)
};

class HttpJsonClient {
 public:
  static constexpr std::size_t kMaxBody = std::size_t{1} << 20;

  explicit HttpJsonClient(HttpGatewayConfig config);

  // `path` is appended to the configured url ("/orders"). An Err says in words why no answer
  // came (refused, no answer within N ms, TLS, ...); a non-2xx answer is a response, not an Err.
  // Safe to call from several threads at once (one libcurl handle per call).
  [[nodiscard]] tl::expected<HttpResponse, std::string> post(std::string_view path, const std::string& json) const;
  [[nodiscard]] tl::expected<HttpResponse, std::string> get(std::string_view path) const;

  // The configured url + path without any user:password: safe to show.
  [[nodiscard]] std::string where(std::string_view path) const;
  // The start of `text` (an answer's body) on one line with the token and any user:password
  // scrubbed: a server may echo what it was sent.
  [[nodiscard]] std::string excerpt(std::string_view text) const;

 private:
  [[nodiscard]] tl::expected<HttpResponse, std::string> call(std::string_view path, const std::string* json) const;

  HttpGatewayConfig m_config;
};

// `text` escaped for use as one URL path segment ("a/b c" -> "a%2Fb%20c").
[[nodiscard]] std::string pathSegment(std::string_view text);

}  // namespace kiosk
