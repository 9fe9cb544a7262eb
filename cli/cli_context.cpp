#include "cli/cli_context.hpp"

#include <cstdlib>
#include <ostream>

#include "store/sqlite_case_store.hpp"
#include "workflow/translations.hpp"

#ifndef KIOSK_ASSETS_DIR
#define KIOSK_ASSETS_DIR "assets"
#endif

namespace kiosk::cli {

struct Context::Opened {
  std::optional<VendorCatalog> vendors;
  std::optional<MessageTexts> messages;
  std::unique_ptr<SqliteCaseStore> store;
  std::unique_ptr<CaseService> service;
  std::unique_ptr<CaseService> silentService;
  std::optional<GatewayConfig> gateways;
};

Context::Context(std::ostream& o, std::ostream& e, const Clock& clock)
    : out(o), err(e), m_clock(clock), m_opened(std::make_unique<Opened>()) {}

Context::~Context() = default;

std::filesystem::path Context::databasePath() const {
  if (!options.db.empty()) return options.db;
  if (const char* env = std::getenv("KIOSK_DB"); env != nullptr && *env != '\0') return env;
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    base = std::filesystem::path(home) / ".local" / "share";
  } else {
    base = ".";
  }
  return base / "repair-kiosk" / "cases.db";
}

std::filesystem::path Context::assetsDir() const {
  if (!options.assets.empty()) return options.assets;
  const char* env = std::getenv("KIOSK_ASSETS");
  return (env != nullptr && *env != '\0') ? env : KIOSK_ASSETS_DIR;
}

Result<const VendorCatalog*> Context::vendors() {
  if (!m_opened->vendors) {
    auto catalog = VendorCatalog::load(assetsDir() / "vendors");
    if (!catalog) return tl::unexpected(catalog.error());
    m_opened->vendors.emplace(std::move(*catalog));
  }
  return &*m_opened->vendors;
}

Result<CaseService*> Context::service() {
  if (!m_opened->service) {
    auto catalog = vendors();
    if (!catalog) return tl::unexpected(catalog.error());
    // The customer's language is not recorded yet: every message is in bokmål for now. Texts
    // that cannot be read are an error, never a reason to queue nothing.
    auto messages = MessageTexts::load(assetsDir(), kDefaultLanguage);
    if (!messages) return tl::unexpected(messages.error());
    auto store = SqliteCaseStore::open(databasePath());
    if (!store) {
      // A database that cannot be opened (foreign, corrupt, newer) is a wrong --db: bad input.
      Error error = store.error();
      error.kind = ErrorKind::BadInput;
      error.field = "db";
      return tl::unexpected(error);
    }
    m_opened->messages.emplace(std::move(*messages));
    m_opened->store = std::move(*store);
    m_opened->service = std::make_unique<CaseService>(*m_opened->store, **catalog, &*m_opened->messages);
  }
  return m_opened->service.get();
}

Result<CaseService*> Context::serviceWithoutMessages() {
  if (!m_opened->silentService) {
    auto opened = service();
    if (!opened) return tl::unexpected(opened.error());
    m_opened->silentService = std::make_unique<CaseService>(*m_opened->store, *m_opened->vendors);
  }
  return m_opened->silentService.get();
}

Result<CaseStore*> Context::store() {
  auto opened = service();
  if (!opened) return tl::unexpected(opened.error());
  return m_opened->store.get();
}

Result<const GatewayConfig*> Context::gatewayConfig() {
  if (!m_opened->gateways) {
    // --config, else KIOSK_CONFIG (as the kiosk), else no gateway at all.
    const char* fromEnv = std::getenv("KIOSK_CONFIG");
    const std::string file = !options.config.empty() ? options.config : fromEnv != nullptr ? fromEnv : "";
    if (file.empty()) {
      m_opened->gateways.emplace();
    } else {
      auto loaded = GatewayConfig::load(file);
      if (!loaded) return tl::unexpected(loaded.error());
      m_opened->gateways.emplace(std::move(*loaded));
    }
  }
  return &*m_opened->gateways;
}

Result<LocalTime> Context::asOf() const {
  if (options.at.empty()) return m_clock.now();
  const auto at = parseLocalTime(options.at);
  if (!at) {
    return badInput("at", "'" + options.at + "' is not a local time YYYY-MM-DDTHH:MM (or not a real one)");
  }
  return *at;
}

Result<Actor> Context::actor() const {
  auto at = asOf();
  if (!at) return tl::unexpected(at.error());
  std::string staff = options.staff;
  if (staff.find_first_not_of(" \t") == std::string::npos) {
    const char* user = std::getenv("USER");
    staff = (user != nullptr && *user != '\0') ? std::string("station:") + user : "station";
  }
  return Actor{staff, *at};
}

int Context::fail(const Error& error) const {
  std::string where;
  if (error.field == "case") {
    where = "case number: ";
  } else if (error.field.find('.') != std::string::npos) {
    where = "configuration " + error.field + ": ";  // a key of the --config file, not an option
  } else if (!error.field.empty() && error.field.find(' ') == std::string::npos) {
    where = "--" + error.field + ": ";
  } else if (!error.field.empty()) {
    where = error.field + ": ";
  }
  err << "kioskctl: " << where << error.message << '\n';
  switch (error.kind) {
    case ErrorKind::Refused:
    case ErrorKind::Conflict: return kRefused;
    case ErrorKind::BadInput:
    case ErrorKind::NotFound: return kBadInput;
    case ErrorKind::Storage: return kStorage;
    case ErrorKind::Gateway: return kGatewayFailed;
  }
  return kStorage;
}

Result<Date> dateOption(const std::string& field, const std::string& text) {
  const auto day = parseDate(text);
  if (!day) return badInput(field, "'" + text + "' is not a date YYYY-MM-DD (or not a real one)");
  return *day;
}

Result<std::optional<Date>> optionalDateOption(const std::string& field, const std::string& text) {
  if (text.empty()) return std::optional<Date>{};
  return dateOption(field, text).map([](Date d) { return std::optional<Date>(d); });
}

}  // namespace kiosk::cli
