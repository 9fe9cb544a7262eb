#pragma once
// kiosk_bench's view of processes: its own Xvfb when there is no display, the real kiosk
// started as a child with its standard output on a pipe, and what /proc says about its CPU
// time, wake-ups and memory.
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::bench {

// An Xvfb on the first free display from :90, for as long as this object lives; sets DISPLAY.
class VirtualDisplay {
 public:
  VirtualDisplay();
  ~VirtualDisplay();
  VirtualDisplay(const VirtualDisplay&) = delete;
  VirtualDisplay& operator=(const VirtualDisplay&) = delete;
  [[nodiscard]] const std::string& name() const { return m_name; }

 private:
  pid_t m_pid = -1;
  std::string m_name;
};

// A child process whose standard output is read line by line; killed (SIGTERM) and reaped when
// the object goes.
class ChildProcess {
 public:
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  [[nodiscard]] pid_t pid() const { return m_pid; }
  // The next line starting with `prefix`, or nothing when the child ends or `timeout` passes.
  [[nodiscard]] std::optional<std::string> waitForLine(const std::string& prefix, std::chrono::milliseconds timeout);

 private:
  pid_t m_pid = -1;
  int m_out = -1;
  std::string m_buffer;
};

// What /proc says about a process and all its threads at one moment.
struct ProcessSample {
  std::chrono::steady_clock::time_point at;
  long long cpuTicks = 0;          // utime + stime of the process (/proc/PID/stat), clock ticks
  long long cpuNanoseconds = 0;    // the threads' time on a CPU (/proc/PID/task/*/schedstat)
  long long contextSwitches = 0;   // the threads' voluntary + involuntary switches: wake-ups
  long long residentKiB = 0;       // VmRSS
  int threads = 0;
};
[[nodiscard]] ProcessSample sampleProcess(pid_t pid);

}  // namespace kiosk::bench
