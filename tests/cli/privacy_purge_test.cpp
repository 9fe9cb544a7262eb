// kioskctl privacy purge: cases closed before a day lose their customer's personal data, with no
// copy left in the database's files: the raw SQLite file and its WAL (another connection holding
// the WAL open meanwhile, as a running kiosk does), or on PostgreSQL every file of the database
// under the server's data directory, hold none of the purged name, mobile, e-mail, address,
// E-sak or message text, while the statistics remain. Also run by cli_postgres_tests.
#include "cli_harness.hpp"

#include <filesystem>
#include <fstream>
#include <memory>

#include "store/sqlite_case_store.hpp"

namespace kiosk::test {
namespace {

#ifndef KIOSK_CLI_TESTS_ON_POSTGRES
std::string bytesOf(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
#endif

class PrivacyPurgeTest : public CliTest {
 protected:
  // Berit's case, closed on 2026-11-22; Ola's, still open. Returns Berit's number.
  std::string closedAndOpen() {
    auto berit = appleMac("C02BERIT0001", "2026-11-20T10:00");
    berit[9] = "2020-01-10";  // --purchased: out of warranty, so a declined quote ends it quickly
    berit[13] = "Berit Purgesen";
    berit[15] = "933 33 333";
    berit[17] = "berit.purgesen@example.no";
    berit[19] = "Eikveien 9, 1369 Stabekk";
    berit.insert(berit.end(), {"--ecase", "E-99887766"});
    const std::string n = newCase(berit);
    EXPECT_EQ(run({"case", "decide", n, "--at", "2026-11-20T11:00"}).code, 0);
    EXPECT_EQ(run({"case", "quote", n, "--amount-nok", "3000", "--at", "2026-11-20T12:00"}).code, 0);
    EXPECT_EQ(run({"case", "decline", n, "--at", "2026-11-21T09:00"}).code, 0);
    EXPECT_EQ(run({"case", "ship", n, "--carrier", "Posten", "--tracking", "X1", "--at", "2026-11-21T15:00"}).code, 0);
    EXPECT_EQ(run({"case", "close", n, "--at", "2026-11-22T09:00"}).code, 0);
    auto ola = appleMac("C02OLA000001", "2026-11-23T11:00");
    ola[13] = "Ola Hansen";
    ola[15] = "+46 70 123 45 67";
    ola[17] = "ola@example.se";
    ola[19] = "Kungsgatan 2, Stockholm";
    m_open = newCase(ola);
    return n;
  }

  // What must be gone from every raw file after the purge of `number`.
  static std::vector<std::string> purgedTexts(const std::string& number) {
    return {"Berit", "Purgesen", "93333333", "berit.purgesen@example", "Eikveien", "Stabekk", "E-99887766",
            "som sak " + number};
  }

  std::string m_open;
};

TEST_F(PrivacyPurgeTest, APurgeIsInTheAuditLogADryRunIsNot) {
  closedAndOpen();
  ASSERT_EQ(run({"privacy", "purge", "--closed-before", "2026-11-23", "--dry-run"}).code, 0);
  EXPECT_EQ(run({"audit", "log", "--kind", "privacy-purge", "--json"}).json().size(), 0U);
  ASSERT_EQ(run({"privacy", "purge", "--closed-before", "2026-11-23", "--staff", "Siri"}).code, 0);
  ASSERT_EQ(run({"privacy", "purge", "--closed-before", "2026-11-23"}).code, 0) << "nothing left: no entry";
  const nlohmann::json entries = run({"audit", "log", "--kind", "privacy-purge", "--json"}).json();
  ASSERT_EQ(entries.size(), 1U) << entries.dump(2);
  EXPECT_EQ(entries[0]["staff"], "Siri");
  EXPECT_EQ(entries[0]["subject"], "2026-11-23");
  EXPECT_EQ(entries[0]["detail"], "1 case");
  EXPECT_EQ(run({"audit", "verify"}).code, 0);
}

TEST_F(PrivacyPurgeTest, ADryRunSaysWhichCasesAndChangesNothing) {
  const std::string n = closedAndOpen();
  const auto before = show(n);
  const CliRun dry = run({"privacy", "purge", "--closed-before", "2026-11-23", "--dry-run", "--json"});
  ASSERT_EQ(dry.code, 0) << dry.err;
  const auto j = dry.json();
  EXPECT_EQ(j["dry_run"], true);
  EXPECT_EQ(j["closed_before"], "2026-11-23");
  EXPECT_EQ(j["cases"], nlohmann::json::array({n}));
  EXPECT_EQ(show(n), before);
  const CliRun text = run({"privacy", "purge", "--closed-before", "2026-11-23", "--dry-run"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("would purge 1 case"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(n), std::string::npos) << text.out;
  EXPECT_EQ(run({"privacy", "purge", "--closed-before", "2026-11-22", "--dry-run", "--json"}).json()["cases"],
            nlohmann::json::array())
      << "closed on the day itself is not before it";
}

TEST_F(PrivacyPurgeTest, APurgeErasesThePersonalDataAndKeepsTheStatistics) {
  const std::string n = closedAndOpen();
  const auto before = show(n);
  const auto openBefore = show(m_open);
  const CliRun r = run({"privacy", "purge", "--closed-before", "2026-11-23", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["dry_run"], false);
  EXPECT_EQ(j["cases"], nlohmann::json::array({n}));
  EXPECT_GE(j["events"].get<int>(), 1);
  EXPECT_GE(j["messages"].get<int>(), 2) << "the receipt by SMS and e-mail at least";

  const auto after = show(n);
  for (const char* field : {"customer", "mobile", "email", "address", "ecase", "accepted_by"}) {
    EXPECT_TRUE(after[field].is_null() || after[field] == "") << field << ": " << after[field];
  }
  EXPECT_EQ(after["has_passcode"], false);
  for (const char* field : {"number", "status", "vendor", "family", "serial", "product", "registered_at", "closed_at",
                            "done_at", "fault", "quote_nok", "customer_answer", "carrier", "tracking", "customer_code"}) {
    EXPECT_EQ(after[field], before[field]) << field;
  }
  ASSERT_EQ(after["events"].size(), before["events"].size() + 1);
  for (std::size_t i = 0; i < before["events"].size(); ++i) {
    EXPECT_EQ(after["events"][i]["kind"], before["events"][i]["kind"]);
    EXPECT_EQ(after["events"][i]["at"], before["events"][i]["at"]);
    EXPECT_EQ(after["events"][i]["detail"], "");
  }
  EXPECT_EQ(after["events"].back()["kind"], "purged");
  EXPECT_EQ(show(m_open), openBefore) << "an open case is never purged";
  for (const auto& m : run({"outbox", "list", "--json", "--case", n}).json()) {
    EXPECT_EQ(m["to"], "");
    EXPECT_EQ(m["text"], "");
  }
  EXPECT_EQ(run({"privacy", "export", "--customer", "93333333"}).json()["cases"], nlohmann::json::array());

  const CliRun again = run({"privacy", "purge", "--closed-before", "2026-11-23"});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_NE(again.out.find("purged 0 cases"), std::string::npos) << again.out;
  EXPECT_EQ(show(n)["events"].size(), after["events"].size()) << "purged once";
}

TEST_F(PrivacyPurgeTest, NoCopyIsLeftInTheDatabaseFiles) {
  const std::string n = closedAndOpen();
#ifndef KIOSK_CLI_TESTS_ON_POSTGRES
  // A kiosk keeps the file open: the WAL stays on disk after kioskctl ends, as it would.
  auto kiosk = SqliteCaseStore::open(db);
  ASSERT_TRUE(kiosk) << kiosk.error().message;
  ASSERT_TRUE((*kiosk)->load(m_open));
  const std::string wal = db + "-wal";
  std::string raw = bytesOf(db) + bytesOf(wal);
  ASSERT_NE(raw.find("Berit Purgesen"), std::string::npos) << "the files hold the name before the purge";
  ASSERT_EQ(run({"privacy", "purge", "--closed-before", "2026-11-23"}).code, 0);
  ASSERT_TRUE(std::filesystem::exists(wal));
  raw = bytesOf(db) + bytesOf(wal);
#else
  ASSERT_EQ(run({"privacy", "purge", "--closed-before", "2026-11-23"}).code, 0);
  // Every file of this database under the server's data directory (not pg_wal: see README).
  const std::string raw = postgresDatabaseBytes(dbUrl, /*withWal=*/false);
#endif
  for (const auto& text : purgedTexts(n)) {
    EXPECT_EQ(raw.find(text), std::string::npos) << "'" << text << "' is still in the database files";
  }
  // What stays is there (the files are read right): the open case's customer, the purged serial.
  EXPECT_NE(raw.find("Ola Hansen"), std::string::npos);
  EXPECT_NE(raw.find("C02BERIT0001"), std::string::npos);
}

TEST_F(PrivacyPurgeTest, RetentionPurgesWhatWasClosedLongerAgoThanTheConfigurationKeeps) {
  const std::string n = closedAndOpen();
  const std::string config = db + ".toml";
  {
    std::ofstream out(config);
    out << "[privacy]\nretain_closed_days = 3\n";
  }
  const CliRun early = run({"privacy", "purge", "--retention", "--config", config, "--at", "2026-11-25T10:00", "--json"});
  ASSERT_EQ(early.code, 0) << early.err;
  EXPECT_EQ(early.json()["closed_before"], "2026-11-22");
  EXPECT_EQ(early.json()["cases"], nlohmann::json::array()) << "closed on 2026-11-22: kept three days";
  const CliRun due = run({"privacy", "purge", "--retention", "--config", config, "--at", "2026-11-26T10:00", "--json"});
  ASSERT_EQ(due.code, 0) << due.err;
  EXPECT_EQ(due.json()["closed_before"], "2026-11-23");
  EXPECT_EQ(due.json()["cases"], nlohmann::json::array({n}));
  EXPECT_EQ(show(n)["customer"], "");
}

TEST_F(PrivacyPurgeTest, BadOptionsAreBadInputAndPurgeNothing) {
  const std::string n = closedAndOpen();
  const auto before = show(n);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"privacy", "purge"},
        {"privacy", "purge", "--closed-before", "23.11.2026"},
        {"privacy", "purge", "--closed-before", "2026-11-23", "--retention"},
        {"privacy", "purge", "--retention"}}) {
    const CliRun r = run(args);
    EXPECT_EQ(r.code, 2) << args.back() << ": " << r.out;
    EXPECT_TRUE(r.err.find("--closed-before") != std::string::npos || r.err.find("retain_closed_days") != std::string::npos)
        << r.err;
  }
  EXPECT_EQ(show(n), before);
}

}  // namespace
}  // namespace kiosk::test
