#pragma once
// Shared pieces of the benchmark programs: realistic intake forms, per-operation latency
// percentiles, process memory, and a reporter that remembers results for ratios.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "workflow/case_number.hpp"
#include "workflow/case_service.hpp"

namespace kiosk::bench {

inline IntakeForm benchForm(std::size_t i) {
  IntakeForm f;
  f.vendor = "apple";
  f.family = i % 2 == 0 ? "mac" : "ipad";
  char serial[32];
  std::snprintf(serial, sizeof serial, "C02B%08zu", i);
  f.serial = serial;
  f.product = "MacBook Pro 14-inch (2023)";
  f.purchased = *parseDate("2024-03-01");
  f.seller = "atea";
  f.customer = "Kari Nordmann " + std::to_string(i);
  char mobile[32];
  std::snprintf(mobile, sizeof mobile, "+479%07zu", i % 10000000);
  f.mobile = mobile;
  f.email = "kari@example.no";
  f.address = "Storgata 1, 0155 Oslo";
  f.fault = "Starter ikke etter oppdatering";
  f.passcode = "246810";
  f.accessories = "Lader";
  f.condition = "Pent brukt";
  f.shelf = "H4";
  return f;
}

// Times each operation on its own so the median (not only the mean) can be reported.
class LatencySamples {
 public:
  template <class Op>
  void time(Op&& op) {
    const auto start = std::chrono::steady_clock::now();
    op();
    m_us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
  }
  void report(benchmark::State& state, const std::string& prefix = "") {
    if (m_us.empty()) return;
    std::sort(m_us.begin(), m_us.end());
    state.counters[prefix + "median_us"] = m_us[m_us.size() / 2];
    state.counters[prefix + "p99_us"] = m_us[std::min(m_us.size() - 1, m_us.size() * 99 / 100)];
  }

 private:
  std::vector<double> m_us;
};

inline double maxResidentMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Prints as the console reporter does and keeps each run's real time per iteration, so main()
// can print ratios between benchmarks measured in the same run.
class RememberingReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs) {
      // "BM_Name", or "BM_Name/0" for a benchmark run with arguments.
      const std::string key =
          run.run_name.function_name + (run.run_name.args.empty() ? "" : "/" + run.run_name.args);
      if (run.run_type == Run::RT_Iteration) m_seconds[key] = run.GetAdjustedRealTime();
      for (const auto& [name, counter] : run.counters) m_counters[key][name] = counter.value;
    }
  }
  [[nodiscard]] double realTime(const std::string& name) const {
    const auto it = m_seconds.find(name);
    return it == m_seconds.end() ? 0.0 : it->second;
  }
  [[nodiscard]] double counter(const std::string& name, const std::string& counter) const {
    const auto it = m_counters.find(name);
    if (it == m_counters.end()) return 0.0;
    const auto c = it->second.find(counter);
    return c == it->second.end() ? 0.0 : c->second;
  }

 private:
  std::map<std::string, double> m_seconds;
  std::map<std::string, std::map<std::string, double>> m_counters;
};

}  // namespace kiosk::bench
