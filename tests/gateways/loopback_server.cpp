#include "gateways/loopback_server.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <stdexcept>

extern char** environ;

namespace kiosk::test {
namespace {

std::vector<std::string> mergedEnvironment(const std::vector<std::string>& overrides) {
  std::map<std::string, std::string> entries;
  const auto add = [&](const std::string& entry) {
    const auto equals = entry.find('=');
    entries[entry.substr(0, equals)] = entry;
  };
  for (char** e = environ; *e != nullptr; ++e) add(*e);
  for (const auto& entry : overrides) add(entry);
  std::vector<std::string> merged;
  for (auto& [name, entry] : entries) merged.push_back(std::move(entry));
  return merged;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

void closeFd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

LoopbackServer::LoopbackServer(ServerSpec spec) {
  int input[2];
  int output[2];
  if (::pipe2(input, O_CLOEXEC) != 0) throw std::runtime_error("pipe: " + std::string(std::strerror(errno)));
  if (::pipe2(output, O_CLOEXEC) != 0) {
    ::close(input[0]);
    ::close(input[1]);
    throw std::runtime_error("pipe: " + std::string(std::strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, input[0], 0);
  posix_spawn_file_actions_adddup2(&actions, output[1], 1);
  posix_spawn_file_actions_adddup2(&actions, output[1], 2);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // Its own process group: stop() signals the server and anything it started.
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&attributes, 0);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGTERM);
  posix_spawnattr_setsigdefault(&attributes, &defaults);

  std::vector<std::string> argv{spec.program};
  argv.insert(argv.end(), spec.args.begin(), spec.args.end());
  std::vector<std::string> envp = mergedEnvironment(spec.env);
  auto argvPointers = pointers(argv);
  auto envPointers = pointers(envp);
  const int spawned = ::posix_spawnp(&m_pid, spec.program.c_str(), &actions, &attributes, argvPointers.data(),
                                     envPointers.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(input[0]);
  ::close(output[1]);
  m_stdin = input[1];
  m_output = output[0];
  if (spawned != 0) {
    m_pid = -1;
    closeFd(m_stdin);
    closeFd(m_output);
    throw std::runtime_error("cannot start " + spec.program + ": " + std::strerror(spawned));
  }
  m_reader = std::thread([this] { drain(); });

  std::unique_lock lock(m_mutex);
  const auto deadline = std::chrono::steady_clock::now() + spec.startTimeout;
  while (true) {
    // The ready line: the prefix at a line start, then the port, then the line's end.
    for (std::size_t at = 0; at < m_text.size();) {
      const auto end = m_text.find('\n', at);
      if (end == std::string::npos) break;
      const std::string_view line = std::string_view(m_text).substr(at, end - at);
      if (line.substr(0, spec.readyPrefix.size()) == spec.readyPrefix) {
        m_port = std::stoi(std::string(line.substr(spec.readyPrefix.size())));
        return;
      }
      at = end + 1;
    }
    if (m_closed || m_changed.wait_until(lock, deadline) == std::cv_status::timeout) break;
  }
  const std::string text = m_text;
  const bool closed = m_closed;
  lock.unlock();
  stop();
  throw std::runtime_error(spec.program + (closed ? " exited" : " did not say it was ready") +
                           " before printing \"" + spec.readyPrefix + "<port>\"; it printed:\n" + text);
}

LoopbackServer::~LoopbackServer() { stop(); }

void LoopbackServer::drain() {
  char buffer[4096];
  while (true) {
    const ssize_t n = ::read(m_output, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    std::lock_guard lock(m_mutex);
    if (n <= 0) {
      m_closed = true;
      m_changed.notify_all();
      return;
    }
    m_text.append(buffer, static_cast<std::size_t>(n));
    m_changed.notify_all();
  }
}

void LoopbackServer::stop() {
  closeFd(m_stdin);
  if (m_pid > 0) {
    ::kill(-m_pid, SIGTERM);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (::waitpid(m_pid, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(-m_pid, SIGKILL);
        ::waitpid(m_pid, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    m_pid = -1;
  }
  if (m_reader.joinable()) m_reader.join();
  closeFd(m_output);
}

std::string LoopbackServer::url(std::string_view scheme, std::string_view path) const {
  return std::string(scheme) + "://127.0.0.1:" + std::to_string(m_port) + std::string(path);
}

std::string LoopbackServer::output() const {
  std::lock_guard lock(m_mutex);
  return m_text;
}

ServerSpec pythonServer(const std::string& script, std::vector<std::string> args) {
  ServerSpec spec;
  spec.program = "/usr/bin/python3";
  spec.args.push_back((gatewayTestDir() / script).string());
  spec.args.insert(spec.args.end(), args.begin(), args.end());
  spec.env.push_back("PYTHONUNBUFFERED=1");
  spec.env.push_back("PYTHONDONTWRITEBYTECODE=1");
  return spec;
}

TestCertificate makeSelfSignedCertificate(const std::filesystem::path& folder) {
  TestCertificate made{folder / "cert.pem", folder / "key.pem"};
  const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost"
                              " -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout '" +
                              made.key.string() + "' -out '" + made.cert.string() + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl could not make a certificate: " + command);
  return made;
}

std::filesystem::path gatewayTestDir() { return KIOSK_GATEWAY_TEST_DIR; }

}  // namespace kiosk::test
