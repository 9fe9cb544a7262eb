#pragma once
// The e-mail gateway: one SMTP submission per attempt over libcurl (TLS rules and result
// mapping in gateways/README.md). libcurl stays behind this header.
#include <chrono>
#include <functional>

#include "gateways/gateway_config.hpp"
#include "workflow/notifier.hpp"

namespace kiosk {

class SmtpGateway {
 public:
  using Now = std::function<std::chrono::system_clock::time_point()>;

  // `now` gives the Date header (the attempt's time); the system clock unless a test says otherwise.
  explicit SmtpGateway(EmailGatewayConfig config, Now now = std::chrono::system_clock::now);

  // smtps:// is TLS from the start. smtp:// upgrades with STARTTLS when the server offers it,
  // and must when a username is set (no password in the clear; without STARTTLS nothing is
  // sent). 250 after the message: Delivered. A 5xx to MAIL, RCPT or DATA: Permanent. A 4xx, no
  // connection, a timeout, TLS trouble, a refused login or a server without STARTTLS: Retry,
  // with a detail saying which. Safe to call from several threads at once.
  [[nodiscard]] SendOutcome send(const OutboxMessage& message) const;

 private:
  EmailGatewayConfig m_config;
  Now m_now;
};

}  // namespace kiosk
