// kioskctl migrate: a centre's SQLite history into a fresh PostgreSQL database, case for case,
// with counts and a checksum; run again, it imports nothing; a collision writes nothing.
#include <fstream>
#include <regex>
#include <set>

#include "cli_harness.hpp"

namespace kiosk::test {
namespace {

class MigrateTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    m_pg = dbUrl;
  }

  // Runs on the SQLite file `file` (the harness's --db), whatever the test's --db-url.
  CliRun onSqlite(const std::string& file, const std::vector<std::string>& args) {
    const std::string keepDb = db;
    dbUrl.clear();
    db = file;
    CliRun r = run(args);
    db = keepDb;
    dbUrl = m_pg;
    return r;
  }
  std::string newCaseOn(const std::string& file, std::vector<std::string> extra) {
    extra.insert(extra.begin(), {"case", "new"});
    const CliRun r = onSqlite(file, extra);
    EXPECT_EQ(r.code, 0) << r.err;
    return r.line();
  }
  void stepOn(const std::string& file, const std::vector<std::string>& args) {
    const CliRun r = onSqlite(file, args);
    EXPECT_EQ(r.code, 0) << args[1] << ": " << r.err;
  }

  // A centre's history: a covered Mac closed, a quote declined and closed, a quote waiting for
  // the customer, a Lenovo dispatched, and a fresh intake.
  std::vector<std::string> centreHistory(const std::string& file) {
    std::vector<std::string> numbers;
    const std::string mac = newCaseOn(file, appleMac("C02XK0JHJG5H", "2026-11-16T10:00"));
    for (const auto& step : std::vector<std::vector<std::string>>{
             {"case", "diagnose", mac, "--finding", "Logic board", "--at", "2026-11-16T11:00"},
             {"case", "decide", mac, "--at", "2026-11-16T11:05"},
             {"case", "inform", mac, "--via", "sms", "--at", "2026-11-16T11:10"},
             {"case", "order-parts", mac, "--part", "661-12345 Logic board", "--at", "2026-11-16T11:20"},
             {"case", "receive-parts", mac, "--at", "2026-11-17T09:00"},
             {"case", "repaired", mac, "--at", "2026-11-17T11:00"},
             {"case", "ship", mac, "--carrier", "Posten", "--tracking", "70712345", "--at", "2026-11-17T12:00"},
             {"case", "close", mac, "--at", "2026-11-19T12:00"}}) {
      stepOn(file, step);
    }
    numbers.push_back(mac);
    auto old = appleMac("C02AAAAAAAA1", "2026-11-17T10:00");
    old[9] = "2020-01-10";  // --purchased: long out of warranty
    const std::string declined = newCaseOn(file, old);
    stepOn(file, {"case", "decide", declined, "--at", "2026-11-17T11:00"});
    stepOn(file, {"case", "quote", declined, "--amount-nok", "3000", "--at", "2026-11-17T12:00"});
    stepOn(file, {"case", "decline", declined, "--at", "2026-11-18T09:00"});
    stepOn(file, {"case", "ship", declined, "--carrier", "Posten", "--tracking", "X1", "--at", "2026-11-18T15:00"});
    stepOn(file, {"case", "close", declined, "--accepted-by", "Kari Nordmann", "--at", "2026-11-20T15:00"});
    numbers.push_back(declined);
    auto quoted = appleMac("C02AAAAAAAA2", "2026-11-18T10:00");
    quoted[9] = "2020-01-10";
    const std::string waiting = newCaseOn(file, quoted);
    stepOn(file, {"case", "decide", waiting, "--at", "2026-11-18T11:00"});
    stepOn(file, {"case", "quote", waiting, "--amount-nok", "2499.50", "--at", "2026-11-18T12:00"});
    stepOn(file, {"case", "inform", waiting, "--via", "email", "--at", "2026-11-18T12:05"});
    numbers.push_back(waiting);
    const std::string lenovo = newCaseOn(
        file, {"--vendor", "lenovo", "--family", "laptop", "--serial", "PF3FLOW01", "--product", "ThinkPad T14",
               "--purchased", "2025-01-15", "--seller", "atea", "--customer", "Lars Østby", "--mobile", "90000001",
               "--address", "Markveien 35, 0554 Oslo", "--fault", "No display", "--channel", "phone", "--at",
               "2026-11-23T09:00"});
    stepOn(file, {"case", "decide", lenovo, "--at", "2026-11-23T09:10"});
    stepOn(file, {"case", "dispatch", lenovo, "--at", "2026-11-23T09:20"});
    numbers.push_back(lenovo);
    numbers.push_back(newCaseOn(file, appleMac("C02XK1ZZJGH5", "2026-11-24T10:00")));
    return numbers;
  }

