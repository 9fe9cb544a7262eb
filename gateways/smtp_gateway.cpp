#include "gateways/smtp_gateway.hpp"

#include <sys/socket.h>

#include <cctype>
#include <cstring>
#include <utility>

#include "gateways/curl_support.hpp"
#include "gateways/mime_message.hpp"

namespace kiosk {
namespace {

namespace cs = curl_support;

// The message handed to libcurl piece by piece as it asks for it.
struct Upload {
  std::string_view data;
  std::size_t sent = 0;
};

std::size_t supply(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->sent);
  std::memcpy(buffer, upload->data.data() + upload->sent, n);
  upload->sent += n;
  return n;
}

// The server's reply that decided the attempt, for the detail: the first refusal (4xx/5xx),
// else the last reply before QUIT's "221" ("250 2.0.0 Ok: queued"). Only what the server said
// is looked at; what we sent (AUTH with the password) never is.
struct Replies {
  std::string deciding;
  bool refused = false;
};

int observe(CURL* /*curl*/, curl_infotype type, char* data, std::size_t size, void* user) {
  auto* replies = static_cast<Replies*>(user);
  if (type != CURLINFO_HEADER_IN || replies->refused) return 0;
  std::string line(data, size);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (line.empty() || line.rfind("221", 0) == 0) return 0;
  replies->deciding = std::move(line);
  replies->refused = replies->deciding[0] == '4' || replies->deciding[0] == '5';
  return 0;
}

// After a failed session libcurl still says QUIT when the handle is cleaned up and waits for
// the answer with the response timeout: a silent server would hold the attempt that long again.
// The connection is of no further use, so it is shut down first and QUIT fails at once.
void closeBeforeQuit(CURL* curl) {
  curl_socket_t socket = CURL_SOCKET_BAD;
  if (curl_easy_getinfo(curl, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK && socket != CURL_SOCKET_BAD) {
    ::shutdown(socket, SHUT_RDWR);
  }
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

SmtpGateway::SmtpGateway(EmailGatewayConfig config, Now now) : m_config(std::move(config)), m_now(std::move(now)) {
  cs::initialiseOnce();
}

SendOutcome SmtpGateway::send(const OutboxMessage& message) const {
  const auto outcome = [&](SendResult result, const std::string& why) {
    return SendOutcome{result, cs::scrubbed("e-mail: " + why, {m_config.password, cs::userInfoOf(m_config.smtpUrl)})};
  };
  if (!isMailAddress(message.to)) return outcome(SendResult::Permanent, "the recipient is not an e-mail address");

  const std::string mail = buildMimeMessage(
      {m_config.from, message.to, message.subject, message.text, message.reference, m_now()});
  const cs::Easy easy(curl_easy_init());
  if (!easy) return outcome(SendResult::Retry, "libcurl could not start a request");
  CURL* curl = easy.get();
  cs::List recipients;
  cs::append(recipients, "<" + message.to + ">");
  const std::string sender = "<" + m_config.from + ">";
  Upload upload{mail};
  Replies replies;
  char errorBuffer[CURL_ERROR_SIZE] = {};
  const long timeoutMs = static_cast<long>(m_config.timeoutMs);
  const bool implicitTls = startsWithNoCase(m_config.smtpUrl, "smtps://");

  curl_easy_setopt(curl, CURLOPT_URL, m_config.smtpUrl.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeoutMs);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeoutMs);
  // libcurl 7.88 waits for the reply to the message's final "." with the protocol's own
  // response timeout (120 s by default), not CURLOPT_TIMEOUT_MS: a server that took the message
  // and went silent would hold the attempt for two minutes. That timeout is in whole seconds.
  curl_easy_setopt(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, static_cast<long>((m_config.timeoutMs + 999) / 1000));
  // With a username the password must not cross in the clear: STARTTLS or nothing. Without one
  // a relay on the same host may stay plain, but TLS is used whenever it is offered.
  const bool mustEncrypt = implicitTls || !m_config.username.empty();
  curl_easy_setopt(curl, CURLOPT_USE_SSL, mustEncrypt ? static_cast<long>(CURLUSESSL_ALL) : static_cast<long>(CURLUSESSL_TRY));
  if (!m_config.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, m_config.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, m_config.password.c_str());
  }
  if (!m_config.caFile.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, m_config.caFile.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, sender.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, supply);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mail.size()));
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, observe);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &replies);
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);  // only so that observe() sees the server's replies

  const CURLcode code = curl_easy_perform(curl);
  if (code != CURLE_OK) closeBeforeQuit(curl);
  long reply = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
  const std::string server = replies.deciding.empty() ? std::string() : " (server: " + cs::excerpt(replies.deciding) + ")";
  if (code == CURLE_OK) return outcome(SendResult::Delivered, "server accepted it: " + cs::excerpt(replies.deciding));

  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return outcome(SendResult::Retry, "timeout after " + std::to_string(m_config.timeoutMs) + " ms" + server);
    case CURLE_USE_SSL_FAILED:
      // Retried, not parked: once the server (or the configuration) is fixed, the messages go.
      return outcome(SendResult::Retry, "not sent: the server does not offer STARTTLS, and email.username is set, "
                                        "so the login must not go in the clear");
    case CURLE_LOGIN_DENIED:
      // Retried, not parked: a wrong password is the configuration's fault, not the message's,
      // and parking would fail every message until someone retried each by hand.
      return outcome(SendResult::Retry, "the server refused the login of email.username; check email.username and "
                                        "email.password" + server);
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
      return outcome(SendResult::Retry, cs::failureText(code, errorBuffer) + server);
    default: break;
  }
  // The server refused a command for good: MAIL, RCPT or the message after DATA (libcurl's words
  // say which). A 4xx, or a connection lost midway (the last reply then is not a 5xx), is retried.
  if (reply >= 500 && reply < 600) {
    return outcome(SendResult::Permanent, "refused: " + cs::failureText(code, errorBuffer) + server);
  }
  return outcome(SendResult::Retry, cs::failureText(code, errorBuffer) + server);
}

}  // namespace kiosk
