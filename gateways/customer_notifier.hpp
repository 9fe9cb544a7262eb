#pragma once
// The Notifier the relay uses: the customer's SMS and e-mail gateways from the configuration.
#include <memory>
#include <optional>

#include "gateways/gateway_config.hpp"
#include "gateways/smtp_gateway.hpp"
#include "gateways/sms_gateway.hpp"
#include "workflow/notifier.hpp"

namespace kiosk {

class CustomerNotifier final : public Notifier {
 public:
  // Only [sms] and [email] matter here. Construct it before the relay starts its threads: the
  // gateways initialise libcurl, which is not thread-safe.
  explicit CustomerNotifier(const GatewayConfig& config, SmtpGateway::Now now = std::chrono::system_clock::now);

  [[nodiscard]] bool configured(std::string_view channel) const override;
  // "sms" and "email" go to their gateway; a channel not configured is Retry (it may be
  // configured later), an unknown channel Permanent. Thread-safe: the gateways keep no state.
  [[nodiscard]] SendOutcome send(const OutboxMessage& message) override;

 private:
  std::optional<SmsGateway> m_sms;
  std::optional<SmtpGateway> m_email;
};

}  // namespace kiosk
