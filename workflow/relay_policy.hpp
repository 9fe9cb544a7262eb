#pragma once
// How persistently the outbox relay sends: the [outbox] section of the gateway configuration
// (gateways/gateway_config.hpp) with the defaults.
#include <cstdint>

namespace kiosk {

struct RelayPolicy {
  std::int64_t backoffInitialMs = 1000;    // wait after the first failed attempt
  std::int64_t backoffMaxMs = 300000;      // the wait doubles per attempt up to this
  int maxAttempts = 20;                    // then the message is parked as failed
  std::int64_t callTimeoutMs = 10000;      // the longest channel timeout: sets the claim lease
  int parallelSends = 4;                   // messages in flight at once per relay
  // runUntilIdle looks again at least this often while it waits: another relay's messages in
  // flight are usually done long before its claim would run out.
  std::int64_t idlePollMs = 1000;
};

}  // namespace kiosk
