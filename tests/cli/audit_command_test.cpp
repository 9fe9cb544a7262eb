// kioskctl audit verify / head on a real database, tampered with outside the program: the raw
// SQLite file through the sqlite3 library (cli_tests), the PostgreSQL tables through libpq
// (cli_postgres_tests), as an administrator with a shell would, triggers dropped first. Each
// change must be found and named: the case and the event, or the log entry.
#include <memory>
#include <string>

#include "cli_harness.hpp"

#ifdef KIOSK_CLI_TESTS_ON_POSTGRES
#include <libpq-fe.h>
#else
#include <sqlite3.h>
#endif

namespace kiosk::test {
namespace {

class AuditCommandTest : public CliTest {
 protected:
  // Runs `sql` around the store; returns the first column of the first row ("" if none).
  std::string raw(const std::string& sql) {
#ifdef KIOSK_CLI_TESTS_ON_POSTGRES
    const std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(dbUrl.c_str()), &PQfinish);
    EXPECT_EQ(PQstatus(conn.get()), CONNECTION_OK) << PQerrorMessage(conn.get());
    const std::unique_ptr<PGresult, decltype(&PQclear)> r(PQexec(conn.get(), sql.c_str()), &PQclear);
    const auto status = PQresultStatus(r.get());
    EXPECT_TRUE(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) << sql << ": " << PQerrorMessage(conn.get());
    return PQntuples(r.get()) > 0 && PQnfields(r.get()) > 0 ? PQgetvalue(r.get(), 0, 0) : "";
#else
    sqlite3* handle = nullptr;
    EXPECT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
    const std::unique_ptr<sqlite3, decltype(&sqlite3_close)> conn(handle, &sqlite3_close);
    std::string first;
    char* error = nullptr;
    const int rc = sqlite3_exec(
        conn.get(), sql.c_str(),
        [](void* out, int columns, char** values, char**) {
          auto* text = static_cast<std::string*>(out);
          if (text->empty() && columns > 0 && values[0] != nullptr) *text = values[0];
          return 0;
        },
        &first, &error);
    EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error != nullptr ? error : "");
    sqlite3_free(error);
    return first;
#endif
  }

  // What an attacker does first: the append-only triggers go.
  void dropTriggers() {
#ifdef KIOSK_CLI_TESTS_ON_POSTGRES
    raw("DROP TRIGGER case_event_no_change ON case_event; DROP TRIGGER case_event_sealed_once ON case_event; "
        "DROP TRIGGER audit_log_no_change ON audit_log");
#else
    raw("DROP TRIGGER case_event_no_update; DROP TRIGGER case_event_no_delete; DROP TRIGGER case_event_sealed_once; "
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete");
#endif
  }

  // A case with five events: registered (0), diagnose (1), decide (2), inform (3), order-parts (4).
  std::string caseWithFiveEvents(const std::string& serial) {
    const std::string n = newCase(appleMac(serial, "2026-12-21T10:00"));
    EXPECT_EQ(run({"case", "diagnose", n, "--finding", "Logic board fault", "--at", "2026-12-22T08:30"}).code, 0);
    EXPECT_EQ(run({"case", "decide", n, "--at", "2026-12-22T09:00"}).code, 0);
    EXPECT_EQ(run({"case", "inform", n, "--via", "phone", "--at", "2026-12-22T09:05"}).code, 0);
    EXPECT_EQ(run({"case", "order-parts", n, "--part", "661-12345 Logic board", "--at", "2026-12-22T10:00"}).code, 0);
    return n;
  }

  std::string seqOf(const std::string& number) { return raw("SELECT seq FROM repair_case WHERE number = '" + number + "'"); }

  // verify must fail (exit 1) and name the case and the event position in a finding.
  void expectFound(const std::string& number, std::optional<int> position, const std::string& what) {
    const CliRun text = run({"audit", "verify"});
    EXPECT_EQ(text.code, 1) << text.out << text.err;
    const std::string expected = "case " + number + (position ? " event " + std::to_string(*position) : "") + ": " + what;
    EXPECT_NE(text.out.find(expected), std::string::npos) << "expected '" << expected << "' in:\n" << text.out;
    EXPECT_NE(text.out.find("NOT intact"), std::string::npos) << text.out;
    const CliRun json = run({"audit", "verify", "--json"});
    EXPECT_EQ(json.code, 1);
    const auto j = json.json();
    EXPECT_FALSE(j["intact"].get<bool>());
    bool named = false;
    for (const auto& f : j["findings"]) {
      if (f.value("case", "") == number &&
          (position ? f["position"] == *position : f["position"].is_null())) {
        named = true;
      }
    }
    EXPECT_TRUE(named) << j.dump(2);
  }

  void expectIntact() {
    const CliRun r = run({"audit", "verify"});
    EXPECT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find(": intact"), std::string::npos) << r.out;
  }
};

