#include "kiosk/app/kiosk_backend.hpp"

#include "crypto/passcode_key_file.hpp"
#include "crypto/sodium_passcode_vault.hpp"
#include "crypto/sodium_pin_hasher.hpp"
#include "gateways/carrier_http.hpp"
#include "gateways/raw_printer.hpp"
#include "kiosk/app/intake_documents.hpp"
#include "scanner/frame_source.hpp"
#include "scanner/print_file.hpp"
#include "workflow/outbox_relay.hpp"
#include "workflow/outbox_store.hpp"
#include "workflow/passcode_service.hpp"
#include "workflow/return_booking.hpp"

namespace kiosk {
namespace {

// The station's passcode vault: the key file is found (and read, or made) at the first seal or
// open, so a station that never takes a passcode needs none.
std::unique_ptr<PasscodeVault> stationVault(const BackendConfig& config, CaseDatabase& store) {
  const std::filesystem::path file =
      config.passcodeKeyFile.empty() ? passcodeKeyFile(config.gateways.passcodeKeyFile) : config.passcodeKeyFile;
  return std::make_unique<SodiumPasscodeVault>([file]() -> Result<std::filesystem::path> { return file; },
                                               [&store]() -> Result<bool> { return store.hasSealedPasscodes(); });
}

}  // namespace

Result<std::unique_ptr<KioskBackend>> KioskBackend::open(const BackendConfig& config, const Clock& clock,
                                                         std::function<void()> wake) {
  auto vendors = VendorCatalog::load(config.assets / "vendors");
  if (!vendors) return tl::unexpected(vendors.error());
  auto store = openStore(config.store);
  if (!store) {
    // A server that does not answer is a Storage error (exit 3); a file that cannot be opened
    // (foreign, corrupt, newer) or a URL that is not one is a wrong --db or --db-url.
    if (store.error().kind == ErrorKind::Storage && !config.store.postgresUrl.empty()) {
      return tl::unexpected(store.error());
    }
    return badInput(config.store.postgresUrl.empty() ? "db" : "db-url", store.error().message);
  }
  // The customer's texts (bokmål for now, as kioskctl): intake, inform and ship queue messages.
  auto messages = MessageTexts::load(config.assets, kDefaultLanguage);
  if (!messages) return tl::unexpected(messages.error());
  auto backend = std::make_unique<KioskBackend>(config, clock, std::move(*store), std::move(*vendors),
                                                std::move(wake), std::move(*messages));
  // After an upgrade, before anyone works: no passcode stays in clear (a key-file problem stops
  // the start, naming the file).
  if (auto sealed = backend->sealClearPasscodes(); !sealed) return tl::unexpected(sealed.error());
  auto relay = StationRelay::start(config.store, config.gateways, backend->m_vendors, *backend->m_messages, clock,
                                   config.station);
  if (!relay) return tl::unexpected(relay.error());
  backend->m_relay = std::move(*relay);
  return backend;
}

KioskBackend::KioskBackend(const BackendConfig& config, const Clock& clock, std::unique_ptr<CaseDatabase> store,
                           VendorCatalog vendors, std::function<void()> wake,
                           std::optional<MessageTexts> messages)
    : m_config(config),
      m_clock(clock),
      m_vendors(std::move(vendors)),
      m_store(std::move(store)),
      m_location(m_store->location()),
      m_messages(std::move(messages)),
      m_vault(stationVault(config, *m_store)),
      m_service(*m_store, m_vendors, m_messages ? &*m_messages : nullptr, m_vault.get()),
      m_pinHasher(std::make_unique<SodiumPinHasher>()),
      m_staffService(*m_store, *m_pinHasher, config.gateways.staff, m_store.get()),  // sign-ins go to the audit log
      m_wake(std::move(wake)),
      m_carrier(config.gateways.carrier ? std::make_unique<HttpCarrier>(*config.gateways.carrier) : nullptr),
      m_tasks(m_wake),
      m_watcher([this] { watchForChanges(); }) {
  // Whether sign-in is needed is known before the first frame; a store that cannot say counts as
  // having accounts, so a fault never opens the staff screens to whoever stands there.
  const auto accounts = lookForAccounts();
  if (!accounts) m_accountsExist = true;
}

KioskBackend::~KioskBackend() {
  {
    const std::scoped_lock lock(m_watchMutex);
    m_stopping = true;
  }
  m_watchWake.notify_all();
  m_watcher.join();
}

void KioskBackend::watchForChanges() {
  // SQLite cannot push other processes' commits to us, so the stamp (PRAGMA data_version) is
  // polled; on PostgreSQL the stamp counts LISTEN/NOTIFY notifications, and polling it only
  // collects what the server already pushed. A failed look is the kiosk's sign that the store
  // is out of reach: "offline" until a look succeeds again.
  std::optional<std::uint64_t> last;
  std::unique_lock lock(m_watchMutex);
  while (!m_stopping) {
    m_lookNow = false;
    lock.unlock();
    const auto stamp = m_store->changeStamp();
    lock.lock();
    bool wake = false;
    if (stamp) {
      const bool wasOffline = !m_online.exchange(true);
      m_offlineReason.clear();
      // Back online: what the screens hold may be stale, and the stamp may have restarted with
      // a new connection, so they refresh whatever it says.
      if (wasOffline || (last && *last != *stamp)) {
        m_changed = true;
        wake = true;
      }
      last = *stamp;
    } else if (stamp.error().kind == ErrorKind::Storage) {
      m_offlineReason = stamp.error().message;
      wake = m_online.exchange(false);  // the frame shows the banner now, not at the next input
    }
    if (wake && m_wake) m_wake();
    m_watchWake.wait_for(lock, m_config.watchInterval, [this] { return m_stopping || m_lookNow; });
  }
}

Result<std::size_t> KioskBackend::sealClearPasscodes() {
  auto sealed = kiosk::sealClearPasscodes(*m_store, *m_store, *m_vault, Actor{m_config.station, m_clock.now()});
  if (!sealed) return sealed;
  if (*sealed > 0) {
    if (auto erased = m_store->eraseFreedCopies(); !erased) return tl::unexpected(erased.error());
  }
  return sealed;
}

void KioskBackend::lookNow() {
  {
    const std::scoped_lock lock(m_watchMutex);
    m_lookNow = true;
  }
  m_watchWake.notify_all();
}

std::string KioskBackend::offlineReason() const {
  const std::scoped_lock lock(m_watchMutex);
  return m_offlineReason;
}

template <class T>
std::future<Result<T>> KioskBackend::storeCall(std::function<Result<T>()> call) {
  return m_tasks.run<Result<T>>([this, call = std::move(call)] {
    Result<T> result = call();
    if (!result && result.error().kind == ErrorKind::Storage) lookNow();
    return result;
  });
}

// The staff calls live in kiosk_backend_staff.cpp.
template std::future<Result<StaffRoster>> KioskBackend::storeCall<StaffRoster>(std::function<Result<StaffRoster>()>);
template std::future<Result<SignInAnswer>> KioskBackend::storeCall<SignInAnswer>(
    std::function<Result<SignInAnswer>()>);
// And the passcode's, in kiosk_backend_passcode.cpp.
template std::future<Result<PasscodeReading>> KioskBackend::storeCall<PasscodeReading>(
    std::function<Result<PasscodeReading>()>);

namespace {

CaseQuery queryFor(const QueueFilter& filter) {
  CaseQuery query;
  query.status = filter.status;
  query.vendor = filter.vendor;
  query.technician = filter.technician;
  return query;
}

}  // namespace

std::future<Result<std::size_t>> KioskBackend::countQueue(const QueueFilter& filter) {
  return storeCall<std::size_t>([this, query = queryFor(filter)] { return m_store->countMatching(query); });
}

std::future<Result<std::vector<RepairCase>>> KioskBackend::queuePage(const QueueFilter& filter, std::size_t offset,
                                                                     std::size_t limit) {
  CaseQuery query = queryFor(filter);
  query.offset = offset;
  query.limit = limit;
  return storeCall<std::vector<RepairCase>>([this, query] { return m_service.list(query); });
}

std::future<Result<std::vector<RepairCase>>> KioskBackend::find(std::string text) {
  return storeCall<std::vector<RepairCase>>([this, text = std::move(text)] { return m_service.find(text); });
}

std::future<Result<RepairCase>> KioskBackend::load(std::string number) {
  return storeCall<RepairCase>([this, number = std::move(number)] { return m_service.show(number); });
}

std::future<Result<CustomerLookupAnswer>> KioskBackend::lookUpCustomer(std::string number, std::string code) {
  return storeCall<CustomerLookupAnswer>([this, number = std::move(number), code = std::move(code)] {
    CustomerLookup lookup(*m_store, *m_store, m_config.gateways.customerLookup);
    return lookup.lookUp(number, code, systemUtcMs());
  });
}

std::future<Result<DashboardFigures>> KioskBackend::dashboard(int weeks) {
  return storeCall<DashboardFigures>([this, weeks] { return dashboardFigures(*m_store, m_clock.now(), weeks); });
}

std::future<Result<RepairCase>> KioskBackend::runStep(Step step, StepCommand command) {
  return storeCall<RepairCase>([this, step, command = std::move(command)]() -> Result<RepairCase> {
    const auto actor = actorFor(step);
    if (!actor) return tl::unexpected(actor.error());
    return messagesMayWait(command(m_service, *actor));
  });
}

std::future<Result<RepairCase>> KioskBackend::registerCase(IntakeForm form) {
  return storeCall<RepairCase>([this, form = std::move(form)]() -> Result<RepairCase> {
    const auto actor = actorFor(std::nullopt);
    if (!actor) return tl::unexpected(actor.error());
    return messagesMayWait(m_service.registerCase(form, *actor));
  });
}

Result<RepairCase> KioskBackend::messagesMayWait(Result<RepairCase> stepped) {
  // The step's messages are committed with it: the relay may send them now.
  if (stepped && !stepped->newMessages.empty() && m_relay) m_relay->wake();
  return stepped;
}

std::future<Result<IntakeDocuments>> KioskBackend::saveIntakeDocuments(RepairCase repairCase, std::string language) {
  return m_tasks.run<Result<IntakeDocuments>>(
      [this, repairCase = std::move(repairCase), language = std::move(language)]() -> Result<IntakeDocuments> {
        const auto rendered =
            renderIntakeDocuments(repairCase, m_service.vendorOf(repairCase), m_config.assets, language);
        if (!rendered) return tl::unexpected(rendered.error());
        IntakeDocuments saved{m_config.documents / (repairCase.number + "-label.png"),
                              m_config.documents / (repairCase.number + "-receipt.pdf")};
        std::error_code ec;
        std::filesystem::create_directories(m_config.documents, ec);
        if (auto written = writeFileAtomically(saved.label, rendered->labelPng, "documents"); !written) {
          return tl::unexpected(written.error());
        }
        if (auto written = writeFileAtomically(saved.receipt, rendered->receiptPdf, "documents"); !written) {
          return tl::unexpected(written.error());
        }
        return saved;
      });
}

std::future<Result<Translations>> KioskBackend::loadTexts(std::string language) {
  return m_tasks.run<Result<Translations>>(
      [this, language = std::move(language)] { return Translations::load(m_config.assets, language); });
}

std::future<Result<DatabaseInfo>> KioskBackend::databaseInfo() {
  return storeCall<DatabaseInfo>([this]() -> Result<DatabaseInfo> {
    DatabaseInfo info;
    auto cases = m_store->count();
    if (!cases) return tl::unexpected(cases.error());
    info.cases = *cases;
    auto version = m_store->schemaVersion();
    if (!version) return tl::unexpected(version.error());
    info.schemaVersion = *version;
    return info;
  });
}

std::future<std::vector<std::string>> KioskBackend::cameras() {
  return m_tasks.run<std::vector<std::string>>([] {
    std::vector<std::string> found;
    for (const auto& device : videoDevices()) found.push_back(device.string());
    return found;
  });
}

Result<std::string> KioskBackend::checkPrinterAddress(const std::string& text) {
  auto address = parsePrinterAddress(text);
  if (!address) return badInput("printer", address.error());
  return address->text();
}

std::future<Result<LabelPrinted>> KioskBackend::printLabel(RepairCase repairCase, std::string printer,
                                                         std::string language) {
  return m_tasks.run<Result<LabelPrinted>>(
      [this, repairCase = std::move(repairCase), printer = std::move(printer), language = std::move(language)] {
        return printLabelZpl(repairCase, m_config.assets, language, printer);
      });
}

std::future<Result<std::vector<OutboxMessage>>> KioskBackend::caseMessages(std::string number) {
  return storeCall<std::vector<OutboxMessage>>([this, number = std::move(number)] {
    OutboxQuery query;
    query.caseNumber = number;
    return m_service.outbox(query);
  });
}

std::future<Result<OutboxMessage>> KioskBackend::retryMessage(std::int64_t id) {
  return storeCall<OutboxMessage>([this, id]() -> Result<OutboxMessage> {
    auto retried = m_store->retryOutbox(id, systemUtcMs());
    if (retried && m_relay) m_relay->wake();  // tried again now, not after the relay's wait
    return retried;
  });
}

StationRelayStatus KioskBackend::relayStatus() const {
  return m_relay ? m_relay->status() : StationRelayStatus{};
}

std::optional<KioskBackend::StepCommand> KioskBackend::bookReturnCommand(std::string number) {
  if (!m_carrier) return std::nullopt;
  return StepCommand([this, number = std::move(number)](CaseService& service, const Actor& actor) {
    return bookAndShip(service, *m_carrier, number, actor);
  });
}

GatewayChannels KioskBackend::gateways() const {
  const GatewayConfig& g = m_config.gateways;
  return {g.sms.has_value(), g.email.has_value(), g.parts.has_value(), g.carrier.has_value()};
}

}  // namespace kiosk
