// --db-url and KIOSK_DB_URL beside --db: which store a command opens, and the usage errors,
// without a PostgreSQL server (postgres_cli_test.cpp has the ones that need one).
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <optional>

#include "cli_harness.hpp"

namespace kiosk::test {
namespace {

// Sets an environment variable for one test and puts back what was there.
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

// A loopback port nothing listens on: bound, then closed.
int closedPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    return 1;  // nothing listens on port 1 either
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

class DbUrlOptionTest : public CliTest {
 protected:
  // kioskctl without the harness's --db: only what the test gives.
  CliRun bare(std::vector<std::string> args) {
    std::vector<std::string> full = {"kioskctl", "--assets", assets};
    full.insert(full.end(), args.begin(), args.end());
    std::vector<const char*> argv;
    for (const auto& a : full) argv.push_back(a.c_str());
    std::ostringstream out, err;
    CliRun r;
    r.code = cli::runKioskctl(static_cast<int>(argv.size()), argv.data(), out, err, clock);
    r.out = out.str();
    r.err = err.str();
    return r;
  }
};

TEST_F(DbUrlOptionTest, DbAndDbUrlTogetherIsBadUsageNamingBoth) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--db", db, "--db-url", "postgresql://kiosk@127.0.0.1:5432/kiosk", "case", "list"},
           {"case", "list", "--db-url", "postgresql://kiosk@127.0.0.1:5432/kiosk", "--db", db},
           {"--db", db, "case", "list", "--db-url", "postgresql://kiosk@127.0.0.1:5432/kiosk"}}) {
    const CliRun r = bare(args);
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("--db-url"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--db "), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
  EXPECT_FALSE(std::filesystem::exists(db)) << "nothing is opened, nothing created";
}

TEST_F(DbUrlOptionTest, AUrlThatIsNotPostgresIsBadUsageNamingTheOption) {
  for (const std::string url : {"mysql://kiosk@127.0.0.1/kiosk", "/var/lib/kiosk/cases.db", "postgresql:/x", ""}) {
    const CliRun r = bare({"--db-url", url, "case", "list"});
    EXPECT_EQ(r.code, 2) << url << ": " << r.err;
    EXPECT_NE(r.err.find("--db-url"), std::string::npos) << r.err;
  }
  // After the command too, like every global option.
  const CliRun after = bare({"case", "list", "--json", "--db-url", "sqlite:///tmp/x.db"});
  EXPECT_EQ(after.code, 2) << after.err;
  EXPECT_NE(after.err.find("--db-url"), std::string::npos) << after.err;
}

TEST_F(DbUrlOptionTest, KioskDbUrlIsUsedWithoutAFlagAndNamedWhenWrong) {
  const ScopedEnv env("KIOSK_DB_URL", "mysql://kiosk@127.0.0.1/kiosk");
  const CliRun r = bare({"case", "list"});
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("KIOSK_DB_URL"), std::string::npos) << r.err;
}

TEST_F(DbUrlOptionTest, DbOnTheCommandLineWinsOverKioskDbUrl) {
  const ScopedEnv env("KIOSK_DB_URL", "postgresql://kiosk@127.0.0.1:" + std::to_string(closedPort()) + "/kiosk");
  const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));  // the harness gives --db
  EXPECT_EQ(show(n)["status"], "registered");
  EXPECT_TRUE(std::filesystem::exists(db));
}

TEST_F(DbUrlOptionTest, SqliteStaysTheDefaultAndKioskDbStillWorks) {
  const ScopedEnv env("KIOSK_DB", db);
  const CliRun r = bare({"case", "list", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.json(), nlohmann::json::array());
  EXPECT_TRUE(std::filesystem::exists(db)) << "KIOSK_DB named the SQLite file";
}

TEST_F(DbUrlOptionTest, AnUnreachableServerIsAStorageFailureNamingItButNotThePassword) {
  const std::string url = "postgresql://kiosk:s3cret-pw@127.0.0.1:" + std::to_string(closedPort()) + "/kiosk";
  const auto started = std::chrono::steady_clock::now();
  const CliRun r = bare({"--db-url", url, "case", "list"});
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("127.0.0.1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--db-url"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("s3cret-pw"), std::string::npos) << r.err;
  EXPECT_LT(took, std::chrono::seconds(15)) << "a few seconds of grace for a restart, then the error";
}

TEST_F(DbUrlOptionTest, UrlsLoseTheirPasswordInMessages) {
  EXPECT_EQ(cli::redactedUrl("postgresql://kiosk:pw@db.example:5432/cases"), "postgresql://kiosk@db.example:5432/cases");
  EXPECT_EQ(cli::redactedUrl("postgresql://kiosk@db.example/cases"), "postgresql://kiosk@db.example/cases");
  EXPECT_EQ(cli::redactedUrl("postgres://db.example/cases?sslmode=require&password=pw&user=k"),
            "postgres://db.example/cases?sslmode=require&password=***&user=k");
  EXPECT_EQ(cli::redactedUrl("postgresql://k:a@b@db.example/cases"), "postgresql://k@db.example/cases");
  EXPECT_EQ(cli::redactedUrl("postgresql://k:@db.example/cases"), "postgresql://k@db.example/cases");
}

TEST_F(DbUrlOptionTest, ConflictIsExit1WithTheStoresMessageAndWhatToDo) {
  std::ostringstream out, err;
  cli::Context ctx(out, err, clock);
  const int code =
      ctx.fail(Error{ErrorKind::Conflict, "", "case M6EM-XNNN changed on another station: it is now diagnosed"});
  EXPECT_EQ(code, 1);
  EXPECT_NE(err.str().find("M6EM-XNNN changed on another station: it is now diagnosed"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("nothing was written"), std::string::npos) << err.str();
  // The PostgreSQL store's own message says it already: said once.
  std::ostringstream out2, err2;
  cli::Context ctx2(out2, err2, clock);
  EXPECT_EQ(ctx2.fail(Error{ErrorKind::Conflict, "", "case M6EM-XNNN was changed; nothing was written: look again"}), 1);
  EXPECT_EQ(err2.str().find("nothing was written"), err2.str().rfind("nothing was written")) << err2.str();
}

TEST_F(DbUrlOptionTest, MigrateChecksItsOptionsBeforeTouchingAnything) {
  const std::string to = "postgresql://kiosk@127.0.0.1:" + std::to_string(closedPort()) + "/kiosk";
  const CliRun missing = bare({"migrate", "--from", db, "--to", to});
  EXPECT_EQ(missing.code, 2) << missing.err;
  EXPECT_NE(missing.err.find("--from"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(db)) << "a missing file is not created";

  const CliRun scheme = bare({"migrate", "--from", db, "--to", "mysql://kiosk@127.0.0.1/kiosk"});
  EXPECT_EQ(scheme.code, 2) << scheme.err;
  EXPECT_NE(scheme.err.find("--to"), std::string::npos) << scheme.err;

  const CliRun noTo = bare({"migrate", "--from", db});
  EXPECT_EQ(noTo.code, 2) << noTo.err;
  EXPECT_NE(noTo.err.find("--to"), std::string::npos) << noTo.err;
}

}  // namespace
}  // namespace kiosk::test
