#include "kiosk_bench_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace kiosk::bench {
namespace {

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The number after "Key:" in a /proc status file, or 0.
long long statusField(const std::string& status, const std::string& key) {
  const auto at = status.find(key + ":");
  if (at == std::string::npos) return 0;
  return std::strtoll(status.c_str() + at + key.size() + 1, nullptr, 10);
}

void stop(pid_t pid) {
  if (pid <= 0) return;
  kill(pid, SIGTERM);
  for (int i = 0; i < 200; ++i) {
    if (waitpid(pid, nullptr, WNOHANG) == pid) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
}

}  // namespace

VirtualDisplay::VirtualDisplay() {
  // From :150, clear of the numbers the test suite's screenshot run picks; a display another
  // program takes at the same moment makes our Xvfb exit, and the next number is tried.
  for (int display = 150; display < 250; ++display) {
    const std::string lock = "/tmp/.X" + std::to_string(display) + "-lock";
    const std::string socket = "/tmp/.X11-unix/X" + std::to_string(display);
    if (std::filesystem::exists(lock) || std::filesystem::exists(socket)) continue;
    m_name = ":" + std::to_string(display);
    m_pid = fork();
    if (m_pid == 0) {
      const int null = open("/dev/null", O_WRONLY);
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
      execlp("Xvfb", "Xvfb", m_name.c_str(), "-screen", "0", "1280x800x24", "-nolisten", "tcp", nullptr);
      _exit(127);
    }
    bool exited = false;
    for (int i = 0; i < 500 && !exited && !std::filesystem::exists(socket); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      exited = waitpid(m_pid, nullptr, WNOHANG) == m_pid;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (!exited && waitpid(m_pid, nullptr, WNOHANG) != m_pid && std::filesystem::exists(socket)) {
      setenv("DISPLAY", m_name.c_str(), 1);
      return;
    }
    if (!exited) stop(m_pid);
    m_pid = -1;
  }
  throw std::runtime_error("could not start Xvfb on any display from :150 to :249");
}

VirtualDisplay::~VirtualDisplay() { stop(m_pid); }

ChildProcess::ChildProcess(const std::vector<std::string>& argv) {
  int pipeEnds[2];
  if (pipe(pipeEnds) != 0) throw std::runtime_error("pipe failed");
  m_pid = fork();
  if (m_pid == 0) {
    dup2(pipeEnds[1], STDOUT_FILENO);
    close(pipeEnds[0]);
    close(pipeEnds[1]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(pipeEnds[1]);
  m_out = pipeEnds[0];
}

ChildProcess::~ChildProcess() {
  stop(m_pid);
  if (m_out >= 0) close(m_out);
}

std::optional<std::string> ChildProcess::waitForLine(const std::string& prefix, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    for (auto end = m_buffer.find('\n'); end != std::string::npos; end = m_buffer.find('\n')) {
      std::string line = m_buffer.substr(0, end);
      m_buffer.erase(0, end + 1);
      if (line.rfind(prefix, 0) == 0) return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd fd{m_out, POLLIN, 0};
    if (poll(&fd, 1, static_cast<int>(left.count())) <= 0) continue;
    char chunk[4096];
    const ssize_t n = read(m_out, chunk, sizeof chunk);
    if (n <= 0) return std::nullopt;  // the child closed its output: it ended
    m_buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

ProcessSample sampleProcess(pid_t pid) {
  ProcessSample sample;
  sample.at = std::chrono::steady_clock::now();
  const std::filesystem::path proc = "/proc/" + std::to_string(pid);
  // /proc/PID/stat: the command may hold spaces; fields count from after its closing ')'.
  const std::string stat = readFile(proc / "stat");
  std::istringstream fields(stat.substr(stat.rfind(')') + 2));
  std::string field;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i == 14 || i == 15) sample.cpuTicks += std::stoll(field);  // utime, stime
  }
  sample.residentKiB = statusField(readFile(proc / "status"), "VmRSS");
  std::error_code ec;
  for (const auto& task : std::filesystem::directory_iterator(proc / "task", ec)) {
    ++sample.threads;
    sample.cpuNanoseconds += std::strtoll(readFile(task.path() / "schedstat").c_str(), nullptr, 10);
    const std::string status = readFile(task.path() / "status");
    sample.contextSwitches += statusField(status, "voluntary_ctxt_switches") +
                              statusField(status, "nonvoluntary_ctxt_switches");
  }
  return sample;
}

}  // namespace kiosk::bench
