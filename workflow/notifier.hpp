#pragma once
// The Notifier port: how the outbox relay hands one message to the customer's channel (SMS or
// e-mail). gateways/ implements it over libcurl; the workflow never knows how.
#include <string>
#include <string_view>

#include "workflow/outbox.hpp"

namespace kiosk {

// What became of one attempt to send.
enum class SendResult {
  Delivered,  // the gateway accepted it (2xx; the SMTP server's 250 after the message)
  Retry,      // not accepted this time, may be later: connection refused, timeout, 5xx, 429, ...
  Permanent,  // refused for good (a 4xx other than 429, a rejected recipient): park it as failed
};

struct SendOutcome {
  SendResult result = SendResult::Retry;
  // Why, for last_error and the case screen: the status code and the gateway's words. Never a
  // token, password or a URL's user:password part.
  std::string detail;
};

class Notifier {
 public:
  Notifier() = default;
  Notifier(const Notifier&) = delete;
  Notifier& operator=(const Notifier&) = delete;
  virtual ~Notifier() = default;

  // Whether a gateway is set for "sms" / "email"; the relay leaves other channels' messages queued.
  [[nodiscard]] virtual bool configured(std::string_view channel) const = 0;
  // One attempt, bounded by the channel's timeout. Called from several relay threads at once.
  // message.reference goes with every attempt so that the gateway can drop duplicates.
  [[nodiscard]] virtual SendOutcome send(const OutboxMessage& message) = 0;
};

}  // namespace kiosk
