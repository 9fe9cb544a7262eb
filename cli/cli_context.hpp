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
#include "workflow/case_service.hpp"
#include "workflow/clock.hpp"

namespace kiosk::cli {

// Exit codes: 0 done, 1 the workflow refused the step (scan: a file held no code), 2 bad usage
// or input, 3 storage failure, 4 a remote service that did not take the request: a label
// printer, the parts supplier or the carrier.
enum ExitCode : int { kOk = 0, kRefused = 1, kBadInput = 2, kStorage = 3, kPrinterFailed = 4, kGatewayFailed = 4 };

struct GlobalOptions {
  std::string db;      // empty: the user's data folder
  std::string assets;  // empty: KIOSK_ASSETS or the build's assets folder
  bool json = false;
  std::string at;      // YYYY-MM-DDTHH:MM; empty: now
  std::string staff;   // empty: the station's service account
  std::string config;  // the gateway configuration (TOML); empty: no gateway is configured
};

class Context {
 public:
  Context(std::ostream& out, std::ostream& err, const Clock& clock);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  GlobalOptions options;
  std::ostream& out;
  std::ostream& err;

  // Opens the vendor catalog, the store and the service on first use.
  [[nodiscard]] Result<CaseService*> service();
  // The same store and profiles, but no step queues a message: for `demo`, whose customers'
  // mobile numbers are made up and may belong to someone, so must never be texted.
  [[nodiscard]] Result<CaseService*> serviceWithoutMessages();
  [[nodiscard]] Result<const VendorCatalog*> vendors();
  // The store service() opened (opening it if need be).
  [[nodiscard]] Result<CaseStore*> store();
  // The --config file, read on first use; without --config every gateway is unconfigured.
  [[nodiscard]] Result<const GatewayConfig*> gatewayConfig();
  // The --at time (or now) and the --staff name (or the service account).
  [[nodiscard]] Result<Actor> actor() const;
  [[nodiscard]] Result<LocalTime> asOf() const;
  [[nodiscard]] std::filesystem::path databasePath() const;
  // --assets, else KIOSK_ASSETS, else the build's assets folder.
  [[nodiscard]] std::filesystem::path assetsDir() const;

  // Prints the error naming its field and returns the exit code for its kind.
  int fail(const Error& error) const;

 private:
  struct Opened;
  const Clock& m_clock;
  std::unique_ptr<Opened> m_opened;
};

// Parses a date option; errors name the option ("--purchased: ...").
[[nodiscard]] Result<Date> dateOption(const std::string& field, const std::string& text);
[[nodiscard]] Result<std::optional<Date>> optionalDateOption(const std::string& field, const std::string& text);

// Runs kioskctl with these arguments; the whole program, testable in-process.
int runKioskctl(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const Clock& clock);

}  // namespace kiosk::cli