TEST_F(AuditCommandTest, AnUntouchedDatabaseIsIntact) {
  const CliRun empty = run({"audit", "verify"});
  EXPECT_EQ(empty.code, 0) << empty.err;
  EXPECT_EQ(empty.out, "0 cases, 0 events, log 0 entries: intact\n");
  caseWithFiveEvents("C02XK0JHJG5H");
  caseWithFiveEvents("C02XK0JHJG5J");
  const CliRun r = run({"audit", "verify", "--json"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  const auto j = r.json();
  EXPECT_TRUE(j["intact"].get<bool>());
  EXPECT_EQ(j["cases"], 2);
  EXPECT_EQ(j["events"], 10);
  EXPECT_TRUE(j["findings"].empty());
}

TEST_F(AuditCommandTest, AnEventsTextChangedIsFound) {
  const std::string other = caseWithFiveEvents("C02XK0JHJG5J");
  const std::string n = caseWithFiveEvents("C02XK0JHJG5H");
  dropTriggers();
  raw("UPDATE case_event SET detail = 'Screen replaced' WHERE case_seq = " + seqOf(n) + " AND position = 1");
  expectFound(n, 1, "text changed");
  EXPECT_EQ(run({"audit", "verify"}).out.find("case " + other), std::string::npos) << "the other case is intact";
}

TEST_F(AuditCommandTest, AnEventsStaffChangedIsFound) {
  const std::string n = caseWithFiveEvents("C02XK0JHJG5H");
  dropTriggers();
  raw("UPDATE case_event SET staff = 'Someone Else' WHERE case_seq = " + seqOf(n) + " AND position = 2");
  expectFound(n, 2, "event changed");
}

TEST_F(AuditCommandTest, TheFirstEventDeletedIsFound) {
  const std::string n = caseWithFiveEvents("C02XK0JHJG5H");
  dropTriggers();
  const std::string seq = seqOf(n);
  raw("DELETE FROM outbox_message WHERE case_seq = " + seq + " AND event_position = 0");
  raw("DELETE FROM case_event WHERE case_seq = " + seq + " AND position = 0");
  expectFound(n, 0, "event missing");
}

TEST_F(AuditCommandTest, AMiddleEventDeletedIsFound) {
  const std::string n = caseWithFiveEvents("C02XK0JHJG5H");
  dropTriggers();
  raw("DELETE FROM case_event WHERE case_seq = " + seqOf(n) + " AND position = 2");
  expectFound(n, 2, "event missing");
}

TEST_F(AuditCommandTest, TheLastEventDeletedIsFound) {
  const std::string n = caseWithFiveEvents("C02XK0JHJG5H");
  dropTriggers();
  raw("DELETE FROM case_event WHERE case_seq = " + seqOf(n) + " AND position = 4");
  expectFound(n, 3, "field changed");
}

TEST_F(AuditCommandTest, TwoEventsSwappedAreFound) {
  const std::string n = caseWithFiveEvents("C02XK0JHJG5H");
  dropTriggers();
  const std::string where = " WHERE case_seq = " + seqOf(n) + " AND position = ";
  raw("UPDATE case_event SET position = 100" + where + "1");
  raw("UPDATE case_event SET position = 1" + where + "2");
  raw("UPDATE case_event SET position = 2" + where + "100");
  expectFound(n, 1, "order changed");
}

TEST_F(AuditCommandTest, AFieldChangedIsFoundPersonalOrNot) {
  const std::string a = caseWithFiveEvents("C02XK0JHJG5H");
  const std::string b = caseWithFiveEvents("C02XK0JHJG5J");
  raw("UPDATE repair_case SET customer_mobile = '+4799999999' WHERE number = '" + a + "'");
  expectFound(a, 4, "field changed");
  raw("UPDATE repair_case SET finding = 'Nothing wrong' WHERE number = '" + b + "'");
  expectFound(b, 4, "field changed");
}

TEST_F(AuditCommandTest, TheSaltRemovedIsFound) {
  const std::string n = caseWithFiveEvents("C02XK0JHJG5H");
  raw("UPDATE repair_case SET audit_salt = '' WHERE number = '" + n + "'");
  expectFound(n, std::nullopt, "salt removed");
}

TEST_F(AuditCommandTest, ALogEntryChangedOrDeletedIsFound) {
  caseWithFiveEvents("C02XK0JHJG5H");
  for (int i = 0; i < 3; ++i) ASSERT_EQ(run({"audit", "head"}).code, 0);
  expectIntact();
  dropTriggers();
  raw("UPDATE audit_log SET staff = 'nobody' WHERE seq = 2");
  CliRun r = run({"audit", "verify"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("log entry 2: log entry changed"), std::string::npos) << r.out;
  raw("UPDATE audit_log SET staff = (SELECT staff FROM audit_log WHERE seq = 1) WHERE seq = 2");
  expectIntact();
  raw("DELETE FROM audit_log WHERE seq = 2");
  r = run({"audit", "verify"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("log entry 2: log entry missing"), std::string::npos) << r.out;
}

TEST_F(AuditCommandTest, SignInsAreLogEntriesThatVerify) {
  ASSERT_EQ(run({"staff", "add", "--name", "Kari", "--role", "technician", "--pin", "246810"}).code, 0);
  EXPECT_EQ(run({"staff", "check", "--name", "Kari", "--pin", "246810"}).code, 0);
  EXPECT_EQ(run({"staff", "check", "--name", "Kari", "--pin", "135799"}).code, 1);
  EXPECT_EQ(run({"staff", "check", "--name", "Nobody", "--pin", "135799"}).code, 1);
  const auto j = run({"audit", "verify", "--json"}).json();
  EXPECT_TRUE(j["intact"].get<bool>()) << j.dump(2);
  EXPECT_EQ(j["log_entries"], 3);
  EXPECT_EQ(raw("SELECT detail FROM audit_log WHERE seq = 1"), "ok");
  EXPECT_EQ(raw("SELECT detail FROM audit_log WHERE seq = 2"), "wrong-pin");
  EXPECT_EQ(raw("SELECT detail FROM audit_log WHERE seq = 3"), "unknown");
  EXPECT_EQ(raw("SELECT count(*) FROM audit_log WHERE detail LIKE '%246810%' OR subject LIKE '%246810%'"), "0");
  dropTriggers();
  raw("DELETE FROM audit_log WHERE seq = 1");
  const CliRun r = run({"audit", "verify"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("log entry 1: log entry missing"), std::string::npos) << r.out;
}

TEST_F(AuditCommandTest, LogListsTheEntriesByKindAndAfterASeq) {
  ASSERT_EQ(run({"staff", "add", "--name", "Kari", "--role", "technician", "--pin", "246810"}).code, 0);
  EXPECT_EQ(run({"staff", "check", "--name", "Kari", "--pin", "246810"}).code, 0);
  EXPECT_EQ(run({"staff", "check", "--name", "Kari", "--pin", "135799"}).code, 1);
  ASSERT_EQ(run({"audit", "head", "--staff", "Kari"}).code, 0);

  const CliRun text = run({"audit", "log"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("1\t"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("\tKari\tsign-in\tKari\tok\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("\tKari\tsign-in\tKari\twrong-pin\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("\tKari\tcheckpoint\t"), std::string::npos) << text.out;

  const nlohmann::json all = run({"audit", "log", "--json"}).json();
  ASSERT_EQ(all.size(), 3U) << all.dump(2);
  EXPECT_EQ(all[0]["seq"], 1);
  EXPECT_EQ(all[2]["kind"], "checkpoint");
  EXPECT_EQ(run({"audit", "log", "--kind", "sign-in", "--json"}).json().size(), 2U);
  const nlohmann::json after = run({"audit", "log", "--after", "2", "--json"}).json();
  ASSERT_EQ(after.size(), 1U);
  EXPECT_EQ(after[0]["seq"], 3);

  const CliRun badKind = run({"audit", "log", "--kind", "sign-ins"});
  EXPECT_EQ(badKind.code, 2);
  EXPECT_NE(badKind.err.find("--kind"), std::string::npos) << badKind.err;
  EXPECT_NE(badKind.err.find("passcode-read"), std::string::npos) << "names the kinds there are: " << badKind.err;
  const CliRun badAfter = run({"audit", "log", "--after", "-1"});
  EXPECT_EQ(badAfter.code, 2);
  EXPECT_NE(badAfter.err.find("--after"), std::string::npos) << badAfter.err;
  EXPECT_EQ(run({"audit", "log", "--after", "x"}).code, 2);
}

TEST_F(AuditCommandTest, HeadPrintsACheckpointThatVerifyAccepts) {
  const std::string n = caseWithFiveEvents("C02XK0JHJG5H");
  const CliRun head = run({"audit", "head"});
  ASSERT_EQ(head.code, 0) << head.err;
  const std::string h = head.line();
  EXPECT_EQ(h.size(), 64U) << head.out;
  const CliRun ok = run({"audit", "verify", "--head", h});
  EXPECT_EQ(ok.code, 0) << ok.out << ok.err;
  EXPECT_NE(ok.out.find("checkpoint " + h + ": intact"), std::string::npos) << ok.out;
  // Later steps and checkpoints chain on from it.
  EXPECT_EQ(run({"case", "receive-parts", n, "--at", "2026-12-23T09:00"}).code, 0);
  const CliRun second = run({"audit", "head", "--json"});
  ASSERT_EQ(second.code, 0);
  EXPECT_EQ(second.json()["cases_moved"], 1);
  EXPECT_EQ(run({"audit", "verify", "--head", h}).code, 0);
  EXPECT_EQ(run({"audit", "verify", "--head", second.json()["head"].get<std::string>()}).code, 0);
}

TEST_F(AuditCommandTest, HeadOnlyStoresTheCasesThatMoved) {
  caseWithFiveEvents("C02XK0JHJG5H");
  const std::string b = caseWithFiveEvents("C02XK0JHJG5J");
  EXPECT_EQ(run({"audit", "head", "--json"}).json()["cases_moved"], 2);
  EXPECT_EQ(run({"audit", "head", "--json"}).json()["cases_moved"], 0);
  EXPECT_EQ(run({"case", "receive-parts", b, "--at", "2026-12-23T09:00"}).code, 0);
  const auto third = run({"audit", "head", "--json"}).json();
  EXPECT_EQ(third["cases_moved"], 1);
  EXPECT_EQ(third["cases"], 2);
  EXPECT_EQ(raw("SELECT count(*) FROM audit_checkpoint_case"), "3");
}

TEST_F(AuditCommandTest, HeadFindsTheLastEventCutOff) {
  const std::string n = caseWithFiveEvents("C02XK0JHJG5H");
  const std::string h = run({"audit", "head"}).line();
  dropTriggers();
  // Cut off the last event and make the row and chain look whole again: only the head shows it.
  raw("DELETE FROM case_event WHERE case_seq = " + seqOf(n) + " AND position = 4");
  const CliRun r = run({"audit", "verify", "--head", h});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("case " + n + " event 4: events cut off"), std::string::npos) << r.out;
}

TEST_F(AuditCommandTest, HeadFindsADeletedCase) {
  caseWithFiveEvents("C02XK0JHJG5H");
  const std::string n = caseWithFiveEvents("C02XK0JHJG5J");
  const std::string h = run({"audit", "head"}).line();
  dropTriggers();
  const std::string seq = seqOf(n);
  raw("DELETE FROM outbox_message WHERE case_seq = " + seq);
  raw("DELETE FROM case_event WHERE case_seq = " + seq);
  raw("DELETE FROM repair_case WHERE seq = " + seq);
  EXPECT_EQ(run({"audit", "verify"}).code, 0) << "without the head a whole case can go unnoticed";
  const CliRun r = run({"audit", "verify", "--head", h});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("case " + n + ": case deleted"), std::string::npos) << r.out;
}

TEST_F(AuditCommandTest, AnUnknownHeadFailsInWords) {
  caseWithFiveEvents("C02XK0JHJG5H");
  const std::string unknown(64, 'a');
  const CliRun r = run({"audit", "verify", "--head", unknown});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("no checkpoint has head " + unknown), std::string::npos) << r.out;
  const CliRun bad = run({"audit", "verify", "--head", "xyz"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("head"), std::string::npos) << bad.err;
}

TEST_F(AuditCommandTest, NothingPersonalIsPrinted) {
  const std::string n = caseWithFiveEvents("C02XK0JHJG5H");
  raw("UPDATE repair_case SET customer_name = 'Ola Nordmann' WHERE number = '" + n + "'");
  for (const auto& r : {run({"audit", "verify"}), run({"audit", "verify", "--json"})}) {
    for (const char* personal : {"Kari", "Ola", "912", "Storgata", "kari@", "zebra"}) {
      EXPECT_EQ(r.out.find(personal), std::string::npos) << personal << " in " << r.out;
      EXPECT_EQ(r.err.find(personal), std::string::npos) << personal << " in " << r.err;
    }
  }
}

}  // namespace
}  // namespace kiosk::test
