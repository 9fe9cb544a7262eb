// Several processes on one file, as kiosk and kioskctl run at a service centre: concurrent
// writers all succeed, a case acknowledged to a user survives the writer being killed, and
// outbox relays in several processes send each message once.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <set>
#include <sstream>

#include "store/sqlite_case_store.hpp"
#include "store/sqlite_connection.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/outbox_relay.hpp"

namespace kiosk::test {
namespace {

using SqliteMultiProcessTest = TempDirTest;

// A pipe the children write their acknowledged case numbers to, one line each (shorter than
// PIPE_BUF, so lines from different children never interleave).
class Pipe {
 public:
  Pipe() {
    if (::pipe(m_fds) != 0) throw std::runtime_error("pipe failed");
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  ~Pipe() {
    closeRead();
    closeWrite();
  }
  int readEnd() const { return m_fds[0]; }
  int writeEnd() const { return m_fds[1]; }
  void closeRead() { closeFd(m_fds[0]); }
  void closeWrite() { closeFd(m_fds[1]); }

 private:
  static void closeFd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  int m_fds[2] = {-1, -1};
};

void writeLine(int fd, const std::string& line) {
  const std::string text = line + "\n";
  std::size_t done = 0;
  while (done < text.size()) {
    const auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ::_exit(3);
    done += static_cast<std::size_t>(n);
  }
}

// Reads whole lines until `wanted` have arrived (0: until every writer has closed the pipe).
std::vector<std::string> readLines(int fd, std::size_t wanted, std::string& pending) {
  std::vector<std::string> lines;
  char buffer[512];
  while (wanted == 0 || lines.size() < wanted) {
    const auto n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    pending.append(buffer, static_cast<std::size_t>(n));
    for (auto end = pending.find('\n'); end != std::string::npos; end = pending.find('\n')) {
      lines.push_back(pending.substr(0, end));
      pending.erase(0, end + 1);
    }
  }
  return lines;
}

// Runs `body` in a child process that never returns into the test framework.
template <class F>
pid_t spawn(F&& body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a test that died
    int code = 1;
    try {
      code = body();
    } catch (...) {
      code = 2;
    }
    ::_exit(code);
  }
  return pid;
}

int exitCodeOf(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

// Writes one case after another to `file`, reporting each number once create() has returned
// it. Stops after `cases` (0: until killed).
int writeCases(const std::filesystem::path& file, int writer, int cases, int acks, int go) {
  char start = 0;
  if (go >= 0 && ::read(go, &start, 1) != 1) return 4;  // wait so that all start together
  auto store = SqliteCaseStore::open(file);
  if (!store) {
    writeLine(acks, "ERROR open: " + store.error().message);
    return 1;
  }
  for (int i = 0; cases == 0 || i < cases; ++i) {
    const auto c = (*store)->create(draftCase("W" + std::to_string(writer) + "-" + std::to_string(i)));
    if (!c) {
      writeLine(acks, "ERROR create: " + c.error().message);
      return 1;
    }
    writeLine(acks, c->number);
  }
  return 0;
}

TEST_F(SqliteMultiProcessTest, ConcurrentWritersOnANewFileAllSucceed) {
  constexpr int kWriters = 4;
  constexpr int kCasesEach = 25;
  Pipe acks;
  Pipe go;
  std::vector<pid_t> children;
  for (int w = 0; w < kWriters; ++w) {
    children.push_back(spawn([&] {
      acks.closeRead();
      go.closeWrite();
      return writeCases(dbFile(), w, kCasesEach, acks.writeEnd(), go.readEnd());
    }));
    ASSERT_GT(children.back(), 0);
  }
  acks.closeWrite();
  go.closeRead();
  // Release them at once: they race to create the file, migrate it and write.
  const std::string release(kWriters, 'g');
  ASSERT_EQ(::write(go.writeEnd(), release.data(), release.size()), static_cast<ssize_t>(release.size()));

  std::string pending;
  const auto lines = readLines(acks.readEnd(), 0, pending);
  for (const pid_t child : children) EXPECT_EQ(exitCodeOf(child), 0);

  std::set<std::string> numbers;
  for (const auto& line : lines) {
    EXPECT_EQ(line.rfind("ERROR", 0), std::string::npos) << line;
    numbers.insert(line);
  }
  EXPECT_EQ(lines.size(), static_cast<std::size_t>(kWriters * kCasesEach));
  EXPECT_EQ(numbers.size(), lines.size()) << "every case number is unique";

  auto store = SqliteCaseStore::open(dbFile());
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ(*(*store)->count(), static_cast<std::size_t>(kWriters * kCasesEach));
  for (const auto& number : numbers) EXPECT_TRUE((*store)->load(number)) << number;
  // Sequences are dense: no number was skipped or handed out twice.
  CaseQuery all;
  all.includeClosed = true;
  std::set<std::uint64_t> sequences;
  const auto listed = (*store)->list(all);
  ASSERT_TRUE(listed) << listed.error().message;
  for (const auto& c : *listed) sequences.insert(c.sequence);
  ASSERT_EQ(sequences.size(), static_cast<std::size_t>(kWriters * kCasesEach));
  EXPECT_EQ(*sequences.begin(), 1U);
  EXPECT_EQ(*sequences.rbegin(), static_cast<std::uint64_t>(kWriters * kCasesEach));
}

TEST_F(SqliteMultiProcessTest, AcknowledgedCasesSurviveKillNine) {
  constexpr int kWriters = 3;
  constexpr int kRounds = 3;
  constexpr std::size_t kAcksBeforeKill = 30;
  ASSERT_TRUE(SqliteCaseStore::open(dbFile()));

  std::set<std::string> acknowledged;
  for (int round = 0; round < kRounds; ++round) {
    Pipe acks;
    std::vector<pid_t> children;
    for (int w = 0; w < kWriters; ++w) {
      const int writer = round * kWriters + w;
      children.push_back(spawn([&] {
        acks.closeRead();
        return writeCases(dbFile(), writer, 0, acks.writeEnd(), -1);
      }));
      ASSERT_GT(children.back(), 0);
    }
    acks.closeWrite();
    std::string pending;
    auto lines = readLines(acks.readEnd(), kAcksBeforeKill, pending);
    // The children are still writing: kill them wherever they are, mid-transaction or not.
    for (const pid_t child : children) ::kill(child, SIGKILL);
    for (const pid_t child : children) EXPECT_EQ(exitCodeOf(child), 128 + SIGKILL) << "writer stopped early";
    // Numbers acknowledged before the kill may still be in the pipe.
    const auto rest = readLines(acks.readEnd(), 0, pending);
    lines.insert(lines.end(), rest.begin(), rest.end());
    ASSERT_GE(lines.size(), kAcksBeforeKill);
    for (const auto& line : lines) {
      ASSERT_EQ(line.rfind("ERROR", 0), std::string::npos) << line;
      acknowledged.insert(line);
    }

    auto store = SqliteCaseStore::open(dbFile());
    ASSERT_TRUE(store) << store.error().message;
    for (const auto& number : acknowledged) {
      const auto loaded = (*store)->load(number);
      EXPECT_TRUE(loaded) << "acknowledged case " << number << " lost in round " << round;
    }
    EXPECT_GE(*(*store)->count(), acknowledged.size());
  }

  SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
  EXPECT_EQ(db.queryText("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(db.queryInteger("SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

// A gateway in a relay process: every send is one line on the pipe, the message's reference.
class PipeNotifier final : public Notifier {
 public:
  explicit PipeNotifier(int fd) : m_fd(fd) {}
  [[nodiscard]] bool configured(std::string_view) const override { return true; }
  SendOutcome send(const OutboxMessage& message) override {
    writeLine(m_fd, message.reference);
    return {SendResult::Delivered, "250 OK"};
  }

 private:
  int m_fd;
};

// One relay process: passes until a pass claims nothing.
int relayUntilEmpty(const std::filesystem::path& file, int relay, int sends, int go) {
  char start = 0;
  if (::read(go, &start, 1) != 1) return 4;
  auto store = SqliteCaseStore::open(file);
  if (!store) return 1;
  PipeNotifier gateway(sends);
  OutboxRelay r(**store, gateway, RelayPolicy{}, [] { return std::int64_t{1'000}; }, [] { return 0.5; },
                "relay-process-" + std::to_string(relay));
  for (;;) {
    const auto pass = r.runOnce();
    if (!pass) return 1;
    if (pass->lostClaims > 0 || pass->storeErrors > 0) return 3;
    if (pass->claimed == 0) return 0;
  }
}

TEST_F(SqliteMultiProcessTest, RelaysInThreeProcessesSendEachMessageOnce) {
  constexpr int kRelays = 3;
  constexpr int kCases = 60;
  {
    auto store = SqliteCaseStore::open(dbFile());
    ASSERT_TRUE(store) << store.error().message;
    for (int i = 0; i < kCases; ++i) {
      RepairCase draft = draftCase("R" + std::to_string(i));
      for (const char* channel : {"sms", "email"}) {
        OutboxMessage m;
        m.channel = channel;
        m.to = "kari@example.no";
        m.text = "Sak {number}";
        draft.newMessages.push_back(m);
      }
      ASSERT_TRUE((*store)->create(draft));
    }
  }  // closed before fork: a SQLite connection must not cross into a child
  Pipe sends;
  Pipe go;
  std::vector<pid_t> children;
  for (int r = 0; r < kRelays; ++r) {
    children.push_back(spawn([&] {
      sends.closeRead();
      go.closeWrite();
      return relayUntilEmpty(dbFile(), r, sends.writeEnd(), go.readEnd());
    }));
    ASSERT_GT(children.back(), 0);
  }
  sends.closeWrite();
  go.closeRead();
  const std::string release(kRelays, 'g');
  ASSERT_EQ(::write(go.writeEnd(), release.data(), release.size()), static_cast<ssize_t>(release.size()));
  std::string pending;
  const auto lines = readLines(sends.readEnd(), 0, pending);
  for (const pid_t child : children) EXPECT_EQ(exitCodeOf(child), 0);
  const std::set<std::string> references(lines.begin(), lines.end());
  EXPECT_EQ(lines.size(), static_cast<std::size_t>(2 * kCases));
  EXPECT_EQ(references.size(), lines.size()) << "a reference was sent twice";
  auto store = SqliteCaseStore::open(dbFile());
  ASSERT_TRUE(store);
  OutboxQuery delivered;
  delivered.status = OutboxStatus::Delivered;
  EXPECT_EQ((*store)->listOutbox(delivered)->size(), static_cast<std::size_t>(2 * kCases));
}

}  // namespace
}  // namespace kiosk::test
