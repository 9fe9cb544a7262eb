// The gateway configuration file: defaults, every key, and an error naming the key for each
// kind of mistake, without ever echoing a secret.
#include "gateways/gateway_config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "scanner/test_folder.hpp"

namespace kiosk {
namespace {

Error errorOf(std::string_view toml) {
  auto config = GatewayConfig::parse(toml, "gw.toml");
  EXPECT_FALSE(config.has_value()) << "accepted:\n" << toml;
  return config ? Error{} : config.error();
}

TEST(GatewayConfig, AnEmptyFileConfiguresNothingAndKeepsTheDefaults) {
  auto config = GatewayConfig::parse("", "gw.toml");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_FALSE(config->sms);
  EXPECT_FALSE(config->email);
  EXPECT_FALSE(config->parts);
  EXPECT_FALSE(config->carrier);
  EXPECT_EQ(config->outbox.backoffInitialMs, 1000);
  EXPECT_EQ(config->outbox.backoffMaxMs, 300000);
  EXPECT_EQ(config->outbox.maxAttempts, 20);
  EXPECT_EQ(config->outbox.callTimeoutMs, 10000);
  EXPECT_EQ(config->customerLookup.maxWrongCodes, 10);
  EXPECT_EQ(config->customerLookup.lockMs, 15 * 60 * 1000);
  EXPECT_EQ(config->staff.maxWrongPins, 5);
  EXPECT_EQ(config->staff.lockMs, 15 * 60 * 1000);
}

TEST(GatewayConfig, ReadsTheStaffPinLock) {
  auto config = GatewayConfig::parse("[staff]\nmax_wrong_pins = 3\nlock_minutes = 30\n", "gw.toml");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->staff.maxWrongPins, 3);
  EXPECT_EQ(config->staff.lockMs, 30 * 60 * 1000);
  EXPECT_EQ(errorOf("[staff]\nlock_minutes = 0\n").field, "staff.lock_minutes");
  EXPECT_EQ(errorOf("[staff]\nmax_wrong_pins = 0\n").field, "staff.max_wrong_pins");
  EXPECT_EQ(errorOf("[staff]\nmax_wrong_pins = 101\n").field, "staff.max_wrong_pins");
  EXPECT_EQ(errorOf("[staff]\nidle = 3\n").field, "staff.idle");
}

TEST(GatewayConfig, ReadsHowLongTheKioskShowsAPasscode) {
  EXPECT_EQ(GatewayConfig::parse("", "gw.toml")->passcodeShowSeconds, 30);
  auto config = GatewayConfig::parse("[passcodes]\nshow_seconds = 12\n", "gw.toml");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->passcodeShowSeconds, 12);
  EXPECT_EQ(config->passcodeKeyFile, "") << "the key file keeps its default";
  EXPECT_EQ(errorOf("[passcodes]\nshow_seconds = 0\n").field, "passcodes.show_seconds");
  EXPECT_EQ(errorOf("[passcodes]\nshow_seconds = 601\n").field, "passcodes.show_seconds");
  EXPECT_EQ(errorOf("[passcodes]\nshow_seconds = \"30\"\n").field, "passcodes.show_seconds");
}

TEST(GatewayConfig, ReadsTheStaffIdleSignOut) {
  EXPECT_EQ(GatewayConfig::parse("", "gw.toml")->staffIdleSignOutMinutes, 5);
  auto config = GatewayConfig::parse("[staff]\nidle_sign_out_minutes = 2\n", "gw.toml");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->staffIdleSignOutMinutes, 2);
  EXPECT_EQ(errorOf("[staff]\nidle_sign_out_minutes = 0\n").field, "staff.idle_sign_out_minutes");
  EXPECT_EQ(errorOf("[staff]\nidle_sign_out_minutes = 721\n").field, "staff.idle_sign_out_minutes");
  EXPECT_EQ(errorOf("[staff]\nidle_sign_out_minutes = \"5\"\n").field, "staff.idle_sign_out_minutes");
}

