// Device passcodes through kioskctl: sealed at intake, so the raw database files (main file and
// WAL) never hold one; clear ones an older program left are sealed at the next open (and gone
// from the raw files too); the key file is made 0600 where KIOSK_PASSCODE_KEY or [passcodes]
// key_file says, and a damaged one stops the command naming it. `case passcode` gives it to a
// technician with the right PIN only, logs every attempt, and has nothing after close.
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <tuple>

#include "cli_harness.hpp"
#include "workflow/case_number.hpp"
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

#else
TEST_F(PasscodeCommandTest, TheServersFilesAndItsWalNeverHoldThePasscode) {
  auto args = appleMac("C02XK0JHJG5H", "2026-11-24T09:00");
  const auto flag = std::find(args.begin(), args.end(), "--passcode");
  ASSERT_NE(flag, args.end());
  // Its own passcode: the server's WAL is shared by every test of this process.
  constexpr const char* kOwnPasscode = "walrus-5127";
  *(flag + 1) = kOwnPasscode;
  const std::string number = newCase(args);
  const std::string raw = postgresDatabaseBytes(dbUrl, /*withWal=*/true);
  ASSERT_NE(raw.find("C02XK0JHJG5H"), std::string::npos) << "the case is in these bytes";
  ASSERT_NE(raw.find("sealed:v1:"), std::string::npos) << "and its sealed passcode";
  EXPECT_EQ(raw.find(kOwnPasscode), std::string::npos) << "the clear passcode never reaches the server";
  EXPECT_EQ(show(number)["has_passcode"], true);
}
#endif

#ifndef KIOSK_CLI_TESTS_ON_POSTGRES
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
        // Every change appends an event (the audit chain); this one stands for the old intake's.
        c.events.push_back({c.events.back().at, "older program", "note", "passcode kept as typed"});
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


// kioskctl case passcode: a technician with their own PIN reads it; every attempt is on the
// timeline; wrong PINs count toward the lock; other roles, unknown cases and closed cases do not
// give it.
class PasscodeReadCommandTest : public PasscodeCommandTest {
 protected:
  void SetUp() override {
    PasscodeCommandTest::SetUp();
    for (const auto& [name, role, pin] : {std::tuple{"Tove", "technician", "24681012"},
                                          std::tuple{"Carl", "counter", "13579111"},
                                          std::tuple{"Ada", "admin", "97531000"}}) {
      ASSERT_EQ(run({"staff", "add", "--name", name, "--role", role, "--pin", pin}).code, 0);
    }
    m_number = intake();
  }
  CliRun readAs(const std::string& name, const std::string& pin, const std::string& number = "") {
    return run({"case", "passcode", number.empty() ? m_number : number, "--staff", name, "--pin", pin});
  }
  std::vector<nlohmann::json> reads(const std::string& number = "") {
    std::vector<nlohmann::json> found;
    const nlohmann::json shown = show(number.empty() ? m_number : number);
    for (const auto& e : shown["events"]) {
      if (e["kind"] == "passcode-read") found.push_back(e);
    }
    return found;
  }
  static void expectNoSecrets(const CliRun& r) {
    for (const std::string& secret : {std::string(kPasscode), std::string("24681012"), std::string("13579111")}) {
      EXPECT_EQ(r.err.find(secret), std::string::npos) << r.err;
    }
  }
  std::string m_number;
};

TEST_F(PasscodeReadCommandTest, ATechnicianWithTheRightPinReadsItAndTheReadIsLogged) {
  const CliRun r = readAs("tove", "24681012");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(kPasscode) + "\n") << "the passcode and nothing else";
  const auto logged = reads();
  ASSERT_EQ(logged.size(), 1U);
  EXPECT_EQ(logged[0]["staff"], "Tove");
  EXPECT_EQ(logged[0]["detail"], "read by Tove");
  const nlohmann::json shown = show(m_number);
  EXPECT_EQ(shown.dump().find(kPasscode), std::string::npos) << "case show never holds it";
  EXPECT_EQ(run({"case", "show", m_number}).out.find(kPasscode), std::string::npos);
}

TEST_F(PasscodeReadCommandTest, EveryReadIsInTheAuditLogWithoutThePasscode) {
  ASSERT_EQ(readAs("Tove", "11111111").code, 1);
  ASSERT_EQ(readAs("Tove", "24681012").code, 0);
  ASSERT_EQ(readAs("Carl", "13579111").code, 1);
  const CliRun log = run({"audit", "log", "--kind", "passcode-read", "--json"});
  ASSERT_EQ(log.code, 0) << log.err;
  const nlohmann::json entries = log.json();
  ASSERT_EQ(entries.size(), 3U) << entries.dump(2);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Tove", "wrong-pin"}, {"Tove", "read"}, {"Carl", "not-technician"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(entries[i]["kind"], "passcode-read");
    EXPECT_EQ(entries[i]["subject"], m_number);
    EXPECT_EQ(entries[i]["staff"], expected[i].first);
    EXPECT_EQ(entries[i]["detail"], expected[i].second);
  }
  const CliRun all = run({"audit", "log"});
  EXPECT_EQ(all.out.find(kPasscode), std::string::npos) << all.out;
  EXPECT_EQ(all.out.find("24681012"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("sign-in"), std::string::npos) << "each read's PIN check is a sign-in entry too";
  EXPECT_EQ(run({"audit", "verify"}).code, 0);
}

