// Intake from several kioskctl processes at once on one PostgreSQL database while the server is
// restarted under them (issue 7's held-out check), and others killed mid-intake: every case a
// process acknowledged (printed its number, exit 0) is there afterwards, numbers are unique, and
// no case is stored twice.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "cli_harness.hpp"

extern char** environ;

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

struct Intake {
  std::string serial;
  int code = -1;
  std::string number;  // what it printed
  std::string err;
};

std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class PgConcurrentIntakeTest : public CliTest {
 protected:
  // Starts one `kioskctl case new` as a process of its own, its output going to files; -1 when
  // it could not be started.
  pid_t spawnIntake(const std::string& serial, const std::filesystem::path& work) {
    const auto outFile = work / (serial + ".out");
    const auto errFile = work / (serial + ".err");
    std::vector<std::string> args = {KIOSKCTL_BINARY, "--db-url", dbUrl, "--assets", assets, "--staff", "writer",
                                     "case", "new", "--vendor", "apple", "--family", "mac", "--serial", serial,
                                     "--product", "MacBook Pro", "--purchased", "2024-03-01", "--seller", "atea",
                                     "--customer", "Kari Nordmann", "--mobile", "91234567", "--address",
                                     "Storgata 1, Oslo", "--fault", "Starter ikke"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&files, 2, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, KIOSKCTL_BINARY, &files, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    return spawned == 0 ? pid : -1;
  }

  static int waitFor(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  // One intake, waited for: its exit code and what it printed.
  Intake intake(const std::string& serial, const std::filesystem::path& work) {
    Intake result;
    result.serial = serial;
    const pid_t pid = spawnIntake(serial, work);
    if (pid < 0) {
      result.err = "posix_spawn failed";
      return result;
    }
    result.code = waitFor(pid);
    const std::string out = slurp(work / (serial + ".out"));
    result.number = out.substr(0, out.find('\n'));
    result.err = slurp(work / (serial + ".err"));
    return result;
  }
};

TEST_F(PgConcurrentIntakeTest, EveryAcknowledgedCaseSurvivesServerRestartsAndNumbersAreUnique) {
  constexpr int kWriters = 4;
  constexpr int kRounds = 12;
  const auto work = std::filesystem::path(db).parent_path();
  std::vector<std::vector<Intake>> done(kWriters);
  std::atomic<int> finished{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < kRounds; ++i) {
        char serial[32];
        std::snprintf(serial, sizeof serial, "W%dN%04d", w, i);
        done[static_cast<std::size_t>(w)].push_back(intake(serial, work));
        ++finished;
      }
    });
  }
  // Meanwhile other intakes are killed with SIGKILL at a random moment, from before the store is
  // opened to after the commit: whatever they leave must not harm the acknowledged ones.
  std::atomic<bool> stop{false};
  std::atomic<int> victims{0};
  std::thread killer([&] {
    std::mt19937 random(20261124);
    std::uniform_int_distribution<int> pauseMs(1, 300);
    while (!stop.load()) {
      char serial[32];
      std::snprintf(serial, sizeof serial, "VICTIM%05d", victims.load());
      const pid_t pid = spawnIntake(serial, work);
      if (pid < 0) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs(random)));
      ::kill(pid, SIGKILL);
      waitFor(pid);
      ++victims;
    }
  });
  // Two restarts while the writers go: after a sixth of the intakes and again at two thirds.
  // A fast shutdown cuts every session, in the middle of whatever each was doing.
  int restarts = 0;
  for (const int after : {kWriters * kRounds / 6, kWriters * kRounds * 2 / 3}) {
    while (finished.load() < after) std::this_thread::sleep_for(20ms);
    const pid_t before = cliPostgres().pid();
    const auto started = std::chrono::steady_clock::now();
    cliPostgres().restart();
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    EXPECT_NE(cliPostgres().pid(), before) << "a new postmaster";
    // Intakes that start while it is down wait for it (kioskctl gives a server 5 s to come back).
    EXPECT_LT(took, 5s) << "the restart itself took longer than kioskctl waits for a server";
    ++restarts;
  }
  for (auto& t : writers) t.join();
  stop = true;
  killer.join();
  ASSERT_EQ(restarts, 2);
  EXPECT_GT(victims.load(), 0);

  std::vector<Intake> acked;
  for (const auto& writer : done) {
    for (const Intake& i : writer) {
      EXPECT_EQ(i.code, 0) << i.serial << " failed: " << i.err;
      if (i.code == 0) acked.push_back(i);
    }
  }
  EXPECT_EQ(acked.size(), static_cast<std::size_t>(kWriters * kRounds)) << "a restart must not fail an intake";

  const CliRun list = run({"case", "list", "--all", "--json", "--limit", "0"});
  ASSERT_EQ(list.code, 0) << list.err;
  std::map<std::string, std::string> serialOf;  // number -> serial
  std::multiset<std::string> serials;
  std::size_t writersCases = 0;
  for (const auto& c : list.json()) {
    EXPECT_TRUE(serialOf.emplace(c["number"], c["serial"]).second) << "number twice: " << c["number"];
    serials.insert(c["serial"].get<std::string>());
    writersCases += c["serial"].get<std::string>().rfind("VICTIM", 0) == 0 ? 0U : 1U;
  }
  for (const Intake& i : acked) {
    const auto found = serialOf.find(i.number);
    ASSERT_NE(found, serialOf.end()) << "acknowledged but missing: " << i.number << " (" << i.serial << ")";
    EXPECT_EQ(found->second, i.serial) << i.number;
  }
  for (const auto& s : serials) EXPECT_EQ(serials.count(s), 1u) << "stored twice: " << s;
  std::set<std::string> numbers;
  for (const Intake& i : acked) EXPECT_TRUE(numbers.insert(i.number).second) << "acknowledged twice: " << i.number;
  EXPECT_EQ(writersCases, acked.size()) << "no writer's case beyond the acknowledged ones";
}

}  // namespace
}  // namespace kiosk::test
