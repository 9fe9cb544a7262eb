#include "kiosk/app/station_relay.hpp"

#include <chrono>

#include "gateways/customer_notifier.hpp"
#include "gateways/parts_supplier_http.hpp"
#include "gateways/relay_name.hpp"
#include "workflow/station_duties.hpp"

namespace kiosk {
namespace {

// How long the relay waits between passes when nothing is due: another station's messages
// are found within this, its own at once (wake).
constexpr std::int64_t kPollMs = 15000;
// How often the deviation sweep and the parts desk run.
constexpr std::int64_t kDutiesEveryMs = 60000;

}  // namespace

struct StationRelay::Parts {
  explicit Parts(const HttpGatewayConfig& config, CaseStore& store) : supplier(config), desk(store, supplier) {}
  HttpPartsSupplier supplier;
  PartsDesk desk;
};

Result<std::unique_ptr<StationRelay>> StationRelay::start(const StoreLocation& location,
                                                          const GatewayConfig& gateways, const VendorCatalog& vendors,
                                                          const MessageTexts& messages, const Clock& clock,
                                                          std::string station) {
  auto store = openStore(location);
  if (!store) return tl::unexpected(store.error());
  std::unique_ptr<StationRelay> relay(new StationRelay());
  relay->m_store = std::move(*store);
  relay->m_service = std::make_unique<CaseService>(*relay->m_store, vendors, &messages);
  // Made here, on the starting thread: the gateways initialise libcurl, which is not thread-safe.
  relay->m_notifier = std::make_unique<CustomerNotifier>(gateways);
  if (gateways.parts) relay->m_parts = std::make_unique<Parts>(*gateways.parts, *relay->m_store);
  relay->m_privacy = std::make_unique<PrivacyService>(*relay->m_store, *relay->m_store, relay->m_store.get());
  if (gateways.retainClosedDays) {
    relay->m_retention = std::make_unique<RetentionDuty>(*relay->m_privacy, *gateways.retainClosedDays);
  }
  relay->m_clock = &clock;
  relay->m_station = std::move(station);
  // The first sweep a minute after start, not during it: start-up and the first frames stay
  // the screens' (a database with a backlog of overdue cases writes a page of notices).
  relay->m_lastDutiesMs = systemUtcMs();
  relay->m_relay = std::make_unique<OutboxRelay>(*relay->m_store, *relay->m_notifier, gateways.outbox, systemUtcMs,
                                                 uniformJitter(), defaultRelayName());
  relay->m_thread = std::thread([r = relay.get()] { r->run(); });
  return relay;
}

StationRelay::~StationRelay() {
  if (m_relay) m_relay->stop();
  if (m_thread.joinable()) m_thread.join();
}

void StationRelay::wake() { m_relay->wake(); }

StationRelayStatus StationRelay::status() const {
  const std::scoped_lock lock(m_statusMutex);
  return m_status;
}

void StationRelay::run() {
  m_relay->runUntilStopped(kPollMs, [this](const Result<RelayPass>& pass) { afterPass(pass); });
}

// Runs on the relay's thread between passes, when no send is in flight: the store is free.
void StationRelay::afterPass(const Result<RelayPass>& pass) {
  {
    const std::scoped_lock lock(m_statusMutex);
    if (pass) {
      m_status.total += *pass;
      if (!pass->lastStoreError.empty()) m_status.lastProblem = pass->lastStoreError;
    } else {
      m_status.lastProblem = pass.error().message;
    }
  }
  const std::int64_t now = systemUtcMs();
  if (now - m_lastDutiesMs < kDutiesEveryMs) return;
  m_lastDutiesMs = now;
  const auto report = runStationDuties(*m_service, m_parts ? &m_parts->desk : nullptr, m_retention.get(),
                                       Actor{m_station, m_clock->now()});
  if (!report.errors.empty()) {
    const std::scoped_lock lock(m_statusMutex);
    m_status.lastProblem = report.errors.back().message;
  }
  // A notice queued messages: send them in the next pass rather than after the wait.
  if (!report.deviationsNoticed.empty()) m_relay->wake();
}

}  // namespace kiosk
