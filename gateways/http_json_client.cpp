#include "gateways/http_json_client.hpp"

#include <algorithm>
#include <utility>

#include "gateways/curl_support.hpp"

namespace kiosk {
namespace {

size_t receive(char* data, size_t size, size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  const size_t bytes = size * count;
  const size_t room = HttpJsonClient::kMaxBody - std::min(body->size(), HttpJsonClient::kMaxBody);
  body->append(data, std::min(bytes, room));
  return bytes;  // the rest of an overlong answer is read and dropped, not an error
}

std::string trimmedBase(const std::string& url) {
  std::string base = url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

}  // namespace

HttpJsonClient::HttpJsonClient(HttpGatewayConfig config) : m_config(std::move(config)) {
  curl_support::initialiseOnce();
}

std::string HttpJsonClient::where(std::string_view path) const {
  return curl_support::withoutUserInfo(trimmedBase(m_config.url) + std::string(path));
}

std::string HttpJsonClient::excerpt(std::string_view text) const {
  return curl_support::scrubbed(curl_support::excerpt(text),
                                {m_config.token, curl_support::userInfoOf(m_config.url)});
}

tl::expected<HttpResponse, std::string> HttpJsonClient::post(std::string_view path, const std::string& json) const {
  return call(path, &json);
}

tl::expected<HttpResponse, std::string> HttpJsonClient::get(std::string_view path) const {
  return call(path, nullptr);
}

tl::expected<HttpResponse, std::string> HttpJsonClient::call(std::string_view path, const std::string* json) const {
  const curl_support::Easy curl(curl_easy_init());
  if (!curl) return tl::unexpected(std::string("libcurl could not start a request"));
  CURL* c = curl.get();
  const std::string url = trimmedBase(m_config.url) + std::string(path);
  curl_support::List headers;
  curl_support::append(headers, "Accept: application/json");
  if (json != nullptr) curl_support::append(headers, "Content-Type: application/json");
  if (!m_config.token.empty()) curl_support::append(headers, "Authorization: Bearer " + m_config.token);

  std::string body;
  char errorText[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe on any thread
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(m_config.timeoutMs));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_config.timeoutMs));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, receive);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorText);
  if (!m_config.caFile.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, m_config.caFile.c_str());
  if (json != nullptr) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, json->c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(json->size()));
  }
  const CURLcode code = curl_easy_perform(c);
  if (code == CURLE_OPERATION_TIMEDOUT) {
    return tl::unexpected("no answer within " + std::to_string(m_config.timeoutMs) + " ms");
  }
  if (code != CURLE_OK) {
    return tl::unexpected(curl_support::scrubbed(curl_support::failureText(code, errorText),
                                                 {m_config.token, curl_support::userInfoOf(m_config.url)}));
  }
  HttpResponse response;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  response.body = std::move(body);
  return response;
}

std::string pathSegment(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char signedCh : text) {
    const auto ch = static_cast<unsigned char>(signedCh);
    const bool plain = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                       ch == '-' || ch == '_' || ch == '.' || ch == '~';
    if (plain) {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 0x0F];
    }
  }
  return out;
}

}  // namespace kiosk
