#include "gateways/gateway_config.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <utility>

#include <toml++/toml.h>

#include "gateways/mime_message.hpp"
#include "workflow/privacy.hpp"

namespace kiosk {
namespace {

constexpr std::string_view kSections[] = {"sms",   "email",   "parts",    "carrier",  "outbox",
                                          "customer_lookup", "staff", "privacy", "passcodes"};
constexpr std::string_view kKnownSections =
    "[sms], [email], [parts], [carrier], [outbox], [customer_lookup], [staff], [privacy], [passcodes]";

std::string_view typeName(toml::node_type type) {
  switch (type) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a floating-point number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

std::string position(const std::string& source, const toml::source_region& region) {
  return source + ":" + std::to_string(region.begin.line) + ":" + std::to_string(region.begin.column);
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Whether `url` is scheme://host... with one of `schemes` (case-insensitive) and a host.
bool hasSchemeAndHost(std::string_view url, std::initializer_list<std::string_view> schemes) {
  const auto separator = url.find("://");
  if (separator == std::string_view::npos) return false;
  const std::string scheme = lower(url.substr(0, separator));
  if (std::find(schemes.begin(), schemes.end(), scheme) == schemes.end()) return false;
  std::string_view authority = url.substr(separator + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  return !authority.empty() && authority.find_first_of(" \t\r\n") == std::string_view::npos;
}

// Reads one section's keys, checking names and types; remembers the first problem only, so a
// section reads straight through and the caller asks for error() once.
class SectionReader {
 public:
  SectionReader(const toml::table& table, std::string_view section, const std::string& source,
                std::initializer_list<std::string_view> known)
      : m_table(table), m_section(section), m_source(source) {
    for (auto&& [key, node] : table) {
      if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
      std::string list;
      for (const auto name : known) list += (list.empty() ? "" : ", ") + std::string(name);
      fail(key.str(), "unknown key in [" + m_section + "] (known: " + list + ")", node.source());
    }
  }

  [[nodiscard]] bool has(std::string_view key) const { return m_table.contains(key); }

  // A string value; the value itself never goes into a message (it may be a secret).
  std::string text(std::string_view key) {
    const toml::node* node = m_table.get(key);
    if (node == nullptr) return {};
    if (const auto* value = node->as_string()) return value->get();
    fail(key, "must be a string, not " + std::string(typeName(node->type())), node->source());
    return {};
  }

  std::optional<std::int64_t> positive(std::string_view key, std::string_view unit, std::int64_t max = INT64_MAX) {
    const toml::node* node = m_table.get(key);
    if (node == nullptr) return std::nullopt;
    const auto* value = node->as_integer();
    if (value == nullptr) {
      fail(key, "must be an integer (" + std::string(unit) + "), not " + std::string(typeName(node->type())),
           node->source());
      return std::nullopt;
    }
    if (value->get() <= 0) {
      fail(key, "must be a positive number of " + std::string(unit) + ", not " + std::to_string(value->get()),
           node->source());
      return std::nullopt;
    }
    if (value->get() > max) {
      fail(key, "must be at most " + std::to_string(max) + ", not " + std::to_string(value->get()), node->source());
      return std::nullopt;
    }
    return value->get();
  }

  void fail(std::string_view key, const std::string& problem) { fail(key, problem, m_table.source()); }
  void fail(std::string_view key, const std::string& problem, const toml::source_region& region) {
    if (m_error) return;
    m_error = Error{ErrorKind::BadInput, m_section + "." + std::string(key),
                    problem + " (" + position(m_source, region) + ")"};
  }
  [[nodiscard]] const std::optional<Error>& error() const { return m_error; }
  [[nodiscard]] const toml::source_region& sourceOf(std::string_view key) const {
    const toml::node* node = m_table.get(key);
    return node != nullptr ? node->source() : m_table.source();
  }

 private:
  const toml::table& m_table;
  std::string m_section;
  const std::string& m_source;
  std::optional<Error> m_error;
};

Result<std::optional<HttpGatewayConfig>> readHttp(const toml::table& table, std::string_view section,
                                                  const std::string& source) {
  SectionReader reader(table, section, source, {"url", "token", "timeout_ms", "ca_file"});
  HttpGatewayConfig config;
  config.url = reader.text("url");
  config.token = reader.text("token");
  config.timeoutMs = reader.positive("timeout_ms", "milliseconds").value_or(config.timeoutMs);
  config.caFile = reader.text("ca_file");
  if (reader.has("url") && !reader.error() && !hasSchemeAndHost(config.url, {"http", "https"})) {
    reader.fail("url", "must be an http:// or https:// URL with a host", reader.sourceOf("url"));
  }
  if (reader.error()) return tl::unexpected(*reader.error());
  if (config.url.empty()) return std::optional<HttpGatewayConfig>{};
  return std::optional<HttpGatewayConfig>{std::move(config)};
}

Result<std::optional<EmailGatewayConfig>> readEmail(const toml::table& table, const std::string& source) {
  SectionReader reader(table, "email", source,
                       {"smtp_url", "from", "username", "password", "timeout_ms", "ca_file"});
  EmailGatewayConfig config;
  config.smtpUrl = reader.text("smtp_url");
  config.from = reader.text("from");
  config.username = reader.text("username");
  config.password = reader.text("password");
  config.timeoutMs = reader.positive("timeout_ms", "milliseconds").value_or(config.timeoutMs);
  config.caFile = reader.text("ca_file");
  if (!reader.error()) {
    if (reader.has("smtp_url") && !hasSchemeAndHost(config.smtpUrl, {"smtp", "smtps"})) {
      reader.fail("smtp_url", "must be an smtp:// or smtps:// URL with a host", reader.sourceOf("smtp_url"));
    } else if (reader.has("from") && !isMailAddress(config.from)) {
      reader.fail("from", "must be a bare e-mail address like verksted@example.no", reader.sourceOf("from"));
    } else if (!config.smtpUrl.empty() && config.from.empty()) {
      reader.fail("from", "is required when email.smtp_url is set (the sender of every message)");
    } else if (!config.password.empty() && config.username.empty()) {
      reader.fail("password", "is set but email.username is not", reader.sourceOf("password"));
    }
  }
  if (reader.error()) return tl::unexpected(*reader.error());
  if (config.smtpUrl.empty()) return std::optional<EmailGatewayConfig>{};
  return std::optional<EmailGatewayConfig>{std::move(config)};
}

Result<RelayPolicy> readOutbox(const toml::table& table, const std::string& source) {
  SectionReader reader(table, "outbox", source, {"backoff_initial_ms", "backoff_max_ms", "max_attempts"});
  RelayPolicy policy;
  policy.backoffInitialMs = reader.positive("backoff_initial_ms", "milliseconds").value_or(policy.backoffInitialMs);
  policy.backoffMaxMs = reader.positive("backoff_max_ms", "milliseconds").value_or(policy.backoffMaxMs);
  policy.maxAttempts = static_cast<int>(reader.positive("max_attempts", "attempts", INT_MAX).value_or(policy.maxAttempts));
  if (!reader.error() && policy.backoffMaxMs < policy.backoffInitialMs) {
    reader.fail("backoff_max_ms",
                "must not be less than outbox.backoff_initial_ms (" + std::to_string(policy.backoffInitialMs) + ")",
                reader.sourceOf(reader.has("backoff_max_ms") ? "backoff_max_ms" : "backoff_initial_ms"));
  }
  if (reader.error()) return tl::unexpected(*reader.error());
  return policy;
}

Result<CodeAttemptPolicy> readCustomerLookup(const toml::table& table, const std::string& source) {
  SectionReader reader(table, "customer_lookup", source, {"max_wrong_codes", "lock_minutes"});
  CodeAttemptPolicy policy;
  policy.maxWrongCodes =
      static_cast<int>(reader.positive("max_wrong_codes", "wrong codes", 1000).value_or(policy.maxWrongCodes));
  constexpr std::int64_t kMinuteMs = 60'000;
  // A week at most: a longer lock is a case no customer can look up, which staff should decide.
  const std::int64_t minutes = reader.positive("lock_minutes", "minutes", 7 * 24 * 60).value_or(policy.lockMs / kMinuteMs);
  policy.lockMs = minutes * kMinuteMs;
  if (reader.error()) return tl::unexpected(*reader.error());
  return policy;
}

struct StaffSection {
  PinLockPolicy policy;
  int idleSignOutMinutes = 5;
};

Result<StaffSection> readStaff(const toml::table& table, const std::string& source) {
  SectionReader reader(table, "staff", source, {"max_wrong_pins", "lock_minutes", "idle_sign_out_minutes"});
  StaffSection section;
  PinLockPolicy& policy = section.policy;
  policy.maxWrongPins =
      static_cast<int>(reader.positive("max_wrong_pins", "wrong PINs", 100).value_or(policy.maxWrongPins));
  constexpr std::int64_t kMinuteMs = 60'000;
  // A week at most, as for customer lookups: longer is an account only an admin can open again.
  const std::int64_t minutes =
      reader.positive("lock_minutes", "minutes", 7 * 24 * 60).value_or(policy.lockMs / kMinuteMs);
  policy.lockMs = minutes * kMinuteMs;
  // Half a day at most: a station left signed in longer is one anybody passing may use.
  section.idleSignOutMinutes = static_cast<int>(
      reader.positive("idle_sign_out_minutes", "minutes", 12 * 60).value_or(section.idleSignOutMinutes));
  if (reader.error()) return tl::unexpected(*reader.error());
  return section;
}

Result<std::optional<int>> readPrivacy(const toml::table& table, const std::string& source) {
  SectionReader reader(table, "privacy", source, {"retain_closed_days"});
  // A hundred years at most: longer is no retention period, and a typo is better caught here.
  const auto days = reader.positive("retain_closed_days", "days", kMaxRetainClosedDays);
  if (reader.error()) return tl::unexpected(*reader.error());
  if (!days) return std::optional<int>{};
  return std::optional<int>{static_cast<int>(*days)};
}

struct PasscodesSection {
  std::string keyFile;
  int showSeconds = 30;
};

Result<PasscodesSection> readPasscodes(const toml::table& table, const std::string& source) {
  SectionReader reader(table, "passcodes", source, {"key_file", "show_seconds"});
  PasscodesSection section;
  section.keyFile = reader.text("key_file");
  if (reader.has("key_file") && !reader.error() && section.keyFile.find_first_not_of(" \t") == std::string::npos) {
    reader.fail("key_file", "must name a file (or leave the key out for the default)", reader.sourceOf("key_file"));
  }
  // Ten minutes at most: a passcode left on a screen longer is one anybody passing may read.
  section.showSeconds =
      static_cast<int>(reader.positive("show_seconds", "seconds", 10 * 60).value_or(section.showSeconds));
  if (reader.error()) return tl::unexpected(*reader.error());
  return section;
}

// Checks the top level (only known sections, each a table) and reads each section.
Result<GatewayConfig> readDocument(const toml::table& document, const std::string& source) {
  for (auto&& [key, node] : document) {
    const bool known = std::find(std::begin(kSections), std::end(kSections), key.str()) != std::end(kSections);
    if (!known) {
      const std::string what = node.is_table() ? "unknown section [" + std::string(key.str()) + "]"
                                               : "unknown key outside any section";
      return badInput(std::string(key.str()), what + "; known sections: " + std::string(kKnownSections) + " (" +
                                                  position(source, node.source()) + ")");
    }
    if (!node.is_table()) {
      return badInput(std::string(key.str()), "must be a section [" + std::string(key.str()) + "], not " +
                                                  std::string(typeName(node.type())) + " (" +
                                                  position(source, node.source()) + ")");
    }
  }
  static const toml::table kEmpty;
  const auto section = [&](std::string_view name) -> const toml::table& {
    const toml::table* table = document.get_as<toml::table>(name);
    return table != nullptr ? *table : kEmpty;
  };
  GatewayConfig config;
  auto sms = readHttp(section("sms"), "sms", source);
  if (!sms) return tl::unexpected(sms.error());
  auto email = readEmail(section("email"), source);
  if (!email) return tl::unexpected(email.error());
  auto parts = readHttp(section("parts"), "parts", source);
  if (!parts) return tl::unexpected(parts.error());
  auto carrier = readHttp(section("carrier"), "carrier", source);
  if (!carrier) return tl::unexpected(carrier.error());
  auto outbox = readOutbox(section("outbox"), source);
  if (!outbox) return tl::unexpected(outbox.error());
  auto customerLookup = readCustomerLookup(section("customer_lookup"), source);
  if (!customerLookup) return tl::unexpected(customerLookup.error());
  config.customerLookup = *customerLookup;
  auto staff = readStaff(section("staff"), source);
  if (!staff) return tl::unexpected(staff.error());
  config.staff = staff->policy;
  config.staffIdleSignOutMinutes = staff->idleSignOutMinutes;
  auto privacy = readPrivacy(section("privacy"), source);
  if (!privacy) return tl::unexpected(privacy.error());
  config.retainClosedDays = *privacy;
  auto passcodes = readPasscodes(section("passcodes"), source);
  if (!passcodes) return tl::unexpected(passcodes.error());
  config.passcodeKeyFile = std::move(passcodes->keyFile);
  config.passcodeShowSeconds = passcodes->showSeconds;
  config.sms = std::move(*sms);
  config.email = std::move(*email);
  config.parts = std::move(*parts);
  config.carrier = std::move(*carrier);
  config.outbox = *outbox;
  // The relay's claim lease must outlast the slowest send it can make.
  if (config.sms || config.email) {
    config.outbox.callTimeoutMs = std::max(config.sms ? config.sms->timeoutMs : 0,
                                           config.email ? config.email->timeoutMs : 0);
  }
  return config;
}

}  // namespace

Result<GatewayConfig> GatewayConfig::parse(std::string_view toml, const std::string& source) {
  try {
    const toml::table document = toml::parse(toml, std::string_view(source));
    return readDocument(document, source);
  } catch (const toml::parse_error& error) {
    return badInput("config", position(source, error.source()) + ": " + std::string(error.description()));
  }
}

Result<GatewayConfig> GatewayConfig::load(const std::filesystem::path& file) {
  std::error_code code;
  if (!std::filesystem::exists(file, code)) return badInput("config", file.string() + ": no such file");
  if (std::filesystem::is_directory(file, code)) return badInput("config", file.string() + ": is a folder, not a file");
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) return badInput("config", file.string() + ": cannot be read");
  auto config = parse(text.str(), file.string());
  // A relative key file is beside the configuration, wherever the program was started from.
  if (config && !config->passcodeKeyFile.empty() && std::filesystem::path(config->passcodeKeyFile).is_relative()) {
    config->passcodeKeyFile = (file.parent_path() / config->passcodeKeyFile).string();
  }
  return config;
}

}  // namespace kiosk