TEST(GatewayConfig, ReadsTheRetentionPeriodOfClosedCases) {
  EXPECT_FALSE(GatewayConfig::parse("", "gw.toml")->retainClosedDays) << "unset: nothing is purged on its own";
  auto config = GatewayConfig::parse("[privacy]\nretain_closed_days = 1095\n", "gw.toml");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->retainClosedDays, 1095);
  EXPECT_EQ(errorOf("[privacy]\nretain_closed_days = 0\n").field, "privacy.retain_closed_days");
  EXPECT_EQ(errorOf("[privacy]\nretain_closed_days = -5\n").field, "privacy.retain_closed_days");
  EXPECT_EQ(errorOf("[privacy]\nretain_closed_days = 36501\n").field, "privacy.retain_closed_days");
  EXPECT_EQ(errorOf("[privacy]\nretain_closed_days = \"3 years\"\n").field, "privacy.retain_closed_days");
  EXPECT_EQ(errorOf("[privacy]\nretain_days = 30\n").field, "privacy.retain_days");
}

TEST(GatewayConfig, ReadsTheCustomerLookupLock) {
  auto config = GatewayConfig::parse("[customer_lookup]\nmax_wrong_codes = 5\nlock_minutes = 60\n", "gw.toml");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->customerLookup.maxWrongCodes, 5);
  EXPECT_EQ(config->customerLookup.lockMs, 60 * 60 * 1000);
  const Error zero = errorOf("[customer_lookup]\nlock_minutes = 0\n");
  EXPECT_EQ(zero.field, "customer_lookup.lock_minutes");
  const Error unknown = errorOf("[customer_lookup]\nmax_wrong = 3\n");
  EXPECT_EQ(unknown.field, "customer_lookup.max_wrong");
  const Error tooMany = errorOf("[customer_lookup]\nmax_wrong_codes = 100000\n");
  EXPECT_EQ(tooMany.field, "customer_lookup.max_wrong_codes");
}

TEST(GatewayConfig, ReadsEveryKey) {
  auto config = GatewayConfig::parse(R"(
[sms]
url = "https://sms.example.no/send"
token = "s3cret"
timeout_ms = 5000
ca_file = "/etc/ssl/sms-ca.pem"

[email]
smtp_url = "smtps://smtp.example.no:465"
from = "verksted@example.no"
username = "verksted"
password = "pw"
timeout_ms = 20000

[parts]
url = "http://127.0.0.1:8081/parts"
token = "p"

[carrier]
url = "HTTPS://carrier.example.no"
timeout_ms = 3000

[outbox]
backoff_initial_ms = 250
backoff_max_ms = 60000
max_attempts = 7
)",
                                     "gw.toml");
  ASSERT_TRUE(config) << config.error().field << ": " << config.error().message;
  ASSERT_TRUE(config->sms);
  EXPECT_EQ(config->sms->url, "https://sms.example.no/send");
  EXPECT_EQ(config->sms->token, "s3cret");
  EXPECT_EQ(config->sms->timeoutMs, 5000);
  EXPECT_EQ(config->sms->caFile, "/etc/ssl/sms-ca.pem");
  ASSERT_TRUE(config->email);
  EXPECT_EQ(config->email->smtpUrl, "smtps://smtp.example.no:465");
  EXPECT_EQ(config->email->from, "verksted@example.no");
  EXPECT_EQ(config->email->username, "verksted");
  EXPECT_EQ(config->email->password, "pw");
  EXPECT_EQ(config->email->timeoutMs, 20000);
  ASSERT_TRUE(config->parts);
  EXPECT_EQ(config->parts->token, "p");
  EXPECT_EQ(config->parts->timeoutMs, 10000);
  ASSERT_TRUE(config->carrier);
  EXPECT_EQ(config->carrier->timeoutMs, 3000);
  EXPECT_EQ(config->outbox.backoffInitialMs, 250);
  EXPECT_EQ(config->outbox.backoffMaxMs, 60000);
  EXPECT_EQ(config->outbox.maxAttempts, 7);
  EXPECT_EQ(config->outbox.callTimeoutMs, 20000) << "the longest customer channel's timeout";
}

TEST(GatewayConfig, ASectionWithoutItsUrlIsNotConfiguredButStillChecked) {
  auto config = GatewayConfig::parse("[sms]\ntoken = \"t\"\ntimeout_ms = 99000\n[email]\nfrom = \"a@b.no\"\n", "gw.toml");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_FALSE(config->sms);
  EXPECT_FALSE(config->email);
  EXPECT_EQ(config->outbox.callTimeoutMs, 10000) << "only configured channels count";

  const Error error = errorOf("[sms]\ntimeout_ms = -1\n");
  EXPECT_EQ(error.field, "sms.timeout_ms");
}

