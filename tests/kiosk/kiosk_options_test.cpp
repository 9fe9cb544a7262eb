// The kiosk's command line: defaults shared with kioskctl, and bad options named.
#include <gtest/gtest.h>

#include <cstdlib>

#include "kiosk/app/kiosk_options.hpp"

namespace kiosk::test {
namespace {

Result<std::optional<KioskOptions>> parse(std::vector<const char*> args) {
  args.insert(args.begin(), "kiosk");
  return parseKioskOptions(static_cast<int>(args.size()), args.data());
}

TEST(KioskOptions, TheDatabaseIsKioskctlsByDefaultAndDocumentsLieBesideIt) {
  ::setenv("KIOSK_DB", "/tmp/somewhere/cases.db", 1);
  const auto options = parse({});
  ::unsetenv("KIOSK_DB");
  ASSERT_TRUE(options && *options);
  EXPECT_EQ((*options)->database, "/tmp/somewhere/cases.db");
  EXPECT_EQ((*options)->documents, "/tmp/somewhere/documents");
  EXPECT_EQ((*options)->language, "nb");
  EXPECT_FALSE((*options)->screenshotDir.has_value());
}

TEST(KioskOptions, GivenOptionsWin) {
  const auto options =
      parse({"--db", "/data/c.db", "--lang", "en", "--size", "1920x1080", "--customer-display", "--screenshot", "/tmp/s"});
  ASSERT_TRUE(options && *options);
  EXPECT_EQ((*options)->database, "/data/c.db");
  EXPECT_EQ((*options)->language, "en");
  EXPECT_EQ((*options)->width, 1920);
  EXPECT_EQ((*options)->height, 1080);
  EXPECT_TRUE((*options)->customerDisplay);
  EXPECT_EQ((*options)->screenshotDir, std::filesystem::path("/tmp/s"));
}

TEST(KioskOptions, TheGatewayConfigurationComesFromConfigOrKioskConfigElseNone) {
  ::unsetenv("KIOSK_CONFIG");
  const auto none = parse({});
  ASSERT_TRUE(none && *none);
  EXPECT_FALSE((*none)->gatewayConfig) << "no gateway set: messages wait in the outbox";
  ::setenv("KIOSK_CONFIG", "/etc/kiosk/gateways.toml", 1);
  const auto fromEnv = parse({});
  const auto given = parse({"--config", "/tmp/other.toml"});
  ::unsetenv("KIOSK_CONFIG");
  ASSERT_TRUE(fromEnv && *fromEnv && given && *given);
  EXPECT_EQ((*fromEnv)->gatewayConfig, std::filesystem::path("/etc/kiosk/gateways.toml"));
  EXPECT_EQ((*given)->gatewayConfig, std::filesystem::path("/tmp/other.toml"));
}

TEST(KioskOptions, DbUrlChoosesPostgresAndKioskDbUrlDoesWhenNoDatabaseIsGiven) {
  ::unsetenv("KIOSK_DB_URL");
  ::setenv("XDG_DATA_HOME", "/tmp/xdg", 1);
  const auto none = parse({});
  const auto given = parse({"--db-url", "postgresql://kiosk@db.example:5432/cases"});
  ::setenv("KIOSK_DB_URL", "postgresql://kiosk@shared:5432/cases", 1);
  const auto fromEnv = parse({});
  const auto fileWins = parse({"--db", "/data/c.db"});
  ::unsetenv("KIOSK_DB_URL");
  ::unsetenv("XDG_DATA_HOME");
  ASSERT_TRUE(none && *none && given && *given && fromEnv && *fromEnv && fileWins && *fileWins);
  EXPECT_EQ((*none)->databaseUrl, "") << "SQLite stays the default";
  EXPECT_EQ((*given)->databaseUrl, "postgresql://kiosk@db.example:5432/cases");
  EXPECT_EQ((*given)->documents, "/tmp/xdg/repair-kiosk/documents") << "no file to lie beside";
  EXPECT_EQ((*fromEnv)->databaseUrl, "postgresql://kiosk@shared:5432/cases");
  EXPECT_EQ((*fileWins)->databaseUrl, "") << "--db given now beats a URL in the environment";
  EXPECT_EQ((*fileWins)->database, "/data/c.db");
}

TEST(KioskOptions, DbAndDbUrlTogetherAreRefused) {
  const auto options = parse({"--db", "/data/c.db", "--db-url", "postgresql://kiosk@db/cases"});
  ASSERT_FALSE(options);
  EXPECT_EQ(options.error().kind, ErrorKind::BadInput);
  EXPECT_EQ(options.error().field, "db-url");
}

TEST(KioskOptions, ABadSizeIsRefusedNamingTheOption) {
  for (const char* size : {"10x10", "1280", "1280*720", "99999x720"}) {
    const auto options = parse({"--size", size});
    ASSERT_FALSE(options) << size;
    EXPECT_EQ(options.error().field, "size");
    EXPECT_EQ(options.error().kind, ErrorKind::BadInput);
  }
}

TEST(KioskOptions, AnUnknownOptionIsRefusedNamingIt) {
  const auto options = parse({"--bogus"});
  ASSERT_FALSE(options);
  EXPECT_NE(options.error().message.find("--bogus"), std::string::npos) << options.error().message;
}

}  // namespace
}  // namespace kiosk::test
