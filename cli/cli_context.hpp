#pragma once
// What every kioskctl command shares: the global options, the opened store and services, and
// the convention that turns a Result into a message and an exit code.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "gateways/gateway_config.hpp"
#include "store/case_database.hpp"
#include "workflow/case_service.hpp"
#include "workflow/clock.hpp"
#include "workflow/passcode_service.hpp"
#include "workflow/staff_service.hpp"

namespace kiosk::cli {

// Exit codes: 0 done, 1 the workflow refused the step (scan: a file held no code), 2 bad usage
// or input, 3 storage failure, 4 a remote service that did not take the request: a label
// printer, the parts supplier or the carrier.
enum ExitCode : int { kOk = 0, kRefused = 1, kBadInput = 2, kStorage = 3, kPrinterFailed = 4, kGatewayFailed = 4 };

struct GlobalOptions {
  std::string db;      // SQLite file; empty: KIOSK_DB, else the user's data folder
  std::string dbUrl;   // postgresql://...; empty: KIOSK_DB_URL, else SQLite
  std::string assets;  // empty: KIOSK_ASSETS or the build's assets folder
  bool json = false;
  std::string at;      // YYYY-MM-DDTHH:MM; empty: now
  std::string staff;   // empty: the station's service account
  std::string config;  // the gateway configuration (TOML); empty: no gateway is configured
};

class Context {
  // First, as `in` of the constructor without one refers to it.
  std::unique_ptr<std::istream> m_noInput;

 public:
  // `in`: standard input, read only for an option given "-" (`--pin -`, cli/pin_input.hpp).
  Context(std::istream& in, std::ostream& out, std::ostream& err, const Clock& clock);
  // With an empty standard input: an option given "-" finds no line.
  Context(std::ostream& out, std::ostream& err, const Clock& clock);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  GlobalOptions options;
  std::istream& in;
  std::ostream& out;
  std::ostream& err;

  // Opens the vendor catalog, the store and the service on first use. Clear-text passcodes an
  // older program left in the store are then sealed (workflow/passcode_service.hpp).
  [[nodiscard]] Result<CaseService*> service();
  // The same store and profiles, but no step queues a message: for `demo`, whose customers'
  // mobile numbers are made up and may belong to someone, so must never be texted.
  [[nodiscard]] Result<CaseService*> serviceWithoutMessages();
  [[nodiscard]] Result<const VendorCatalog*> vendors();
  // The database service() opened (opening it if need be): SQLite or PostgreSQL.
  [[nodiscard]] Result<CaseDatabase*> store();
  // The --config file, read on first use; without --config every gateway is unconfigured.
  [[nodiscard]] Result<const GatewayConfig*> gatewayConfig();
  // The staff accounts of the store (opening it if need be), PINs hashed with Argon2id, locked by
  // the [staff] policy of --config.
  [[nodiscard]] Result<StaffService*> staff();
  // The passcode vault: the key file of [passcodes] key_file in --config, else KIOSK_PASSCODE_KEY,
  // else passcode.key beside the default database; read (or made) at the first seal or open.
  [[nodiscard]] Result<PasscodeVault*> vault();
  // Reading passcodes (kioskctl case passcode), over staff() and vault().
  [[nodiscard]] Result<PasscodeService*> passcodes();
  // The --at time (or now) and the --staff name (or the service account). Once the store has
  // staff accounts, --staff must name an enabled one (BadInput on "staff" otherwise), and the
  // events get its name as stored.
  [[nodiscard]] Result<Actor> actor();
  [[nodiscard]] Result<LocalTime> asOf() const;
  // The SQLite file when no PostgreSQL URL is in force (--db, KIOSK_DB, the data folder).
  [[nodiscard]] std::filesystem::path databasePath() const;
  // --db-url, else KIOSK_DB_URL unless --db is given; empty: the SQLite file.
  [[nodiscard]] std::string databaseUrl() const;
  // Where the cases are, for messages: the file, or the URL without its password.
  [[nodiscard]] std::string databaseLocation() const;
  // --assets, else KIOSK_ASSETS, else the build's assets folder.
  [[nodiscard]] std::filesystem::path assetsDir() const;

  // A PIN option's value: itself, or for "-" a line of standard input (readPinOption).
  [[nodiscard]] Result<std::string> pinOption(const std::string& value, std::string_view field = "pin");
  // Who events are attributed to without --staff: "station:<USER>".
  [[nodiscard]] static std::string serviceAccount();

  // Prints the error naming its field and returns the exit code for its kind.
  int fail(const Error& error) const;

 private:
  struct Opened;
  // The database the options name: SQLite (--db, KIOSK_DB, the data folder) or PostgreSQL
  // (--db-url, KIOSK_DB_URL).
  [[nodiscard]] Result<std::unique_ptr<CaseDatabase>> openDatabase() const;
  const Clock& m_clock;
  std::unique_ptr<Opened> m_opened;
};

// Parses a date option; errors name the option ("--purchased: ...").
[[nodiscard]] Result<Date> dateOption(const std::string& field, const std::string& text);
[[nodiscard]] Result<std::optional<Date>> optionalDateOption(const std::string& field, const std::string& text);

// A PostgreSQL URL fit for a message: user:PASSWORD@host becomes user@host (as the store names
// the server), a password=... parameter password=***.
[[nodiscard]] std::string redactedUrl(const std::string& url);

// Runs kioskctl with these arguments; the whole program, testable in-process. `in` is its
// standard input (`--pin -`); without it, an empty one.
int runKioskctl(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err,
                const Clock& clock);
int runKioskctl(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const Clock& clock);

}  // namespace kiosk::cli