  CliRun migrate(const std::string& from) { return run({"migrate", "--from", from, "--to", m_pg, "--json"}); }

  nlohmann::json showOn(const std::string& file, const std::string& n) {
    const CliRun r = onSqlite(file, {"case", "show", n, "--json", "--at", "2026-11-25T12:00"});
    EXPECT_EQ(r.code, 0) << r.err;
    return r.json();
  }
  // The case's messages without the store-local ids.
  static nlohmann::json withoutIds(nlohmann::json messages) {
    for (auto& m : messages) m.erase("id");
    return messages;
  }

  std::string m_pg;
};

TEST_F(MigrateTest, EveryCaseEventAndMessageMovesWithAMatchingChecksumAndASecondRunImportsNothing) {
  const std::vector<std::string> numbers = centreHistory(db);
  std::size_t events = 0;
  for (const auto& n : numbers) events += showOn(db, n)["events"].size();
  const auto messages = onSqlite(db, {"outbox", "list", "--json"}).json();
  ASSERT_GT(messages.size(), 5u);

  const CliRun first = migrate(db);
  ASSERT_EQ(first.code, 0) << first.err << first.out;
  const auto j = first.json();
  EXPECT_EQ(j["cases"], numbers.size());
  EXPECT_EQ(j["imported"], numbers.size());
  EXPECT_EQ(j["already_present"], 0);
  EXPECT_EQ(j["events"], events);
  EXPECT_EQ(j["messages"], messages.size());
  EXPECT_EQ(j["checksum"]["algorithm"], "blake2b-256");
  EXPECT_TRUE(std::regex_match(j["checksum"]["source"].get<std::string>(), std::regex("[0-9a-f]{64}")))
      << j["checksum"];
  EXPECT_EQ(j["checksum"]["source"], j["checksum"]["target"]);
  EXPECT_EQ(j["checksum"]["match"], true);

  // Through --db-url, every case reads as it did on SQLite: fields, warranty, due date, charges,
  // allowed steps, the whole timeline; and its messages, but for their ids.
  for (const auto& n : numbers) {
    EXPECT_EQ(show(n), showOn(db, n)) << n;
    EXPECT_EQ(withoutIds(run({"outbox", "list", "--json", "--case", n}).json()),
              withoutIds(onSqlite(db, {"outbox", "list", "--json", "--case", n}).json()))
        << n;
  }
  EXPECT_EQ(run({"case", "list", "--all", "--json", "--at", "2026-11-25T12:00"}).json(),
            onSqlite(db, {"case", "list", "--all", "--json", "--at", "2026-11-25T12:00"}).json());

  const CliRun again = migrate(db);
  ASSERT_EQ(again.code, 0) << again.err;
  const auto k = again.json();
  EXPECT_EQ(k["cases"], numbers.size());
  EXPECT_EQ(k["imported"], 0);
  EXPECT_EQ(k["already_present"], numbers.size());
  EXPECT_EQ(k["events"], 0);
  EXPECT_EQ(k["messages"], 0);
  EXPECT_EQ(k["checksum"]["match"], true);
  EXPECT_EQ(k["checksum"]["source"], j["checksum"]["source"]);
  EXPECT_EQ(run({"case", "list", "--all", "--json"}).json().size(), numbers.size()) << "nothing doubled";
  EXPECT_EQ(run({"outbox", "list", "--json"}).json().size(), messages.size()) << "nothing doubled";

  // New intakes in the shared store take numbers after the imported ones.
  const std::string next = newCase(appleMac("C02NEWNEWNE1", "2026-11-25T10:00"));
  EXPECT_EQ(std::count(numbers.begin(), numbers.end(), next), 0) << next;
  EXPECT_EQ(run({"case", "list", "--all", "--json"}).json().size(), numbers.size() + 1);

  // Plain text: the counts and the checksum, one per line.
  const CliRun text = run({"migrate", "--from", db, "--to", m_pg});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("imported: 0\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("already present: " + std::to_string(numbers.size()) + "\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(j["checksum"]["source"].get<std::string>()), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(": match"), std::string::npos) << text.out;
}

