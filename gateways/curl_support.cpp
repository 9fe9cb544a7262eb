#include "gateways/curl_support.hpp"

#include <mutex>
#include <stdexcept>

namespace kiosk::curl_support {

void initialiseOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_ALL) != CURLE_OK) throw std::runtime_error("libcurl could not initialise");
  });
}

void append(List& list, const std::string& line) {
  if (curl_slist* longer = curl_slist_append(list.get(), line.c_str()); longer != nullptr) {
    (void)list.release();  // curl_slist_append returned the same head, or the new one for an empty list
    list.reset(longer);
  }
}

std::string withoutUserInfo(std::string_view url) {
  const auto scheme = url.find("://");
  const std::size_t hostStart = scheme == std::string_view::npos ? 0 : scheme + 3;
  const auto hostEnd = url.find_first_of("/?#", hostStart);
  const std::string_view authority =
      url.substr(hostStart, hostEnd == std::string_view::npos ? std::string_view::npos : hostEnd - hostStart);
  const auto at = authority.rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  return std::string(url.substr(0, hostStart)) + std::string(url.substr(hostStart + at + 1));
}

std::string userInfoOf(std::string_view url) {
  const std::string bare = withoutUserInfo(url);
  if (bare.size() == url.size()) return {};
  const auto scheme = url.find("://");
  const std::size_t hostStart = scheme == std::string_view::npos ? 0 : scheme + 3;
  return std::string(url.substr(hostStart, url.size() - bare.size() - 1));
}

std::string excerpt(std::string_view text, std::size_t max) {
  std::size_t end = std::min(max, text.size());
  // Back up to the start of a UTF-8 character: continuation bytes are 10xxxxxx.
  while (end < text.size() && end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  std::string out;
  out.reserve(end + 3);
  for (const char ch : text.substr(0, end)) {
    out += (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F) ? ' ' : ch;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (end < text.size()) out += "...";
  return out.empty() ? "(empty)" : out;
}

std::string scrubbed(std::string text, std::initializer_list<std::string_view> secrets) {
  for (const std::string_view secret : secrets) {
    if (secret.empty()) continue;
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3)) {
      text.replace(at, secret.size(), "***");
    }
  }
  return text;
}

std::string failureText(CURLcode code, const char* errorBuffer) {
  return (errorBuffer != nullptr && errorBuffer[0] != '\0') ? std::string(errorBuffer) : curl_easy_strerror(code);
}

}  // namespace kiosk::curl_support
