#pragma once
// The station's background work for issue 6, on a thread of its own: the outbox relay sends
// the customer's messages (woken at once when a step here queues one), and every minute the
// station duties run (deviation notices; parts orders and arrivals when a supplier is set).
// It has its own connection to the database, so sending never waits for the screens' worker,
// and the screens see what it wrote through the backend's change watcher.
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "gateways/gateway_config.hpp"
#include "store/open_store.hpp"
#include "workflow/case_service.hpp"
#include "workflow/clock.hpp"
#include "workflow/outbox_relay.hpp"
#include "workflow/outbox.hpp"
#include "workflow/privacy.hpp"
#include "workflow/vendor_profile.hpp"

namespace kiosk {

// What the settings screen shows of the relay.
struct StationRelayStatus {
  RelayPass total;          // since the kiosk started
  std::string lastProblem;  // the last store or duty error; "" when all went well
};

class StationRelay {
 public:
  // Opens its own connection to the store at `location` (openStore) and starts the thread.
  // `station` is the name the deviation notices and parts events carry on the timeline.
  [[nodiscard]] static Result<std::unique_ptr<StationRelay>> start(const StoreLocation& location,
                                                                   const GatewayConfig& gateways,
                                                                   const VendorCatalog& vendors,
                                                                   const MessageTexts& messages, const Clock& clock,
                                                                   std::string station);
  ~StationRelay();  // stops the thread; a send in flight finishes first (bounded by its timeout)
  StationRelay(const StationRelay&) = delete;
  StationRelay& operator=(const StationRelay&) = delete;

  void wake();  // a step queued a message: send now rather than after the wait
  [[nodiscard]] StationRelayStatus status() const;

 private:
  struct Parts;
  StationRelay() = default;
  void run();
  void afterPass(const Result<RelayPass>& pass);

  std::unique_ptr<CaseDatabase> m_store;
  std::unique_ptr<CaseService> m_service;
  std::unique_ptr<Notifier> m_notifier;
  std::unique_ptr<Parts> m_parts;  // null without a parts supplier
  std::unique_ptr<PrivacyService> m_privacy;
  std::unique_ptr<RetentionDuty> m_retention;  // null without [privacy] retain_closed_days
  std::unique_ptr<OutboxRelay> m_relay;
  const Clock* m_clock = nullptr;
  std::string m_station;
  std::int64_t m_lastDutiesMs = 0;
  mutable std::mutex m_statusMutex;
  StationRelayStatus m_status;
  std::thread m_thread;
};

}  // namespace kiosk
