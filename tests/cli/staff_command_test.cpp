// kioskctl staff ...: accounts with a role and a PIN kept only as an Argon2id hash; list shows no
// PIN and no hash; five wrong PINs lock an account until an admin unlocks it (or the lock ends);
// a PIN that is not 6+ digits is bad input naming --pin; and once accounts exist, --staff on a
// step must name an enabled one. On SQLite, the raw database files hold no PIN.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "cli_harness.hpp"

namespace kiosk::test {
namespace {

constexpr const char* kKariPin = "73915846";
constexpr const char* kAnnePin = "26048317";
constexpr const char* kWrongPin = "11112222";

class StaffCommandTest : public CliTest {
 protected:
  void addKariAndAnne() {
    const CliRun kari = run({"staff", "add", "--name", "Kari", "--role", "technician", "--pin", kKariPin});
    ASSERT_EQ(kari.code, 0) << kari.err;
    const CliRun anne = run({"staff", "add", "--name", "Anne", "--role", "admin", "--pin", kAnnePin});
    ASSERT_EQ(anne.code, 0) << anne.err;
  }

  CliRun check(const std::string& name, const std::string& pin) {
    return run({"staff", "check", "--name", name, "--pin", pin, "--json"});
  }

  // No PIN given in these tests, and no Argon2id hash, in anything kioskctl printed.
  static void expectNoSecrets(const CliRun& r) {
    for (const std::string& text : {r.out, r.err}) {
      for (const char* secret : {kKariPin, kAnnePin, kWrongPin, "$argon2", "12345"}) {
        EXPECT_EQ(text.find(secret), std::string::npos) << "'" << secret << "' in:\n" << text;
      }
    }
  }
};

TEST_F(StaffCommandTest, AddListDisableEnableAndUnlock) {
  addKariAndAnne();
  const CliRun text = run({"staff", "list"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_EQ(text.out, "Anne  admin\nKari  technician\n");
  expectNoSecrets(text);

  const CliRun disabled = run({"staff", "disable", "kari"});
  ASSERT_EQ(disabled.code, 0) << disabled.err;
  EXPECT_EQ(disabled.out, "Kari  technician  disabled\n");
  const CliRun listed = run({"staff", "list", "--json"});
  ASSERT_EQ(listed.code, 0) << listed.err;
  const auto json = listed.json();
  ASSERT_EQ(json.size(), 2U);
  EXPECT_EQ(json[1]["name"], "Kari");
  EXPECT_EQ(json[1]["role"], "technician");
  EXPECT_EQ(json[1]["disabled"], true);
  EXPECT_EQ(json[1]["locked"], false);
  EXPECT_EQ(json[1]["locked_until"], "");
  EXPECT_EQ(json[0]["disabled"], false);
  for (const auto& member : json) {
    EXPECT_EQ(member.size(), 6U) << member.dump();
    for (const char* key : {"pin", "pin_hash", "hash"}) EXPECT_FALSE(member.contains(key)) << key;
  }
  expectNoSecrets(listed);

  EXPECT_EQ(run({"staff", "enable", "--name", "Kari"}).out, "Kari  technician\n");
  const CliRun unlocked = run({"staff", "unlock", "Kari"});
  EXPECT_EQ(unlocked.code, 0) << unlocked.err;
  const CliRun again = run({"staff", "disable", "Nobody"});
  EXPECT_EQ(again.code, 2);
  EXPECT_NE(again.err.find("--name"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("Nobody"), std::string::npos) << again.err;
}

TEST_F(StaffCommandTest, TheRightPinChecksOkWithTheRole) {
  addKariAndAnne();
  const CliRun ok = check("kari", kKariPin);
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_EQ(ok.json()["result"], "ok");
  EXPECT_EQ(ok.json()["name"], "Kari");
  EXPECT_EQ(ok.json()["role"], "technician");
  const CliRun text = run({"staff", "check", "--name", "Anne", "--pin", kAnnePin});
  EXPECT_EQ(text.code, 0) << text.err;
  EXPECT_EQ(text.out, "ok Anne admin\n");
  expectNoSecrets(ok);
  expectNoSecrets(text);
}

TEST_F(StaffCommandTest, FiveWrongPinsLockUntilAnAdminUnlocks) {
  addKariAndAnne();
  for (int i = 1; i < 5; ++i) {
    const CliRun wrong = check("Kari", kWrongPin);
    EXPECT_EQ(wrong.code, 1) << i;
    EXPECT_EQ(wrong.json()["result"], "wrong") << i;
    EXPECT_EQ(wrong.json()["pins_left"], 5 - i);
    expectNoSecrets(wrong);
  }
  const CliRun fifth = check("Kari", kWrongPin);
  EXPECT_EQ(fifth.code, 1);
  EXPECT_EQ(fifth.json()["result"], "locked");
  EXPECT_FALSE(fifth.json()["locked_until"].get<std::string>().empty());
  const CliRun right = check("Kari", kKariPin);
  EXPECT_EQ(right.code, 1) << "locked even for the right PIN";
  EXPECT_EQ(right.json()["result"], "locked");
  const CliRun text = run({"staff", "check", "--name", "Kari", "--pin", kKariPin});
  EXPECT_EQ(text.code, 1);
  EXPECT_NE(text.err.find("locked"), std::string::npos) << text.err;
  const auto listed = run({"staff", "list", "--json"}).json();
  EXPECT_EQ(listed[1]["locked"], true);
  EXPECT_EQ(listed[1]["wrong_pins"], 5);
  EXPECT_NE(run({"staff", "list"}).out.find("Kari  technician  locked until "), std::string::npos);

  ASSERT_EQ(run({"staff", "unlock", "Kari"}).code, 0);
  const CliRun after = check("Kari", kKariPin);
  EXPECT_EQ(after.code, 0) << after.err;
  EXPECT_EQ(after.json()["result"], "ok");
}

TEST_F(StaffCommandTest, TheLockFollowsTheStaffSectionOfConfig) {
  addKariAndAnne();
  const std::string config = (std::filesystem::path(db).parent_path() / "kiosk.toml").string();
  std::ofstream(config) << "[staff]\nmax_wrong_pins = 2\nlock_minutes = 60\n";
  const CliRun first = run({"staff", "check", "--name", "Kari", "--pin", kWrongPin, "--json", "--config", config});
  EXPECT_EQ(first.json()["result"], "wrong");
  EXPECT_EQ(first.json()["pins_left"], 1);
  const CliRun second = run({"staff", "check", "--name", "Kari", "--pin", kWrongPin, "--json", "--config", config});
  EXPECT_EQ(second.code, 1);
  EXPECT_EQ(second.json()["result"], "locked");
}

TEST_F(StaffCommandTest, DisabledAndUnknownAccountsDoNotSignIn) {
  addKariAndAnne();
  ASSERT_EQ(run({"staff", "disable", "Kari"}).code, 0);
  const CliRun disabled = check("Kari", kKariPin);
  EXPECT_EQ(disabled.code, 1);
  EXPECT_EQ(disabled.json()["result"], "disabled");
  const CliRun unknown = check("Nobody", kKariPin);
  EXPECT_EQ(unknown.code, 1);
  EXPECT_EQ(unknown.json()["result"], "unknown");
}

TEST_F(StaffCommandTest, APinThatIsNotSixOrMoreDigitsIsBadInputNamingPin) {
  for (const char* pin : {"12345", "1234567a", "abcdefgh", ""}) {
    const CliRun r = run({"staff", "add", "--name", "Kari", "--role", "counter", "--pin", pin});
    EXPECT_EQ(r.code, 2) << pin;
    EXPECT_NE(r.err.find("--pin"), std::string::npos) << r.err;
    expectNoSecrets(r);
    if (*pin != '\0') {
      EXPECT_EQ(r.err.find(pin), std::string::npos) << r.err;
    }
  }
  EXPECT_EQ(run({"staff", "list"}).out, "") << "nothing was added";
  addKariAndAnne();
  const CliRun checked = check("Kari", "12345");
  EXPECT_EQ(checked.code, 2);
  EXPECT_NE(checked.err.find("--pin"), std::string::npos) << checked.err;
  EXPECT_EQ(run({"staff", "list", "--json"}).json()[1]["wrong_pins"], 0) << "not counted";
}

TEST_F(StaffCommandTest, BadRolesAndTakenNamesAreBadInputNamingTheField) {
  const CliRun role = run({"staff", "add", "--name", "Kari", "--role", "boss", "--pin", kKariPin});
  EXPECT_EQ(role.code, 2);
  EXPECT_NE(role.err.find("--role"), std::string::npos) << role.err;
  addKariAndAnne();
  const CliRun taken = run({"staff", "add", "--name", "KARI", "--role", "counter", "--pin", kAnnePin});
  EXPECT_EQ(taken.code, 2);
  EXPECT_NE(taken.err.find("--name"), std::string::npos) << taken.err;
  EXPECT_EQ(run({"staff", "list", "--json"}).json().size(), 2U);
  const CliRun missing = run({"staff", "add", "--name", "Per", "--role", "counter"});
  EXPECT_EQ(missing.code, 2);
}

TEST_F(StaffCommandTest, OnceAccountsExistStaffMustNameAnEnabledOne) {
  // A fresh install: any --staff, as before there were accounts.
  const std::string number = newCase(appleMac("C02XK0JHJG5H", "2026-11-23T09:00"));
  const CliRun before = run({"case", "decide", number, "--staff", "Whoever", "--at", "2026-11-23T10:00"});
  ASSERT_EQ(before.code, 0) << before.err;

  addKariAndAnne();
  const CliRun unknown = run({"case", "inform", number, "--via", "sms", "--staff", "Nobody"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("--staff"), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("Nobody"), std::string::npos) << unknown.err;
  const CliRun intake = run({"case", "new", "--staff", "Nobody", "--vendor", "apple", "--family", "mac", "--serial",
                             "C02XK0JHJG5J", "--product", "MacBook Air", "--purchased", "2024-03-01", "--seller",
                             "atea", "--customer", "Ola Nordmann", "--mobile", "912 34 568", "--address",
                             "Storgata 2, 0155 Oslo", "--fault", "Fan", "--passcode", "1234"});
  EXPECT_EQ(intake.code, 2) << "nothing registered";
  EXPECT_NE(intake.err.find("--staff"), std::string::npos) << intake.err;

  const CliRun known = run({"case", "inform", number, "--via", "sms", "--staff", "kari", "--at", "2026-11-23T10:05"});
  ASSERT_EQ(known.code, 0) << known.err;
  const auto events = show(number)["events"];
  EXPECT_EQ(events.back()["staff"], "Kari") << "the name as stored";
  EXPECT_EQ(events[events.size() - 2]["staff"], "Whoever");

  ASSERT_EQ(run({"staff", "disable", "Kari"}).code, 0);
  const CliRun disabled = run({"case", "repaired", number, "--staff", "Kari"});
  EXPECT_EQ(disabled.code, 2);
  EXPECT_NE(disabled.err.find("--staff"), std::string::npos) << disabled.err;
  EXPECT_NE(disabled.err.find("disabled"), std::string::npos) << disabled.err;
  EXPECT_EQ(show(number)["events"].size(), events.size()) << "nothing written";

  // Without --staff the station's service account still works, as the README says.
  EXPECT_EQ(run({"case", "list"}).code, 0);
}

TEST_F(StaffCommandTest, OnlyAnAdminChangesAccountsWhenStaffIsGiven) {
  addKariAndAnne();
  const CliRun technician = run({"staff", "unlock", "Anne", "--staff", "Kari"});
  EXPECT_EQ(technician.code, 1);
  EXPECT_NE(technician.err.find("only an admin"), std::string::npos) << technician.err;
  const CliRun add = run({"staff", "add", "--name", "Per", "--role", "admin", "--pin", "55556666", "--staff", "Kari"});
  EXPECT_EQ(add.code, 1);
  EXPECT_EQ(run({"staff", "list", "--json"}).json().size(), 2U);
  EXPECT_EQ(run({"staff", "unlock", "Kari", "--staff", "Anne"}).code, 0);
  EXPECT_EQ(run({"staff", "disable", "Kari", "--staff", "anne"}).code, 0);
}

#ifndef KIOSK_CLI_TESTS_ON_POSTGRES
std::string fileBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The PIN appears nowhere in the database's files: the main file and its write-ahead log.
TEST_F(StaffCommandTest, TheRawDatabaseFilesHoldNoPin) {
  addKariAndAnne();
  ASSERT_EQ(check("Kari", kKariPin).code, 0);
  ASSERT_EQ(check("Kari", kWrongPin).code, 1);
  std::string raw;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const std::filesystem::path file = db + suffix;
    if (std::filesystem::exists(file)) raw += fileBytes(file);
  }
  ASSERT_NE(raw.find("$argon2id$"), std::string::npos) << "the hashes are there, so this is the right file";
  for (const char* pin : {kKariPin, kAnnePin, kWrongPin}) {
    EXPECT_EQ(raw.find(pin), std::string::npos) << pin;
  }
}
#endif

TEST_F(StaffCommandTest, PinDashReadsThePinFromStandardInputOnAddAndCheck) {
  const CliRun added = runWithInput({"staff", "add", "--name", "Kari", "--role", "technician", "--pin", "-"},
                                    std::string(kKariPin) + "\n");
  ASSERT_EQ(added.code, 0) << added.err;
  expectNoSecrets(added);
  const CliRun ok = runWithInput({"staff", "check", "--name", "Kari", "--pin", "-", "--json"},
                                 std::string(kKariPin) + "\r\n");
  ASSERT_EQ(ok.code, 0) << ok.err;
  EXPECT_EQ(ok.json()["result"], "ok");
  const CliRun wrong = runWithInput({"staff", "check", "--name", "Kari", "--pin", "-", "--json"},
                                    std::string(kWrongPin) + "\n");
  EXPECT_EQ(wrong.code, 1);
  EXPECT_EQ(wrong.json()["result"], "wrong");
  expectNoSecrets(wrong);
  // Nothing on standard input: bad input naming --pin, nothing counted.
  const CliRun empty = runWithInput({"staff", "check", "--name", "Kari", "--pin", "-"}, "");
  EXPECT_EQ(empty.code, 2);
  EXPECT_NE(empty.err.find("--pin"), std::string::npos) << empty.err;
  EXPECT_NE(empty.err.find("standard input"), std::string::npos) << empty.err;
  const CliRun listed = run({"staff", "list", "--json"});
  EXPECT_EQ(listed.json()[0]["wrong_pins"], 1) << "only the wrong PIN was counted";
  // A PIN "-" never becomes the PIN "-": an added account with nothing on standard input is refused.
  const CliRun noPin = runWithInput({"staff", "add", "--name", "Per", "--role", "counter", "--pin", "-"}, "");
  EXPECT_EQ(noPin.code, 2);
  EXPECT_EQ(run({"staff", "list", "--json"}).json().size(), 1U);
}

TEST_F(StaffCommandTest, AMemberChangesTheirOwnPin) {
  addKariAndAnne();
  const CliRun changed = run({"staff", "pin", "Kari", "--pin", kKariPin, "--new-pin", "55667788"});
  ASSERT_EQ(changed.code, 0) << changed.err;
  EXPECT_EQ(changed.out, "PIN changed for Kari\n");
  expectNoSecrets(changed);
  EXPECT_EQ(changed.out.find("55667788"), std::string::npos);
  EXPECT_EQ(check("Kari", kKariPin).json()["result"], "wrong");
  EXPECT_EQ(check("Kari", "55667788").json()["result"], "ok");
}

TEST_F(StaffCommandTest, PinChangeReadsBothPinsFromStandardInputInOrder) {
  addKariAndAnne();
  const CliRun changed = runWithInput({"staff", "pin", "--name", "kari", "--pin", "-", "--new-pin", "-", "--json"},
                                      std::string(kKariPin) + "\n55667788\n");
  ASSERT_EQ(changed.code, 0) << changed.err;
  EXPECT_EQ(changed.json()["result"], "changed");
  EXPECT_EQ(changed.json()["name"], "Kari");
  EXPECT_EQ(check("Kari", "55667788").json()["result"], "ok");
  // Only one line for two PINs: bad input naming --new-pin; the PIN stays as it was.
  const CliRun oneLine = runWithInput({"staff", "pin", "Kari", "--pin", "-", "--new-pin", "-"}, "55667788\n");
  EXPECT_EQ(oneLine.code, 2);
  EXPECT_NE(oneLine.err.find("--new-pin"), std::string::npos) << oneLine.err;
  EXPECT_EQ(check("Kari", "55667788").json()["result"], "ok");
}

TEST_F(StaffCommandTest, AWrongCurrentPinChangesNothingAndCountsTowardTheLock) {
  addKariAndAnne();
  const CliRun wrong = run({"staff", "pin", "Kari", "--pin", kWrongPin, "--new-pin", "55667788"});
  EXPECT_EQ(wrong.code, 1);
  EXPECT_NE(wrong.err.find("wrong PIN"), std::string::npos) << wrong.err;
  EXPECT_NE(wrong.err.find("not changed"), std::string::npos) << wrong.err;
  expectNoSecrets(wrong);
  EXPECT_EQ(run({"staff", "list", "--json"}).json()[1]["wrong_pins"], 1);
  EXPECT_EQ(check("Kari", kKariPin).json()["result"], "ok");
  const CliRun badNew = run({"staff", "pin", "Kari", "--pin", kKariPin, "--new-pin", "12ab"});
  EXPECT_EQ(badNew.code, 2);
  EXPECT_NE(badNew.err.find("--new-pin"), std::string::npos) << badNew.err;
  EXPECT_EQ(badNew.err.find("12ab"), std::string::npos) << badNew.err;
  const CliRun unknown = run({"staff", "pin", "Nobody", "--pin", kKariPin, "--new-pin", "55667788"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("--name"), std::string::npos) << unknown.err;
}

TEST_F(StaffCommandTest, AnAdminSetsAnotherMembersPinWithTheAdminsOwnPin) {
  addKariAndAnne();
  const CliRun counter = run({"staff", "add", "--name", "Per", "--role", "counter", "--pin", "44556677"});
  ASSERT_EQ(counter.code, 0) << counter.err;
  // A counter member cannot set Kari's PIN, even with the right PIN of their own.
  const CliRun notAdmin =
      run({"staff", "pin", "Kari", "--staff", "Per", "--pin", "44556677", "--new-pin", "55667788"});
  EXPECT_EQ(notAdmin.code, 1);
  EXPECT_NE(notAdmin.err.find("admin"), std::string::npos) << notAdmin.err;
  // The admin's wrong PIN is the admin's wrong PIN.
  const CliRun wrongAdmin =
      run({"staff", "pin", "Kari", "--staff", "Anne", "--pin", kKariPin, "--new-pin", "55667788"});
  EXPECT_EQ(wrongAdmin.code, 1);
  EXPECT_NE(wrongAdmin.err.find("Anne"), std::string::npos) << wrongAdmin.err;
  EXPECT_EQ(check("Kari", kKariPin).json()["result"], "ok");
  const CliRun byAdmin = run({"staff", "pin", "Kari", "--staff", "Anne", "--pin", kAnnePin, "--new-pin", "55667788"});
  ASSERT_EQ(byAdmin.code, 0) << byAdmin.err;
  expectNoSecrets(byAdmin);
  EXPECT_EQ(check("Kari", "55667788").json()["result"], "ok");
}

}  // namespace
}  // namespace kiosk::test
