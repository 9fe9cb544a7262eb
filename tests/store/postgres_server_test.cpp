// The throwaway PostgreSQL server the PostgreSQL store's tests will stand on: it starts, takes
// connections and SQL, gives each server its own port and leaves nothing behind.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "support/postgres_server.hpp"

namespace kiosk::test {
namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

Connection connect(const std::string& url) {
  Connection connection(PQconnectdb(url.c_str()), &PQfinish);
  EXPECT_EQ(PQstatus(connection.get()), CONNECTION_OK) << url << ": " << PQerrorMessage(connection.get());
  return connection;
}

Result exec(PGconn* connection, const std::string& sql, ExecStatusType expected) {
  Result result(PQexec(connection, sql.c_str()), &PQclear);
  EXPECT_EQ(PQresultStatus(result.get()), expected) << sql << ": " << PQerrorMessage(connection);
  return result;
}

TEST(TestPostgresServer, AcceptsConnectionsAndSql) {
  TestPostgresServer server;
  EXPECT_GT(server.port(), 0);
  EXPECT_EQ(server.url(), "postgresql://kiosk@127.0.0.1:" + std::to_string(server.port()) + "/postgres");

  const Connection connection = connect(server.url());
  const Result one = exec(connection.get(), "SELECT 1", PGRES_TUPLES_OK);
  ASSERT_EQ(PQntuples(one.get()), 1);
  EXPECT_STREQ(PQgetvalue(one.get(), 0, 0), "1");

  exec(connection.get(), "CREATE TABLE repair_case (id bigint PRIMARY KEY, serial text NOT NULL)", PGRES_COMMAND_OK);
  exec(connection.get(), "INSERT INTO repair_case VALUES (1, 'SN-ÆØÅ-1')", PGRES_COMMAND_OK);
  const Result serial = exec(connection.get(), "SELECT serial FROM repair_case WHERE id = 1", PGRES_TUPLES_OK);
  ASSERT_EQ(PQntuples(serial.get()), 1);
  EXPECT_STREQ(PQgetvalue(serial.get(), 0, 0), "SN-ÆØÅ-1");
  exec(connection.get(), "DROP TABLE repair_case", PGRES_COMMAND_OK);
  const Result gone = exec(connection.get(), "SELECT to_regclass('repair_case') IS NULL", PGRES_TUPLES_OK);
  EXPECT_STREQ(PQgetvalue(gone.get(), 0, 0), "t");
}

TEST(TestPostgresServer, CreatesDatabasesThatAreSeparate) {
  TestPostgresServer server;
  const std::string first = server.createDatabase("station_a");
  const std::string second = server.createDatabase("station_b");
  EXPECT_EQ(first, server.url("station_a"));

  const Connection a = connect(first);
  exec(a.get(), "CREATE TABLE only_in_a (x int)", PGRES_COMMAND_OK);
  const Connection b = connect(second);
  const Result absent = exec(b.get(), "SELECT to_regclass('only_in_a') IS NULL", PGRES_TUPLES_OK);
  EXPECT_STREQ(PQgetvalue(absent.get(), 0, 0), "t");
  const Result name = exec(b.get(), "SELECT current_database()", PGRES_TUPLES_OK);
  EXPECT_STREQ(PQgetvalue(name.get(), 0, 0), "station_b");

  EXPECT_THROW((void)server.createDatabase("station_a"), std::runtime_error);
  EXPECT_THROW((void)server.createDatabase("bad\"name"), std::invalid_argument);
}

TEST(TestPostgresServer, TwoServersAtOnceHaveTheirOwnPorts) {
  TestPostgresServer first;
  TestPostgresServer second;
  EXPECT_NE(first.port(), second.port());
  const Connection a = connect(first.url());
  const Connection b = connect(second.url());
  exec(a.get(), "CREATE TABLE only_on_first (x int)", PGRES_COMMAND_OK);
  const Result absent = exec(b.get(), "SELECT to_regclass('only_on_first') IS NULL", PGRES_TUPLES_OK);
  EXPECT_STREQ(PQgetvalue(absent.get(), 0, 0), "t");
}

TEST(TestPostgresServer, StopsAndRemovesItsFolderWhenDestroyed) {
  std::string url;
  std::filesystem::path folder;
  {
    TestPostgresServer server;
    url = server.url();
    folder = server.folder();
    ASSERT_TRUE(std::filesystem::exists(folder / "data" / "PG_VERSION"));
    // An open session must not keep the server up: the stop is PostgreSQL's fast shutdown.
    const Connection open = connect(url);
    ASSERT_EQ(PQping(url.c_str()), PQPING_OK);
  }
  EXPECT_EQ(PQping((url + "?connect_timeout=2").c_str()), PQPING_NO_RESPONSE);
  EXPECT_FALSE(std::filesystem::exists(folder));
}

// A test process killed outright runs no destructor; its server must go with it all the same.
TEST(TestPostgresServer, DiesWithAProcessThatIsKilled) {
  // This process becomes the reaper of what the killed child leaves, so it can see the
  // postmaster's end (and no zombies pile up where PID 1 does not reap).
  ASSERT_EQ(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
  int report[2];
  ASSERT_EQ(::pipe(report), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(report[0]);
    try {
      TestPostgresServer server;
      const std::string line = std::to_string(server.pid()) + " " + server.url() + " " + server.folder().string() + "\n";
      [[maybe_unused]] const auto written = ::write(report[1], line.data(), line.size());
      ::pause();  // until the parent kills it
    } catch (const std::exception& error) {
      const std::string line = std::string("error ") + error.what() + "\n";
      [[maybe_unused]] const auto written = ::write(report[1], line.data(), line.size());
    }
    ::_exit(1);
  }
  ::close(report[1]);
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(report[0], buffer, sizeof buffer)) > 0;) {
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.find('\n') != std::string::npos) break;
  }
  ::close(report[0]);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);

  std::istringstream fields(text);
  pid_t postmaster = 0;
  std::string url;
  std::string folder;
  fields >> postmaster >> url >> folder;
  ASSERT_GT(postmaster, 0) << "the child said: " << text;
  // The kernel sends the postmaster SIGKILL as its parent dies.
  ASSERT_EQ(::waitpid(postmaster, &status, 0), postmaster);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "postmaster status " << status;
  // Its backends exit on their own once the postmaster is gone; reap them too.
  while (::waitpid(-1, &status, 0) > 0) {
  }
  ::prctl(PR_SET_CHILD_SUBREAPER, 0);
  EXPECT_EQ(PQping((url + "?connect_timeout=2").c_str()), PQPING_NO_RESPONSE);
  std::filesystem::remove_all(folder);  // no destructor ran to remove it
}

}  // namespace
}  // namespace kiosk::test
