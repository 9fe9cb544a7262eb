// Device passcodes through kioskctl: sealed at intake, so the raw database files (main file and
// WAL) never hold one; clear ones an older program left are sealed at the next open (and gone
// from the raw files too); the key file is made 0600 where KIOSK_PASSCODE_KEY or [passcodes]
// key_file says, and a damaged one stops the command naming it.
#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "cli_harness.hpp"
#ifndef KIOSK_CLI_TESTS_ON_POSTGRES
#include "store/sqlite_case_store.hpp"
#endif

namespace kiosk::test {
namespace {

constexpr const char* kPasscode = "zebra-8642";  // appleMac()'s

class PasscodeCommandTest : public CliTest {
 protected:
  std::string intake(const std::string& serial = "C02XK0JHJG5H") {
    return newCase(appleMac(serial, "2026-11-24T09:00"));
  }
  [[nodiscard]] std::filesystem::path keyFile() const { return folder() / "passcode.key"; }
};

std::string fileBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(PasscodeCommandTest, IntakeMakesTheKeyFileOnceWithMode0600) {
  ASSERT_FALSE(std::filesystem::exists(keyFile()));
  const std::string number = intake();
  struct stat st {};
  ASSERT_EQ(::stat(keyFile().c_str(), &st), 0) << "made where KIOSK_PASSCODE_KEY says";
  EXPECT_EQ(st.st_mode & 0777, 0600U);
  EXPECT_EQ(st.st_size, 32);
  const std::string key = fileBytes(keyFile());
  intake("C02XK0JHJG5J");
  EXPECT_EQ(fileBytes(keyFile()), key) << "kept, not made again";
  EXPECT_EQ(show(number)["has_passcode"], true);
}

TEST_F(PasscodeCommandTest, AKeyFileOthersMayReadStopsTheIntakeNamingIt) {
  intake();
  ::chmod(keyFile().c_str(), 0644);
  const CliRun r = run([&] {
    auto args = appleMac("C02XK0JHJG5J", "2026-11-24T09:00");
    args.insert(args.begin(), {"case", "new"});
    return args;
  }());
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find(keyFile().string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("chmod 600"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(kPasscode), std::string::npos);
  EXPECT_EQ(run({"case", "list", "--json"}).json().size(), 1U) << "nothing registered";
}

TEST_F(PasscodeCommandTest, TheKeyFileOfTheConfigurationWins) {
  const std::filesystem::path config = folder() / "kiosk.toml";
  std::ofstream(config) << "[passcodes]\nkey_file = \"keys/station.key\"\n";
  auto args = appleMac("C02XK0JHJG5H", "2026-11-24T09:00");
  args.insert(args.begin(), {"case", "new", "--config", config.string()});
  ASSERT_EQ(run(args).code, 0);
  EXPECT_TRUE(std::filesystem::exists(folder() / "keys" / "station.key")) << "relative to the configuration";
  EXPECT_FALSE(std::filesystem::exists(keyFile()));
}

#ifndef KIOSK_CLI_TESTS_ON_POSTGRES
// What an SQLite file and its write-ahead log hold, read as bytes.
std::string rawDatabase(const std::string& db) {
  std::string raw;
  for (const char* suffix : {"", "-wal", "-journal"}) {
    const std::filesystem::path file = db + suffix;
    if (std::filesystem::exists(file)) raw += fileBytes(file);
  }
  return raw;
}

TEST_F(PasscodeCommandTest, TheRawDatabaseFilesNeverHoldThePasscode) {
  // A second connection held open keeps the WAL from being folded in and removed when kioskctl
  // closes, so the log itself is read as well.
  auto watcher = SqliteCaseStore::open(db);
  ASSERT_TRUE(watcher) << watcher.error().message;
  const std::string number = intake();
  ASSERT_TRUE(std::filesystem::exists(db + "-wal"));
  const std::string raw = rawDatabase(db);
  ASSERT_NE(raw.find("Kari Nordmann"), std::string::npos) << "the case is in these bytes";
  ASSERT_NE(raw.find("sealed:v1:"), std::string::npos) << "and its sealed passcode";
  EXPECT_EQ(raw.find(kPasscode), std::string::npos);
  EXPECT_EQ(raw.find("8642"), std::string::npos);
}

TEST_F(PasscodeCommandTest, ClearPasscodesFromBeforeAreSealedAtTheNextOpenAndGoneFromTheFiles) {
  const std::string open = intake();
  const std::string closed = intake("C02XK0JHJG5J");
  for (const char* step : {"diagnose", "decide", "inform", "order-parts", "receive-parts", "repaired", "ship",
                           "close"}) {
    std::vector<std::string> args = {"case", step, closed, "--at", "2026-11-24T10:00"};
    if (std::string(step) == "diagnose") args.insert(args.end(), {"--finding", "Logic board"});
    if (std::string(step) == "inform") args.insert(args.end(), {"--via", "sms"});
    if (std::string(step) == "order-parts") args.insert(args.end(), {"--part", "661-12345"});
    if (std::string(step) == "ship") args.insert(args.end(), {"--carrier", "bring", "--tracking", "CD1"});
    ASSERT_EQ(run(args).code, 0) << step << ": " << run(args).err;
  }
  {
    // As an older program kept them: in clear (on the closed case too: close did not erase).
    auto old = SqliteCaseStore::open(db);
    ASSERT_TRUE(old) << old.error().message;
    for (const std::string& number : {open, closed}) {
      ASSERT_TRUE((*old)->update(number, [](RepairCase& c) -> Result<void> {
        c.intake.passcode = kPasscode;
        return {};
      }));
    }
  }
  ASSERT_NE(rawDatabase(db).find(kPasscode), std::string::npos) << "the grep finds a clear passcode";

  auto watcher = SqliteCaseStore::open(db);  // keeps the WAL in place to be read
  ASSERT_TRUE(watcher) << watcher.error().message;
  const nlohmann::json shown = show(open);  // any command opens the store
  EXPECT_EQ(shown["has_passcode"], true);
  EXPECT_EQ(shown["events"].back()["kind"], "passcode-sealed");
  const nlohmann::json gone = show(closed);
  EXPECT_EQ(gone["has_passcode"], false) << "a closed case's passcode is erased, not sealed";
  EXPECT_EQ(gone["events"].back()["kind"], "passcode-erased");
  EXPECT_EQ(rawDatabase(db).find(kPasscode), std::string::npos);
  EXPECT_EQ(show(open)["events"].size(), shown["events"].size()) << "sealed once";
}
#endif

}  // namespace
}  // namespace kiosk::test
