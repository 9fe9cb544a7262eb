#pragma once
// The SMS gateway: one JSON POST per attempt to an HTTP(S) SMS service (the contract is in
// gateways/README.md). libcurl stays behind this header.
#include <memory>

#include "gateways/gateway_config.hpp"
#include "workflow/notifier.hpp"

namespace kiosk {

class SmsGateway {
 public:
  explicit SmsGateway(HttpGatewayConfig config);

  // POST {"to","text","reference"} with the bearer token and `Idempotency-Key: <reference>`.
  // 2xx Delivered; 429 and 5xx Retry; any other 4xx Permanent; no answer at all (refused,
  // timeout, reset, an empty reply, TLS) Retry. Safe to call from several threads at once.
  // Calls reuse the gateway's open connections (each serves one call at a time), so a run of
  // messages does not connect, and shake hands over TLS, once per message.
  [[nodiscard]] SendOutcome send(const OutboxMessage& message) const;

  class HandlePool;

 private:
  HttpGatewayConfig m_config;
  std::shared_ptr<HandlePool> m_handles;  // shared by copies; thread-safe
};

// What an HTTP status means for an SMS (and any gateway with the same contract).
[[nodiscard]] SendResult resultOfHttpStatus(long status);

}  // namespace kiosk
