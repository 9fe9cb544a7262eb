#pragma once
// The SMS gateway: one JSON POST per attempt to an HTTP(S) SMS service (the contract is in
// gateways/README.md). libcurl stays behind this header.
#include "gateways/gateway_config.hpp"
#include "workflow/notifier.hpp"

namespace kiosk {

class SmsGateway {
 public:
  explicit SmsGateway(HttpGatewayConfig config);

  // POST {"to","text","reference"} with the bearer token and `Idempotency-Key: <reference>`.
  // 2xx Delivered; 429 and 5xx Retry; any other 4xx Permanent; no answer at all (refused,
  // timeout, reset, an empty reply, TLS) Retry. Safe to call from several threads at once.
  [[nodiscard]] SendOutcome send(const OutboxMessage& message) const;

 private:
  HttpGatewayConfig m_config;
};

// What an HTTP status means for an SMS (and any gateway with the same contract).
[[nodiscard]] SendResult resultOfHttpStatus(long status);

}  // namespace kiosk
