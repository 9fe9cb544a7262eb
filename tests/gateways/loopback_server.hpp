#pragma once
// A server process a test starts on loopback and stops when it goes out of scope: the flaky
// HTTP gateway, the SMTP server, or any program that prints a "ready" line with its port.
#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace kiosk::test {

struct ServerSpec {
  std::string program;             // an absolute path, or a name looked up in PATH
  std::vector<std::string> args;   // after the program name
  std::vector<std::string> env;    // "NAME=value", on top of (replacing) this process's environment
  // The line that says the server listens: this prefix and then its port ("PORT 40123").
  std::string readyPrefix = "PORT ";
  std::chrono::milliseconds startTimeout{20000};
};

// Starts the process in its own process group with stdout and stderr on one pipe, and waits
// for the ready line (std::runtime_error with everything it printed if it exits or stays
// silent instead). Its stdin is a pipe that closes when this object goes: a server that exits
// at end of input (ours do) never outlives a test that crashed. Stopping sends SIGTERM to the
// group, then SIGKILL after a few seconds.
class LoopbackServer {
 public:
  explicit LoopbackServer(ServerSpec spec);
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;
  ~LoopbackServer();

  [[nodiscard]] int port() const { return m_port; }
  [[nodiscard]] pid_t pid() const { return m_pid; }
  // "scheme://127.0.0.1:port" + path.
  [[nodiscard]] std::string url(std::string_view scheme, std::string_view path = "") const;
  // Everything the process has written so far (stdout and stderr), for a failure message.
  [[nodiscard]] std::string output() const;
  void stop();

 private:
  void drain();  // reads the pipe until the process closes it

  pid_t m_pid = -1;
  int m_port = 0;
  int m_stdin = -1;
  int m_output = -1;
  std::thread m_reader;
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  std::string m_text;
  bool m_closed = false;
};

// /usr/bin/python3 running tests/gateways/<script> (the Debian Python, which has aiosmtpd).
[[nodiscard]] ServerSpec pythonServer(const std::string& script, std::vector<std::string> args);

// A self-signed certificate for 127.0.0.1 and localhost (the openssl CLI), written into
// `folder` as cert.pem and key.pem: the servers' --cert/--key, and the client's ca_file.
struct TestCertificate {
  std::filesystem::path cert;
  std::filesystem::path key;
};
[[nodiscard]] TestCertificate makeSelfSignedCertificate(const std::filesystem::path& folder);

// The folder of these scripts: KIOSK_GATEWAY_TEST_DIR, set by tests/gateways/CMakeLists.txt.
[[nodiscard]] std::filesystem::path gatewayTestDir();

}  // namespace kiosk::test
