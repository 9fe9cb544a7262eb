#pragma once
// A throwaway PostgreSQL server for tests: initdb into a fresh temporary folder, the server on
// 127.0.0.1 at a free port, stopped and removed when the object goes. Tests that need
// PostgreSQL start their own; nothing depends on a cluster the system may run.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::test {

// initdb and postgres refuse to run as root; as root this runs them as the `postgres` system
// user (Debian's postgresql package creates it) and gives that user the folder. Otherwise it
// runs them as the current user. The server gets SIGKILL when the thread that started it dies
// (PR_SET_PDEATHSIG), so even a test process that is killed leaves no server behind.
// Every failure is a std::runtime_error carrying the server's log.
class TestPostgresServer {
 public:
  // Tests run with fsync off (their data need not survive a power cut, and syncing costs
  // seconds); a benchmark that compares commits asks for a `durable` server, fsync on.
  explicit TestPostgresServer(bool durable = false);
  TestPostgresServer(const TestPostgresServer&) = delete;
  TestPostgresServer& operator=(const TestPostgresServer&) = delete;
  ~TestPostgresServer();

  [[nodiscard]] int port() const { return m_port; }
  [[nodiscard]] pid_t pid() const { return m_pid; }  // the postmaster
  // "postgresql://kiosk@127.0.0.1:PORT/<database>"; trust authentication, no password.
  [[nodiscard]] std::string url(std::string_view database = "postgres") const;
  // Creates an empty database (name: letters, digits, '_') and returns its url().
  std::string createDatabase(const std::string& name);
  // Where the server's programs are (initdb, postgres, pgbench, psql).
  [[nodiscard]] const std::filesystem::path& binaries() const { return m_bin; }
  // The temporary folder: data/, the server's Unix socket, initdb.log and server.log.
  [[nodiscard]] const std::filesystem::path& folder() const { return m_folder; }
  // Everything the server has logged so far, for a failure message.
  [[nodiscard]] std::string log() const;

  // A server restart as clients meet it: stop() is a fast shutdown (every session cut, as an
  // administrator's restart does), start() brings the same cluster back on the same port and
  // waits until it accepts connections. restart() is both.
  void stop() noexcept { stopServer(); }
  void start();
  void restart() {
    stop();
    start();
  }
  [[nodiscard]] bool running() const { return m_pid > 0; }

 private:
  void initCluster();
  void startServer();  // on a fresh free port, retried when another process takes it first
  void launch();       // the postmaster on m_port
  [[nodiscard]] bool waitUntilAccepting();  // false when the server exited instead
  void stopServer() noexcept;

  std::filesystem::path m_bin;     // initdb, postgres
  std::filesystem::path m_folder;  // data/, the Unix socket, the logs
  uid_t m_uid = 0;                 // who runs initdb and postgres
  gid_t m_gid = 0;
  bool m_switchUser = false;
  bool m_durable = false;
  pid_t m_pid = -1;
  int m_port = 0;
};

}  // namespace kiosk::test
