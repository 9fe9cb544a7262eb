#include "support/postgres_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

extern char** environ;

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string errnoText(const std::string& what) { return what + ": " + std::strerror(errno); }

std::string readText(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "15" -> 15; a folder name that is not a number sorts first.
int versionOf(const fs::path& versionFolder) {
  const std::string name = versionFolder.filename().string();
  char* end = nullptr;
  const long version = std::strtol(name.c_str(), &end, 10);
  return end != name.c_str() && *end == '\0' ? static_cast<int>(version) : -1;
}

// Debian keeps initdb and postgres off PATH, in /usr/lib/postgresql/<major>/bin: the highest
// major installed. Elsewhere, the folder of an initdb on PATH.
fs::path findServerBinaries() {
  fs::path best;
  int bestVersion = -1;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const fs::path bin = entry.path() / "bin";
    if (versionOf(entry.path()) > bestVersion && fs::exists(bin / "initdb") && fs::exists(bin / "postgres")) {
      best = bin;
      bestVersion = versionOf(entry.path());
    }
  }
  if (!best.empty()) return best;
  if (const char* path = std::getenv("PATH")) {
    std::istringstream folders(path);
    for (std::string folder; std::getline(folders, folder, ':');) {
      if (!folder.empty() && fs::exists(fs::path(folder) / "initdb") && fs::exists(fs::path(folder) / "postgres")) {
        return folder;
      }
    }
  }
  throw std::runtime_error(
      "PostgreSQL server programs (initdb, postgres) not found in /usr/lib/postgresql/*/bin or on PATH; "
      "scripts/install-deps installs Debian's postgresql package");
}

int freeLoopbackPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error(errnoText("socket"));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    const std::string error = errnoText("bind 127.0.0.1:0");
    ::close(fd);
    throw std::runtime_error(error);
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

struct Identity {
  bool switchUser = false;
  uid_t uid = 0;
  gid_t gid = 0;
};

// Starts argv[0] with stdout and stderr appended to `logFile`, in its own process group (so
// a stop reaches its children too), in `folder`, as `who`. Only async-signal-safe calls
// between fork and exec: the test process may have other threads.
pid_t spawn(const std::vector<std::string>& args, const fs::path& folder, const fs::path& logFile,
            const Identity& who) {
  std::vector<std::string> argv = args;
  std::vector<char*> argvPointers;
  for (auto& arg : argv) argvPointers.push_back(arg.data());
  argvPointers.push_back(nullptr);
  const std::string directory = folder.string();
  const int log = ::open(logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log < 0) throw std::runtime_error(errnoText("open " + logFile.string()));
  const int nothing = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (nothing < 0) {
    ::close(log);
    throw std::runtime_error(errnoText("open /dev/null"));
  }
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) {
    static constexpr char failed[] = "test postgres: could not change user, directory or start the program\n";
    ::setpgid(0, 0);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::dup2(nothing, 0);
    ::dup2(log, 1);
    ::dup2(log, 2);
    bool ok = true;
    if (who.switchUser) {
      ok = ::setgroups(1, &who.gid) == 0 && ::setgid(who.gid) == 0 && ::setuid(who.uid) == 0;
    }
    // After the user change, which would clear it: the server dies with the thread that started it.
    ok = ok && ::prctl(PR_SET_PDEATHSIG, SIGKILL) == 0 && ::getppid() == parent;
    ok = ok && ::chdir(directory.c_str()) == 0;
    if (ok) ::execve(argvPointers[0], argvPointers.data(), environ);
    [[maybe_unused]] const auto written = ::write(2, failed, sizeof failed - 1);
    ::_exit(127);
  }
  const int forkError = errno;
  ::close(log);
  ::close(nothing);
  if (pid < 0) throw std::runtime_error("fork: " + std::string(std::strerror(forkError)));
  return pid;
}

std::string exitText(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "was killed by signal " + std::to_string(WTERMSIG(status));
  return "stopped";
}

bool isDatabaseName(const std::string& name) {
  return !name.empty() && name.size() < 64 && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

}  // namespace

