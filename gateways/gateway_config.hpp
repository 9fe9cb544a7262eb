#pragma once
// The gateway configuration: which SMS, e-mail, parts and carrier gateways to use, how
// persistently the outbox relay sends and how customer lookups are locked, read from a TOML file
// (`--config FILE`). The keys and their defaults are documented in gateways/README.md. TOML stays
// behind this header.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "workflow/customer_lookup_store.hpp"
#include "workflow/error.hpp"
#include "workflow/relay_policy.hpp"
#include "workflow/staff_store.hpp"

namespace kiosk {

// A JSON-over-HTTP gateway: [sms], [parts], [carrier].
struct HttpGatewayConfig {
  std::string url;    // http:// or https://
  std::string token;  // sent as "Authorization: Bearer <token>"; "" sends none
  std::int64_t timeoutMs = 10000;
  std::string caFile;  // ca_file: a PEM file of CAs to trust instead of the system's; "" = system
};

// An SMTP submission server: [email].
struct EmailGatewayConfig {
  std::string smtpUrl, from, username, password;  // smtp:// or smtps://; from = "user@domain"
  std::int64_t timeoutMs = 10000;
  std::string caFile;  // as for HTTP
};

struct GatewayConfig {
  std::optional<HttpGatewayConfig> sms;      // [sms] url token timeout_ms ca_file; set only when url is given
  std::optional<EmailGatewayConfig> email;   // [email] smtp_url from username password timeout_ms ca_file
  std::optional<HttpGatewayConfig> parts;    // [parts] url token timeout_ms ca_file
  std::optional<HttpGatewayConfig> carrier;  // [carrier] url token timeout_ms ca_file
  // [outbox] backoff_initial_ms backoff_max_ms max_attempts; callTimeoutMs is the longest timeout
  // of the configured customer channels (sms, email), 10000 when neither is configured.
  RelayPolicy outbox;
  // [customer_lookup] max_wrong_codes lock_minutes: how many wrong customer codes lock a case
  // number's status lookups (kioskctl status, the kiosk's customer screen), and for how long.
  CodeAttemptPolicy customerLookup;
  // [staff] max_wrong_pins lock_minutes: how many wrong PINs in a row lock a staff account
  // (kioskctl staff check, the kiosk's sign-in), and for how long.
  PinLockPolicy staff;
  // [staff] idle_sign_out_minutes: the kiosk signs its staff member out after this long with no
  // touch, key or scan, so the next person at the station is not taken for them.
  int staffIdleSignOutMinutes = 5;
  // [privacy] retain_closed_days: how long a closed case keeps its customer's personal data; the
  // kiosk's station duties purge cases closed longer ago once a day (kioskctl privacy purge
  // --retention does the same by hand). Unset: nothing is purged on its own.
  std::optional<int> retainClosedDays;
  // [passcodes] key_file: the passcode key file (crypto/passcode_key_file.hpp); a relative path is
  // taken from the configuration file's folder by load(). "" = KIOSK_PASSCODE_KEY, else the
  // default beside the default SQLite database.
  std::string passcodeKeyFile;
  // [passcodes] show_seconds: how long the kiosk's case screen shows a device's passcode to the
  // technician who read it (then it is hidden and wiped from memory).
  int passcodeShowSeconds = 30;

  // A missing or unreadable file is a BadInput naming it.
  [[nodiscard]] static Result<GatewayConfig> load(const std::filesystem::path& file);
  // `source` names the text in messages ("gateways.toml"). Errors are BadInput with the key as
  // field ("sms.timeout_ms") and never a token's or password's value.
  [[nodiscard]] static Result<GatewayConfig> parse(std::string_view toml, const std::string& source);
};

}  // namespace kiosk