TEST(GatewayConfig, CallTimeoutIsTheLongestConfiguredCustomerChannel) {
  auto config = GatewayConfig::parse("[sms]\nurl = \"http://a\"\ntimeout_ms = 4000\n"
                                     "[email]\nsmtp_url = \"smtp://b\"\nfrom = \"a@b.no\"\ntimeout_ms = 3000\n"
                                     "[parts]\nurl = \"http://c\"\ntimeout_ms = 90000\n",
                                     "gw.toml");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->outbox.callTimeoutMs, 4000);
}

TEST(GatewayConfig, AnUnknownSectionOrKeyIsNamed) {
  Error error = errorOf("[smss]\nurl = \"http://a\"\n");
  EXPECT_EQ(error.kind, ErrorKind::BadInput);
  EXPECT_EQ(error.field, "smss");
  EXPECT_NE(error.message.find("unknown section [smss]"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("[sms]"), std::string::npos) << "lists the known ones: " << error.message;

  error = errorOf("[sms]\nurl = \"http://a\"\ntimeout = 5\n");
  EXPECT_EQ(error.field, "sms.timeout");
  EXPECT_NE(error.message.find("unknown key"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("timeout_ms"), std::string::npos) << "lists the known keys: " << error.message;
  EXPECT_NE(error.message.find("gw.toml:3:"), std::string::npos) << "says where: " << error.message;

  error = errorOf("url = \"http://a\"\n");
  EXPECT_EQ(error.field, "url");
  EXPECT_NE(error.message.find("outside any section"), std::string::npos) << error.message;

  error = errorOf("[outbox]\nparallel = 3\n");
  EXPECT_EQ(error.field, "outbox.parallel");

  error = errorOf("[sms.extra]\nurl = \"http://a\"\n");
  EXPECT_EQ(error.field, "sms.extra");
}

TEST(GatewayConfig, AWrongTypeIsNamedWithoutTheValue) {
  Error error = errorOf("[sms]\ntimeout_ms = \"5000\"\n");
  EXPECT_EQ(error.field, "sms.timeout_ms");
  EXPECT_NE(error.message.find("must be an integer"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("not a string"), std::string::npos) << error.message;

  error = errorOf("[sms]\ntoken = 12345678\n");
  EXPECT_EQ(error.field, "sms.token");
  EXPECT_NE(error.message.find("must be a string, not an integer"), std::string::npos) << error.message;
  EXPECT_EQ(error.message.find("12345678"), std::string::npos) << "a token is never echoed: " << error.message;

  error = errorOf("[outbox]\nmax_attempts = 2.5\n");
  EXPECT_EQ(error.field, "outbox.max_attempts");

  error = errorOf("sms = 3\n");
  EXPECT_EQ(error.field, "sms");
  EXPECT_NE(error.message.find("must be a section"), std::string::npos) << error.message;

  error = errorOf("[email]\nsmtp_url = [\"smtp://a\"]\nfrom = \"a@b.no\"\n");
  EXPECT_EQ(error.field, "email.smtp_url");
}

TEST(GatewayConfig, NumbersMustBePositive) {
  for (const auto& [toml, field] : std::vector<std::pair<std::string, std::string>>{
           {"[sms]\ntimeout_ms = 0\n", "sms.timeout_ms"},
           {"[email]\ntimeout_ms = -5\n", "email.timeout_ms"},
           {"[parts]\ntimeout_ms = 0\n", "parts.timeout_ms"},
           {"[carrier]\ntimeout_ms = -1\n", "carrier.timeout_ms"},
           {"[outbox]\nbackoff_initial_ms = 0\n", "outbox.backoff_initial_ms"},
           {"[outbox]\nbackoff_max_ms = -1\n", "outbox.backoff_max_ms"},
           {"[outbox]\nmax_attempts = 0\n", "outbox.max_attempts"},
           {"[outbox]\nmax_attempts = 9999999999\n", "outbox.max_attempts"},
           {"[outbox]\nbackoff_initial_ms = 5000\nbackoff_max_ms = 1000\n", "outbox.backoff_max_ms"},
       }) {
    const Error error = errorOf(toml);
    EXPECT_EQ(error.field, field) << toml << " -> " << error.message;
  }
  const Error error = errorOf("[sms]\ntimeout_ms = 0\n");
  EXPECT_NE(error.message.find("positive"), std::string::npos) << error.message;
}

TEST(GatewayConfig, UrlsMustHaveTheirScheme) {
  Error error = errorOf("[sms]\nurl = \"ftp://user:hunter2@a/sms\"\n");
  EXPECT_EQ(error.field, "sms.url");
  EXPECT_NE(error.message.find("http:// or https://"), std::string::npos) << error.message;
  EXPECT_EQ(error.message.find("hunter2"), std::string::npos) << "a URL's password is never echoed: " << error.message;

  EXPECT_EQ(errorOf("[parts]\nurl = \"127.0.0.1:8080\"\n").field, "parts.url");
  EXPECT_EQ(errorOf("[carrier]\nurl = \"https://\"\n").field, "carrier.url");
  EXPECT_EQ(errorOf("[sms]\nurl = \"\"\n").field, "sms.url") << "an empty url is a mistake, not 'unset'";

  error = errorOf("[email]\nsmtp_url = \"https://mail.example.no\"\nfrom = \"a@b.no\"\n");
  EXPECT_EQ(error.field, "email.smtp_url");
  EXPECT_NE(error.message.find("smtp:// or smtps://"), std::string::npos) << error.message;

  auto config = GatewayConfig::parse("[email]\nsmtp_url = \"SMTP://mail.example.no:587\"\nfrom = \"a@b.no\"\n", "gw");
  EXPECT_TRUE(config) << "schemes are case-insensitive";
}

TEST(GatewayConfig, EmailNeedsASenderAndAUserForAPassword) {
  Error error = errorOf("[email]\nsmtp_url = \"smtp://mail.example.no\"\n");
  EXPECT_EQ(error.field, "email.from");
  EXPECT_NE(error.message.find("required"), std::string::npos) << error.message;

  error = errorOf("[email]\nsmtp_url = \"smtp://m\"\nfrom = \"Verksted <v@example.no>\"\n");
  EXPECT_EQ(error.field, "email.from");
  EXPECT_EQ(errorOf("[email]\nfrom = \"nobody\"\n").field, "email.from");

  error = errorOf("[email]\nsmtp_url = \"smtp://m\"\nfrom = \"v@example.no\"\npassword = \"Pa55word!\"\n");
  EXPECT_EQ(error.field, "email.password");
  EXPECT_EQ(error.message.find("Pa55word!"), std::string::npos) << error.message;
}

TEST(GatewayConfig, ASyntaxErrorGivesFileLineAndColumn) {
  const Error error = errorOf("[sms]\nurl = \"http://a\"\ntimeout_ms = = 3\n");
  EXPECT_EQ(error.kind, ErrorKind::BadInput);
  EXPECT_EQ(error.field, "config");
  EXPECT_EQ(error.message.rfind("gw.toml:3:", 0), 0u) << error.message;
}

TEST(GatewayConfig, LoadNamesAMissingFileAndReadsAPresentOne) {
  TestFolder folder;
  const auto missing = folder.path() / "nope.toml";
  auto config = GatewayConfig::load(missing);
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().field, "config");
  EXPECT_NE(config.error().message.find(missing.string()), std::string::npos) << config.error().message;
  EXPECT_NE(config.error().message.find("no such file"), std::string::npos) << config.error().message;

  config = GatewayConfig::load(folder.path());
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().message.find("folder"), std::string::npos) << config.error().message;

  const auto file = folder.path() / "gw.toml";
  std::ofstream(file) << "[sms]\nurl = \"http://127.0.0.1:1/sms\"\ntimeout_ms = x\n";
  config = GatewayConfig::load(file);
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().message.rfind(file.string() + ":3:", 0), 0u) << config.error().message;

  std::ofstream(file) << "[sms]\nurl = \"http://127.0.0.1:1/sms\"\n";
  config = GatewayConfig::load(file);
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->sms->url, "http://127.0.0.1:1/sms");
}

TEST(GatewayConfig, TheReadmesExampleIsValid) {
  const auto readme = std::filesystem::path(KIOSK_ASSETS_DIR) / ".." / "gateways" / "README.md";
  std::ifstream in(readme);
  ASSERT_TRUE(in) << readme;
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto start = text.find("```toml\n");
  ASSERT_NE(start, std::string::npos) << "the README shows an example configuration";
  const auto end = text.find("```", start + 8);
  auto config = GatewayConfig::parse(text.substr(start + 8, end - start - 8), "README.md");
  ASSERT_TRUE(config) << config.error().field << ": " << config.error().message;
  EXPECT_TRUE(config->sms);
  EXPECT_TRUE(config->email);
}

}  // namespace
}  // namespace kiosk