TEST_F(PasscodeReadCommandTest, APinFromStandardInputReadsItToo) {
  const CliRun r = runWithInput({"case", "passcode", m_number, "--staff", "Tove", "--pin", "-"}, "24681012\n");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(kPasscode) + "\n");
  const CliRun wrong = runWithInput({"case", "passcode", m_number, "--staff", "Tove", "--pin", "-"}, "11111111\n");
  EXPECT_EQ(wrong.code, 1);
  EXPECT_EQ(reads().size(), 2U);
  const CliRun nothing = runWithInput({"case", "passcode", m_number, "--staff", "Tove", "--pin", "-"}, "");
  EXPECT_EQ(nothing.code, 2) << "standard input ended: bad input, nothing counted";
  EXPECT_NE(nothing.err.find("--pin"), std::string::npos) << nothing.err;
  EXPECT_EQ(reads().size(), 2U);
}

TEST_F(PasscodeReadCommandTest, AWrongPinIsRefusedLoggedAndCountedTowardTheLock) {
  for (int i = 1; i <= 4; ++i) {
    const CliRun r = readAs("Tove", "11111111");
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.out, "") << "nothing on standard output";
    EXPECT_NE(r.err.find("wrong PIN"), std::string::npos) << r.err;
    expectNoSecrets(r);
  }
  EXPECT_EQ(run({"staff", "list", "--json"}).json()[2]["wrong_pins"], 4) << "counted as sign-ins are";
  const CliRun fifth = readAs("Tove", "11111111");
  EXPECT_NE(fifth.err.find("locked"), std::string::npos) << fifth.err;
  const CliRun right = readAs("Tove", "24681012");
  EXPECT_EQ(right.code, 1) << "locked, even for the right PIN";
  EXPECT_EQ(right.out, "");
  const auto logged = reads();
  ASSERT_EQ(logged.size(), 6U);
  EXPECT_EQ(logged[0]["detail"], "refused: wrong PIN");
  EXPECT_EQ(logged[5]["detail"], "refused: the account is locked after wrong PINs");
  for (const auto& e : logged) EXPECT_EQ(e["staff"], "Tove");
}

TEST_F(PasscodeReadCommandTest, OnlyATechnicianReadsIt) {
  for (const auto& [name, pin] : {std::pair{"Carl", "13579111"}, std::pair{"Ada", "97531000"}}) {
    const CliRun r = readAs(name, pin);
    EXPECT_EQ(r.code, 1) << name;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("only a technician"), std::string::npos) << r.err;
    expectNoSecrets(r);
  }
  const CliRun nobody = readAs("Nobody", "24681012");
  EXPECT_EQ(nobody.code, 1);
  EXPECT_EQ(nobody.out, "");
  const auto logged = reads();
  ASSERT_EQ(logged.size(), 3U);
  EXPECT_EQ(logged[0]["detail"], "refused: counter accounts may not read passcodes");
  EXPECT_EQ(logged[2]["detail"], "refused: no staff account by that name");
}

TEST_F(PasscodeReadCommandTest, BadInputAndUnknownCasesAreExit2AndCountNothing) {
  const CliRun noStaff = run({"case", "passcode", m_number, "--pin", "24681012"});
  EXPECT_EQ(noStaff.code, 2);
  EXPECT_NE(noStaff.err.find("--staff"), std::string::npos) << noStaff.err;
  const CliRun badPin = readAs("Tove", "12ab");
  EXPECT_EQ(badPin.code, 2);
  EXPECT_NE(badPin.err.find("--pin"), std::string::npos) << badPin.err;
  EXPECT_EQ(badPin.err.find("12ab"), std::string::npos) << "a PIN is never echoed";
  const CliRun unknown = readAs("Tove", "11111111", formatCaseNumber(987654));
  EXPECT_EQ(unknown.code, 2);
  EXPECT_EQ(unknown.out, "");
  const CliRun mistyped = readAs("Tove", "24681012", "M6EM-XNNX");
  EXPECT_EQ(mistyped.code, 2);
  EXPECT_EQ(run({"staff", "list", "--json"}).json()[2]["wrong_pins"], 0);
  EXPECT_TRUE(reads().empty());
}

TEST_F(PasscodeReadCommandTest, ThePasscodeIsGoneAfterClose) {
  for (const char* step : {"diagnose", "decide", "inform", "order-parts", "receive-parts", "repaired", "ship",
                           "close"}) {
    std::vector<std::string> args = {"case", step, m_number, "--at", "2026-11-24T10:00"};
    if (std::string(step) == "diagnose") args.insert(args.end(), {"--finding", "Logic board"});
    if (std::string(step) == "inform") args.insert(args.end(), {"--via", "sms"});
    if (std::string(step) == "order-parts") args.insert(args.end(), {"--part", "661-12345"});
    if (std::string(step) == "ship") args.insert(args.end(), {"--carrier", "bring", "--tracking", "CD1"});
    const CliRun r = run(args);
    ASSERT_EQ(r.code, 0) << step << ": " << r.err;
  }
  EXPECT_EQ(show(m_number)["has_passcode"], false);
  const CliRun r = readAs("Tove", "24681012");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("holds no passcode"), std::string::npos) << r.err;
  ASSERT_EQ(reads().size(), 1U);
#ifndef KIOSK_CLI_TESTS_ON_POSTGRES
  const std::string raw = rawDatabase(db);
  EXPECT_EQ(raw.find(kPasscode), std::string::npos);
#endif
}

}  // namespace
}  // namespace kiosk::test
