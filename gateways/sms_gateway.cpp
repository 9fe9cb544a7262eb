#include "gateways/sms_gateway.hpp"

#include <mutex>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "gateways/curl_support.hpp"

namespace kiosk {
namespace {

namespace cs = curl_support;

constexpr std::size_t kMaxAnswer = 64 * 1024;  // enough for any error text; the rest is read and dropped

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  auto* answer = static_cast<std::string*>(user);
  const std::size_t bytes = size * count;
  if (answer->size() < kMaxAnswer) answer->append(data, std::min(bytes, kMaxAnswer - answer->size()));
  return bytes;
}

// Why no HTTP answer came, in the words an operator reads on the case screen.
std::string noAnswerText(CURLcode code, const char* errorBuffer, std::int64_t timeoutMs) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return "timeout after " + std::to_string(timeoutMs) + " ms";
    case CURLE_GOT_NOTHING:
      return "the connection closed without an answer (the SMS may have gone; the retry carries the same reference)";
    case CURLE_COULDNT_CONNECT: return "could not connect: " + cs::failureText(code, errorBuffer);
    default: return cs::failureText(code, errorBuffer);
  }
}

}  // namespace

// libcurl easy handles kept between calls: a handle keeps its connection (and TLS session) open
// for the next call to the same gateway. A handle is lent to one call, on one thread, at a time
// (libcurl allows passing handles between threads, never using one from two at once); the
// vector is the only state the threads share, under the mutex.
class SmsGateway::HandlePool {
 public:
  // Enough for every send thread of a relay; more handles than that are not kept.
  static constexpr std::size_t kMaxKept = 16;

  // A kept handle, or a new one (empty when libcurl cannot make one).
  cs::Easy take() {
    {
      const std::scoped_lock lock(m_mutex);
      if (!m_kept.empty()) {
        cs::Easy easy = std::move(m_kept.back());
        m_kept.pop_back();
        return easy;
      }
    }
    return cs::Easy(curl_easy_init());
  }
  // Back for the next call, its options cleared (they point into the finished call's memory);
  // its connections, DNS and TLS session caches stay.
  void give(cs::Easy easy) {
    if (!easy) return;
    curl_easy_reset(easy.get());
    const std::scoped_lock lock(m_mutex);
    if (m_kept.size() < kMaxKept) m_kept.push_back(std::move(easy));
  }

 private:
  std::mutex m_mutex;
  std::vector<cs::Easy> m_kept;
};

namespace {

// A pooled handle for the length of one call, given back however the call returns.
class LentHandle {
 public:
  explicit LentHandle(SmsGateway::HandlePool& pool) : m_pool(pool), m_easy(pool.take()) {}
  LentHandle(const LentHandle&) = delete;
  LentHandle& operator=(const LentHandle&) = delete;
  ~LentHandle() { m_pool.give(std::move(m_easy)); }
  [[nodiscard]] CURL* get() const { return m_easy.get(); }

 private:
  SmsGateway::HandlePool& m_pool;
  cs::Easy m_easy;
};

}  // namespace

SendResult resultOfHttpStatus(long status) {
  if (status >= 200 && status < 300) return SendResult::Delivered;
  if (status == 429) return SendResult::Retry;  // too many requests: later
  if (status >= 400 && status < 500) return SendResult::Permanent;
  return SendResult::Retry;  // 5xx, and 1xx/3xx that a POST should never get
}

SmsGateway::SmsGateway(HttpGatewayConfig config)
    : m_config(std::move(config)), m_handles(std::make_shared<HandlePool>()) {
  cs::initialiseOnce();
}

SendOutcome SmsGateway::send(const OutboxMessage& message) const {
  const std::string body =
      nlohmann::json{{"to", message.to}, {"text", message.text}, {"reference", message.reference}}.dump();
  const auto fail = [&](SendResult result, const std::string& why) {
    // The URL's user:password and the token never reach a detail, even when a server echoes them.
    return SendOutcome{result, cs::scrubbed("sms gateway" + why, {m_config.token, cs::userInfoOf(m_config.url)})};
  };

  cs::List headers;
  cs::append(headers, "Content-Type: application/json");
  cs::append(headers, "Accept: application/json");
  if (!m_config.token.empty()) cs::append(headers, "Authorization: Bearer " + m_config.token);
  // Lets the gateway drop a repeat of a message it already took (an answer lost on the way back).
  cs::append(headers, "Idempotency-Key: " + message.reference);
  // A POST larger than 1 KiB would otherwise wait for "100 Continue", a round trip for nothing.
  cs::append(headers, "Expect:");

  std::string answer;
  char errorBuffer[CURL_ERROR_SIZE] = {};
  const long timeoutMs = static_cast<long>(m_config.timeoutMs);
  // After the buffers it is set to point at, so it goes back to the pool (reset) while they live.
  const LentHandle easy(*m_handles);
  CURL* curl = easy.get();
  if (curl == nullptr) return fail(SendResult::Retry, ": libcurl could not start a request");
  curl_easy_setopt(curl, CURLOPT_URL, m_config.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe on any thread
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeoutMs);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeoutMs);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
  if (!m_config.caFile.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, m_config.caFile.c_str());

  const CURLcode code = curl_easy_perform(curl);
  if (code != CURLE_OK) return fail(SendResult::Retry, ": " + noAnswerText(code, errorBuffer, m_config.timeoutMs));
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  const SendResult result = resultOfHttpStatus(status);
  return fail(result, " answered " + std::to_string(status) + ": " + cs::excerpt(answer));
}

}  // namespace kiosk
