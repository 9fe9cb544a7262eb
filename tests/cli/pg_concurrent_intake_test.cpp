// Intake from several kioskctl processes at once on one PostgreSQL database while the server is
// restarted under them (issue 7's held-out check): every case a process acknowledged (printed
// its number, exit 0) is there afterwards, numbers are unique, and no case is stored twice.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
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
  // One `kioskctl case new` as a process of its own; its output goes to files.
  Intake intake(const std::string& serial, const std::filesystem::path& work) {
    Intake result;
    result.serial = serial;
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
    if (spawned != 0) {
      result.err = "posix_spawn failed";
      return result;
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    const std::string out = slurp(outFile);
    result.number = out.substr(0, out.find('\n'));
    result.err = slurp(errFile);
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
  // Two restarts while the writers go: after a sixth of the intakes and again at two thirds.
  // A fast shutdown cuts every session, in the middle of whatever each was doing.
  int restarts = 0;
  for (const int after : {kWriters * kRounds / 6, kWriters * kRounds * 2 / 3}) {
    while (finished.load() < after) std::this_thread::sleep_for(20ms);
    cliPostgres().restart();
    ++restarts;
  }
  for (auto& t : writers) t.join();
  ASSERT_EQ(restarts, 2);

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
  for (const auto& c : list.json()) {
    EXPECT_TRUE(serialOf.emplace(c["number"], c["serial"]).second) << "number twice: " << c["number"];
    serials.insert(c["serial"].get<std::string>());
  }
  for (const Intake& i : acked) {
    const auto found = serialOf.find(i.number);
    ASSERT_NE(found, serialOf.end()) << "acknowledged but missing: " << i.number << " (" << i.serial << ")";
    EXPECT_EQ(found->second, i.serial) << i.number;
  }
  for (const auto& s : serials) EXPECT_EQ(serials.count(s), 1u) << "stored twice: " << s;
  std::set<std::string> numbers;
  for (const Intake& i : acked) EXPECT_TRUE(numbers.insert(i.number).second) << "acknowledged twice: " << i.number;
  EXPECT_EQ(serialOf.size(), acked.size()) << "no case beyond the acknowledged ones";
}

}  // namespace
}  // namespace kiosk::test