TestPostgresServer::TestPostgresServer(bool durable) : m_bin(findServerBinaries()), m_durable(durable) {
  if (::geteuid() == 0) {
    const passwd* user = ::getpwnam("postgres");
    if (user == nullptr) {
      throw std::runtime_error(
          "running as root, and PostgreSQL refuses root: no `postgres` user to run it as "
          "(Debian's postgresql package creates it)");
    }
    m_switchUser = true;
    m_uid = user->pw_uid;
    m_gid = user->pw_gid;
  }
  std::string pattern = (fs::temp_directory_path() / "kiosk-pg-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error(errnoText("mkdtemp " + pattern));
  m_folder = pattern;
  try {
    if (m_switchUser && ::chown(m_folder.c_str(), m_uid, m_gid) != 0) {
      throw std::runtime_error(errnoText("chown " + m_folder.string() + " to postgres"));
    }
    initCluster();
    startServer();
  } catch (...) {
    stopServer();
    std::error_code ignored;
    fs::remove_all(m_folder, ignored);
    throw;
  }
}

TestPostgresServer::~TestPostgresServer() {
  stopServer();
  std::error_code ignored;
  fs::remove_all(m_folder, ignored);
}

void TestPostgresServer::initCluster() {
  const fs::path logFile = m_folder / "initdb.log";
  const pid_t pid = spawn({(m_bin / "initdb").string(), "-D", (m_folder / "data").string(), "-A", "trust", "-U",
                           "kiosk", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"},
                          m_folder, logFile, {m_switchUser, m_uid, m_gid});
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string hint;
    if (m_switchUser) hint = " (the postgres user must be able to reach " + m_folder.string() + ")";
    throw std::runtime_error("initdb " + exitText(status) + hint + "; its output:\n" + readText(logFile));
  }
}

void TestPostgresServer::startServer() {
  // Between finding a free port and the server binding it, another process may take it:
  // the server then exits saying so, and it gets another.
  constexpr int attempts = 5;
  for (int attempt = 1;; ++attempt) {
    m_port = freeLoopbackPort();
    launch();
    if (waitUntilAccepting()) return;
    const std::string text = log();
    if (attempt < attempts && text.find("could not bind") != std::string::npos) continue;
    throw std::runtime_error("postgres exited before accepting connections on 127.0.0.1:" + std::to_string(m_port) +
                             "; its log:\n" + text);
  }
}

void TestPostgresServer::launch() {
  std::vector<std::string> args = {(m_bin / "postgres").string(), "-D", (m_folder / "data").string(), "-k",
                                   m_folder.string(), "-c", "listen_addresses=127.0.0.1", "-p", std::to_string(m_port)};
  if (!m_durable) {
    args.push_back("-c");
    args.push_back("fsync=off");
  }
  m_pid = spawn(args, m_folder, m_folder / "server.log", {m_switchUser, m_uid, m_gid});
}

void TestPostgresServer::start() {
  if (m_pid > 0) return;
  // The port was ours a moment ago; another process may take it meanwhile, and then the clients
  // that wait for this server could not find it again, so that is an error, not a new port.
  launch();
  if (!waitUntilAccepting()) {
    throw std::runtime_error("postgres did not come back on 127.0.0.1:" + std::to_string(m_port) + "; its log:\n" +
                             log());
  }
}

bool TestPostgresServer::waitUntilAccepting() {
  const std::string conninfo = url() + "?connect_timeout=2";
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  while (true) {
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
      m_pid = -1;
      return false;
    }
    if (PQping(conninfo.c_str()) == PQPING_OK) return true;
    if (Clock::now() > deadline) {
      throw std::runtime_error("postgres on 127.0.0.1:" + std::to_string(m_port) +
                               " did not accept connections within 30 s; its log:\n" + log());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

void TestPostgresServer::stopServer() noexcept {
  if (m_pid <= 0) return;
  // SIGINT is PostgreSQL's fast shutdown: sessions are cut, the server exits cleanly.
  ::kill(m_pid, SIGINT);
  int status = 0;
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (::waitpid(m_pid, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      ::kill(-m_pid, SIGKILL);
      ::waitpid(m_pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  m_pid = -1;
}

std::string TestPostgresServer::url(std::string_view database) const {
  return "postgresql://kiosk@127.0.0.1:" + std::to_string(m_port) + "/" + std::string(database);
}

std::string TestPostgresServer::createDatabase(const std::string& name) {
  if (!isDatabaseName(name)) {
    throw std::invalid_argument("database name \"" + name + "\": use lower-case letters, digits and '_'");
  }
  const std::unique_ptr<PGconn, decltype(&PQfinish)> connection(PQconnectdb(url().c_str()), &PQfinish);
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    throw std::runtime_error("cannot connect to the test server: " + std::string(PQerrorMessage(connection.get())));
  }
  const std::unique_ptr<PGresult, decltype(&PQclear)> result(
      PQexec(connection.get(), ("CREATE DATABASE \"" + name + "\"").c_str()), &PQclear);
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    throw std::runtime_error("CREATE DATABASE " + name + ": " + std::string(PQerrorMessage(connection.get())));
  }
  return url(name);
}

std::string TestPostgresServer::log() const { return readText(m_folder / "server.log"); }

}  // namespace kiosk::test
