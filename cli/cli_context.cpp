#include "cli/cli_context.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ostream>
#include <sstream>
#include <thread>
#include <vector>

#include "cli/pin_input.hpp"
#include "crypto/passcode_key_file.hpp"
#include "crypto/sodium_passcode_vault.hpp"
#include "crypto/sodium_pin_hasher.hpp"
#include "store/open_store.hpp"
#include "workflow/translations.hpp"

#ifndef KIOSK_ASSETS_DIR
#define KIOSK_ASSETS_DIR "assets"
#endif

namespace kiosk::cli {
namespace {

// How long opening the shared store keeps trying a server that does not answer.
constexpr std::chrono::milliseconds kServerRestartGraceMs{5000};

struct UrlSecret {
  std::size_t begin = std::string::npos;  // where the password starts in the URL
  std::size_t end = std::string::npos;
  bool userInfo = false;  // user:PASSWORD@ rather than a password= parameter
};

// The password's places in a URL: user:PASSWORD@host, and password=PASSWORD among the parameters.
std::vector<UrlSecret> secretsOf(const std::string& url) {
  std::vector<UrlSecret> secrets;
  const std::size_t scheme = url.find("://");
  const std::size_t authorityBegin = scheme == std::string::npos ? 0 : scheme + 3;
  const std::size_t authorityEnd = std::min(url.find_first_of("/?", authorityBegin), url.size());
  const std::size_t at = authorityEnd > authorityBegin ? url.rfind('@', authorityEnd - 1) : std::string::npos;
  if (at != std::string::npos && at >= authorityBegin) {
    const std::size_t colon = url.find(':', authorityBegin);
    if (colon < at) secrets.push_back({colon + 1, at, true});
  }
  for (std::size_t p = url.find("password=", authorityEnd); p != std::string::npos;
       p = url.find("password=", p + 1)) {
    if (p > 0 && url[p - 1] != '?' && url[p - 1] != '&') continue;
    const std::size_t begin = p + 9;
    secrets.push_back({begin, std::min(url.find('&', begin), url.size()), false});
  }
  return secrets;
}

// A store's message with the URL's password, should it appear, replaced by "***".
std::string withoutPassword(std::string message, const std::string& url) {
  for (const UrlSecret& s : secretsOf(url)) {
    const std::string secret = url.substr(s.begin, s.end - s.begin);
    if (secret.empty()) continue;
    for (std::size_t p = message.find(secret); p != std::string::npos; p = message.find(secret, p + 3)) {
      message.replace(p, secret.size(), "***");
    }
  }
  return message;
}

}  // namespace

std::string redactedUrl(const std::string& url) {
  std::string out = url;
  auto secrets = secretsOf(url);
  // From the back, so earlier positions stay valid. user:PASSWORD@ loses the password with its
  // colon (user@host, as the store names the server); a parameter keeps its name.
  for (auto it = secrets.rbegin(); it != secrets.rend(); ++it) {
    if (it->userInfo) {
      out.erase(it->begin - 1, it->end - it->begin + 1);  // the colon and the password
    } else {
      out.replace(it->begin, it->end - it->begin, "***");
    }
  }
  return out;
}

struct Context::Opened {
  std::optional<VendorCatalog> vendors;
  std::optional<MessageTexts> messages;
  std::unique_ptr<CaseDatabase> store;
  std::unique_ptr<CaseService> service;
  std::unique_ptr<CaseService> silentService;
  std::optional<GatewayConfig> gateways;
  std::unique_ptr<PinHasher> pinHasher;
  std::unique_ptr<StaffService> staff;
  std::unique_ptr<PasscodeVault> vault;
  std::unique_ptr<PasscodeService> passcodes;
};

Context::Context(std::istream& i, std::ostream& o, std::ostream& e, const Clock& clock)
    : in(i), out(o), err(e), m_clock(clock), m_opened(std::make_unique<Opened>()) {}

Context::Context(std::ostream& o, std::ostream& e, const Clock& clock)
    : m_noInput(std::make_unique<std::istringstream>()), in(*m_noInput), out(o), err(e), m_clock(clock), m_opened(std::make_unique<Opened>()) {}

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

std::string Context::databaseUrl() const {
  if (!options.dbUrl.empty()) return options.dbUrl;
  // --db names a file: the environment's URL does not override what was typed.
  if (!options.db.empty()) return {};
  const char* env = std::getenv("KIOSK_DB_URL");
  return env != nullptr ? env : "";
}

std::string Context::databaseLocation() const {
  const std::string url = databaseUrl();
  return url.empty() ? databasePath().string() : redactedUrl(url);
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

Result<std::unique_ptr<CaseDatabase>> Context::openDatabase() const {
  const std::string url = databaseUrl();
  if (url.empty()) {
    auto store = openStore(StoreLocation{databasePath(), {}});
    if (!store) {
      // A database that cannot be opened (foreign, corrupt, newer) is a wrong --db: bad input.
      Error error = store.error();
      error.kind = ErrorKind::BadInput;
      error.field = "db";
      return tl::unexpected(error);
    }
    return store;
  }
  // Named as the user gave it: the option, or the environment variable.
  const std::string field = options.dbUrl.empty() ? "KIOSK_DB_URL (environment)" : "db-url";
  if (!isPostgresUrl(url)) {
    return badInput(field, "'" + redactedUrl(url) + "' is not a PostgreSQL URL; write postgresql://user@host:port/dbname");
  }
  auto store = openStore(StoreLocation{{}, url});
  // A server being restarted refuses connections for a second or two: a script's step waits
  // that out rather than fail. One that stays unreachable is an error within a few seconds.
  const auto giveUp = std::chrono::steady_clock::now() + kServerRestartGraceMs;
  for (auto pause = std::chrono::milliseconds(100);
       !store && store.error().kind == ErrorKind::Storage && std::chrono::steady_clock::now() + pause < giveUp;
       pause = std::min(pause * 2, std::chrono::milliseconds(1000))) {
    std::this_thread::sleep_for(pause);
    store = openStore(StoreLocation{{}, url});
  }
  if (!store) {
    // An unreachable server stays a storage failure (exit 3), a malformed URL bad input (2);
    // either way the message names the server, and never its password.
    Error error = store.error();
    error.field = field;
    error.message = withoutPassword(error.message, url);
    const std::string where = redactedUrl(url);
    if (error.message.find(where) == std::string::npos) error.message = where + ": " + error.message;
    return tl::unexpected(error);
  }
  return store;
}

Result<CaseService*> Context::service() {
  if (!m_opened->service) {
    auto catalog = vendors();
    if (!catalog) return tl::unexpected(catalog.error());
    // The customer's language is not recorded yet: every message is in bokmål for now. Texts
    // that cannot be read are an error, never a reason to queue nothing.
    auto messages = MessageTexts::load(assetsDir(), kDefaultLanguage);
    if (!messages) return tl::unexpected(messages.error());
    auto store = openDatabase();
    if (!store) return tl::unexpected(store.error());
    m_opened->messages.emplace(std::move(*messages));
    m_opened->store = std::move(*store);
    auto vault = this->vault();
    if (!vault) return tl::unexpected(vault.error());
    // Passcodes an older program kept in clear are sealed (or, on closed cases, erased) before
    // anything else is done: the next open after an upgrade leaves none in the database.
    const std::string account = serviceAccount();
    auto sealed = sealClearPasscodes(*m_opened->store, *m_opened->store, **vault, Actor{account, m_clock.now()});
    if (!sealed) return tl::unexpected(sealed.error());
    if (*sealed > 0) {
      if (auto erased = m_opened->store->eraseFreedCopies(); !erased) return tl::unexpected(erased.error());
    }
    m_opened->service = std::make_unique<CaseService>(*m_opened->store, **catalog, &*m_opened->messages, *vault);
  }
  return m_opened->service.get();
}

Result<PasscodeVault*> Context::vault() {
  if (!m_opened->store) {
    auto opened = store();
    if (!opened) return tl::unexpected(opened.error());
  }
  if (!m_opened->vault) {
    // The store and the configuration are asked only when a passcode is sealed or opened.
    m_opened->vault = std::make_unique<SodiumPasscodeVault>(
        [this]() -> Result<std::filesystem::path> {
          const auto config = gatewayConfig();
          if (!config) return tl::unexpected(config.error());
          return passcodeKeyFile((*config)->passcodeKeyFile);
        },
        // service() made the store before the vault (and uses the vault while it opens).
        [this]() -> Result<bool> { return m_opened->store->hasSealedPasscodes(); });
  }
  return m_opened->vault.get();
}

Result<PasscodeService*> Context::passcodes() {
  if (!m_opened->passcodes) {
    auto staff = this->staff();
    if (!staff) return tl::unexpected(staff.error());
    auto vault = this->vault();
    if (!vault) return tl::unexpected(vault.error());
    m_opened->passcodes = std::make_unique<PasscodeService>(*m_opened->store, **vault, **staff, m_opened->store.get());
  }
  return m_opened->passcodes.get();
}

Result<CaseService*> Context::serviceWithoutMessages() {
  if (!m_opened->silentService) {
    auto opened = service();
    if (!opened) return tl::unexpected(opened.error());
    m_opened->silentService =
        std::make_unique<CaseService>(*m_opened->store, *m_opened->vendors, nullptr, m_opened->vault.get());
  }
  return m_opened->silentService.get();
}

Result<CaseDatabase*> Context::store() {
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

Result<StaffService*> Context::staff() {
  if (!m_opened->staff) {
    auto opened = store();
    if (!opened) return tl::unexpected(opened.error());
    const auto config = gatewayConfig();
    if (!config) return tl::unexpected(config.error());
    m_opened->pinHasher = std::make_unique<SodiumPinHasher>();
    m_opened->staff = std::make_unique<StaffService>(**opened, *m_opened->pinHasher, (*config)->staff, *opened);
  }
  return m_opened->staff.get();
}

Result<Actor> Context::actor() {
  auto at = asOf();
  if (!at) return tl::unexpected(at.error());
  std::string staff = options.staff;
  if (staff.find_first_not_of(" \t") == std::string::npos) {
    staff = serviceAccount();
  } else {
    auto accounts = this->staff();
    if (!accounts) return tl::unexpected(accounts.error());
    auto attributed = (*accounts)->attributedName(staff, "staff");
    if (!attributed) return tl::unexpected(attributed.error());
    staff = std::move(*attributed);
  }
  return Actor{staff, *at};
}

Result<std::string> Context::pinOption(const std::string& value, std::string_view field) {
  return readPinOption(value, in, err, field);
}

std::string Context::serviceAccount() {
  const char* user = std::getenv("USER");
  return (user != nullptr && *user != '\0') ? std::string("station:") + user : "station";
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
  if (error.kind == ErrorKind::Conflict && error.message.find("nothing was written") == std::string::npos) {
    // Another station (or process) changed the case between this one's read and its write.
    err << "kioskctl: nothing was written: the case changed meanwhile; look at it again (case show) and repeat "
           "the step if it still applies\n";
  }
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
