#pragma once
// libcurl plumbing shared by the customer-message gateways (SMS, SMTP). Internal to gateways/:
// only their .cpp files include it, so curl.h stays out of every public header.
#include <curl/curl.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

namespace kiosk::curl_support {

// curl_global_init once per process. It is not thread-safe, so the gateways call this in
// their constructors, which run before the relay starts its threads.
void initialiseOnce();

struct EasyCleanup {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListCleanup {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Easy = std::unique_ptr<CURL, EasyCleanup>;  // one per call: handles are not shared across threads
using List = std::unique_ptr<curl_slist, ListCleanup>;

// Appends to a list owned by `list`; a failed append (out of memory) leaves the list as it was.
void append(List& list, const std::string& line);

// The URL with any "user:password@" taken out: safe to show.
[[nodiscard]] std::string withoutUserInfo(std::string_view url);
// The "user:password" of a URL ("" when there is none): a secret to scrub from any text.
[[nodiscard]] std::string userInfoOf(std::string_view url);
// At most `max` bytes of `text` on one line (control characters as spaces, not cutting a UTF-8
// character), for a detail message; "(empty)" when there is nothing.
[[nodiscard]] std::string excerpt(std::string_view text, std::size_t max = 200);
// `text` with every occurrence of each non-empty secret replaced by "***": a server may echo
// what it was sent, and a detail must never carry a token or a password.
[[nodiscard]] std::string scrubbed(std::string text, std::initializer_list<std::string_view> secrets);
// libcurl's words for a failed transfer: the error buffer when filled, else curl_easy_strerror.
[[nodiscard]] std::string failureText(CURLcode code, const char* errorBuffer);

}  // namespace kiosk::curl_support