TEST_F(MigrateTest, ACollisionIsRefusedNamingTheNumbersAndWritesNothing) {
  const std::vector<std::string> first = centreHistory(db);
  ASSERT_EQ(migrate(db).code, 0);
  // Another centre's file: its own numbers start at the same place, so its first cases carry
  // the numbers of different cases already in the shared store; its later ones do not.
  const std::string other = (std::filesystem::path(db).parent_path() / "other-centre.db").string();
  std::vector<std::string> theirs;
  for (int i = 0; i < static_cast<int>(first.size()) + 2; ++i) {
    theirs.push_back(newCaseOn(other, appleMac("C02OTHER" + std::to_string(1000 + i), "2026-11-20T10:00")));
  }
  const CliRun r = migrate(other);
  EXPECT_EQ(r.code, 1) << r.err;
  for (const auto& n : first) EXPECT_NE(r.err.find(n), std::string::npos) << n << ": " << r.err;
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  const auto all = run({"case", "list", "--all", "--json"}).json();
  EXPECT_EQ(all.size(), first.size()) << "not even the cases that did not collide";
  for (const auto& c : all) EXPECT_EQ(c["serial"].get<std::string>().rfind("C02OTHER", 0), std::string::npos);
  EXPECT_EQ(run({"case", "show", theirs.back()}).code, 2) << "the last case of the other file was not written";
}

TEST_F(MigrateTest, ACaseChangedInTheSharedStoreSinceIsAChecksumMismatchNamingIt) {
  const std::vector<std::string> numbers = centreHistory(db);
  ASSERT_EQ(migrate(db).code, 0);
  const std::string lenovo = numbers[3];
  ASSERT_EQ(run({"case", "repaired", lenovo, "--at", "2026-11-24T13:00"}).code, 0);  // at a station on PostgreSQL
  const CliRun r = migrate(db);
  EXPECT_EQ(r.code, 3) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["imported"], 0);
  EXPECT_EQ(j["checksum"]["match"], false);
  EXPECT_NE(j["checksum"]["source"], j["checksum"]["target"]);
  EXPECT_EQ(j["checksum"]["differing_cases"], nlohmann::json::array({lenovo}));
  EXPECT_NE(r.err.find(lenovo), std::string::npos) << r.err;
}

TEST_F(MigrateTest, ABadFromIsNamedAndLeftAlone) {
  const auto folder = std::filesystem::path(db).parent_path();
  const CliRun missing = migrate((folder / "no-such.db").string());
  EXPECT_EQ(missing.code, 2) << missing.err;
  EXPECT_NE(missing.err.find("--from"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(folder / "no-such.db"));

  const auto text = folder / "shopping.txt";
  std::ofstream(text) << "this is somebody's shopping list\n";
  const CliRun notSqlite = migrate(text.string());
  EXPECT_EQ(notSqlite.code, 2) << notSqlite.err;
  EXPECT_NE(notSqlite.err.find("--from"), std::string::npos) << notSqlite.err;
  std::ifstream in(text);
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()),
            "this is somebody's shopping list\n");

  const auto empty = folder / "empty.db";
  std::ofstream(empty).flush();
  const CliRun emptyFile = migrate(empty.string());
  EXPECT_EQ(emptyFile.code, 2) << emptyFile.err;
  EXPECT_NE(emptyFile.err.find("--from"), std::string::npos) << emptyFile.err;
  EXPECT_EQ(std::filesystem::file_size(empty), 0u);

  // Another program's SQLite database.
  const auto foreign = folder / "foreign.db";
  ASSERT_EQ(std::system(("sqlite3 '" + foreign.string() + "' 'CREATE TABLE item (name TEXT)'").c_str()), 0);
  const CliRun other = migrate(foreign.string());
  EXPECT_EQ(other.code, 2) << other.err;
  EXPECT_NE(other.err.find("--from"), std::string::npos) << other.err;

  const CliRun folderGiven = migrate(folder.string());
  EXPECT_EQ(folderGiven.code, 2) << folderGiven.err;
  EXPECT_NE(folderGiven.err.find("--from"), std::string::npos) << folderGiven.err;

  EXPECT_EQ(run({"case", "list", "--all", "--json"}).json(), nlohmann::json::array()) << "nothing written";
}

TEST_F(MigrateTest, AnUnreachableTargetIsExit3NamingIt) {
  newCaseOn(db, appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  const std::string url = "postgresql://kiosk:pw-secret@127.0.0.1:1/kiosk";  // nothing listens on port 1
  const CliRun r = run({"migrate", "--from", db, "--to", url});
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("--to"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("127.0.0.1:1"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("pw-secret"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kiosk::test
