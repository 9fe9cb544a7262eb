// kioskctl on the shared PostgreSQL store: KIOSK_DB_URL, a stopped server, and two stations
// changing one case at once (the loser is told, exit 1, nothing written).
#include <libpq-fe.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>
#include <thread>

#include "cli_harness.hpp"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : m_name(name) {
    if (const char* old = std::getenv(name); old != nullptr) m_old = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (m_old) {
      ::setenv(m_name, m_old->c_str(), 1);
    } else {
      ::unsetenv(m_name);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* m_name;
  std::optional<std::string> m_old;
};

// A plain libpq session of the test's own: another station, as far as kioskctl can tell.
class PsqlSession {
 public:
  explicit PsqlSession(const std::string& url) : m_conn(PQconnectdb(url.c_str()), &PQfinish) {
    EXPECT_EQ(PQstatus(m_conn.get()), CONNECTION_OK) << PQerrorMessage(m_conn.get());
  }
  // Runs one statement; the first value of the first row ("" when none).
  std::string exec(const std::string& sql) {
    const std::unique_ptr<PGresult, decltype(&PQclear)> r(PQexec(m_conn.get(), sql.c_str()), &PQclear);
    const auto status = PQresultStatus(r.get());
    EXPECT_TRUE(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) << sql << ": " << PQerrorMessage(m_conn.get());
    return PQntuples(r.get()) > 0 && PQnfields(r.get()) > 0 ? PQgetvalue(r.get(), 0, 0) : "";
  }

 private:
  std::unique_ptr<PGconn, decltype(&PQfinish)> m_conn;
};

class PostgresCliTest : public CliTest {};

TEST_F(PostgresCliTest, KioskDbUrlChoosesTheSharedStoreWhenNoFlagIsGiven) {
  const std::string url = dbUrl;
  dbUrl.clear();
  std::string number;
  {
    const ScopedEnv env("KIOSK_DB_URL", url);
    const ScopedEnv noFile("KIOSK_DB", db);
    std::vector<std::string> args = {"kioskctl", "--assets", assets, "case", "new"};
    for (const auto& a : appleMac("C02XK0JHJG5H", "2026-11-24T10:00")) args.push_back(a);
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    ASSERT_EQ(cli::runKioskctl(static_cast<int>(argv.size()), argv.data(), out, err, clock), 0) << err.str();
    number = out.str().substr(0, out.str().find('\n'));
  }
  EXPECT_FALSE(std::filesystem::exists(db)) << "KIOSK_DB_URL wins over KIOSK_DB";
  dbUrl = url;
  EXPECT_EQ(show(number)["status"], "registered");
}

TEST_F(PostgresCliTest, AStoppedServerIsExit3NamingItWithinSeconds) {
  const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  cliPostgres().stop();
  const auto started = std::chrono::steady_clock::now();
  const CliRun r = run({"case", "show", n});
  const auto took = std::chrono::steady_clock::now() - started;
  cliPostgres().start();
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("127.0.0.1:" + std::to_string(cliPostgres().port())), std::string::npos) << r.err;
  EXPECT_LT(took, 15s);
  // Back up: the case is there as it was.
  EXPECT_EQ(show(n)["status"], "registered");
}

TEST_F(PostgresCliTest, TwoStationsOnOneCaseTheLoserIsToldAndWritesNothing) {
  const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  // The other station's change is under way (row locked, not committed) when kioskctl reads the
  // case; kioskctl's write waits for it, then finds the version moved.
  PsqlSession other(dbUrl);
  PsqlSession watcher(dbUrl);
  other.exec("BEGIN");
  other.exec("UPDATE repair_case SET finding = 'Seen at the other bench', version = version + 1 WHERE number = '" + n +
             "'");
  CliRun step;
  std::thread station([&] {
    step = run({"case", "diagnose", n, "--finding", "Logic board fault", "--at", "2026-11-24T11:00"});
  });
  // Until kioskctl's UPDATE waits on the other station's row lock.
  bool waiting = false;
  for (int i = 0; i < 300 && !waiting; ++i) {
    waiting = watcher.exec("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = "
                           "current_database()") != "0";
    if (!waiting) std::this_thread::sleep_for(50ms);
  }
  other.exec("COMMIT");
  station.join();
  ASSERT_TRUE(waiting) << "kioskctl never waited on the other station's lock";
  EXPECT_EQ(step.code, 1) << step.err;
  EXPECT_NE(step.err.find(n), std::string::npos) << step.err;
  EXPECT_NE(step.err.find("registered"), std::string::npos) << "names the case's state now: " << step.err;
  EXPECT_NE(step.err.find("nothing was written"), std::string::npos) << step.err;
  const auto j = show(n);
  EXPECT_EQ(j["finding"], "Seen at the other bench");
  EXPECT_EQ(j["events"].size(), 1u) << "the refused step appended no event";
  // Looked at again, the step goes through.
  EXPECT_EQ(run({"case", "diagnose", n, "--finding", "Logic board fault", "--at", "2026-11-24T11:05"}).code, 0);
}

}  // namespace
}  // namespace kiosk::test
