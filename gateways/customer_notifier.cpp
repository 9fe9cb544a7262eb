#include "gateways/customer_notifier.hpp"

#include <utility>

namespace kiosk {

CustomerNotifier::CustomerNotifier(const GatewayConfig& config, SmtpGateway::Now now) {
  if (config.sms) m_sms.emplace(*config.sms);
  if (config.email) m_email.emplace(*config.email, std::move(now));
}

bool CustomerNotifier::configured(std::string_view channel) const {
  if (channel == "sms") return m_sms.has_value();
  if (channel == "email") return m_email.has_value();
  return false;
}

SendOutcome CustomerNotifier::send(const OutboxMessage& message) {
  if (message.channel == "sms") {
    if (m_sms) return m_sms->send(message);
    return {SendResult::Retry, "no sms gateway is configured ([sms] url)"};
  }
  if (message.channel == "email") {
    if (m_email) return m_email->send(message);
    return {SendResult::Retry, "no e-mail gateway is configured ([email] smtp_url)"};
  }
  return {SendResult::Permanent, "no gateway for channel \"" + message.channel + "\""};
}

}  // namespace kiosk
