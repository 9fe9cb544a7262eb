// The kiosk on the shared PostgreSQL store, headless, against one throwaway server for the whole
// binary: another station's changes show without asking; a server that goes away shows as
// "offline" above every screen, which keep what they loaded, until it is back and they refresh;
// and a step on a case another station changed first says so and shows the case as it now is.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <chrono>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>

#include "headless_kiosk.hpp"
#include "kiosk/screens/case_screen.hpp"
#include "kiosk/screens/queue_screen.hpp"
#include "kiosk/ui/widgets.hpp"
#include "store/pg_case_store.hpp"
#include "support/postgres_server.hpp"
#include "support/sample_intake.hpp"
#include "support/scratch_passcode_vault.hpp"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

// How long a test drives frames for what it waits for before it fails: far more than the
// kiosk's 250 ms look, so a slow sanitizer build on a busy machine does not fail it.
constexpr auto kPatience = 30s;

// A plain libpq session for what no station does: hold an advisory lock, read pg_locks, add a
// test's trigger.
class RawSession {
 public:
  explicit RawSession(const std::string& url) : m_conn(PQconnectdb(url.c_str())) {
    if (PQstatus(m_conn) != CONNECTION_OK) {
      const std::string message = PQerrorMessage(m_conn);
      PQfinish(m_conn);
      throw std::runtime_error(message);
    }
  }
  ~RawSession() { PQfinish(m_conn); }
  RawSession(const RawSession&) = delete;
  RawSession& operator=(const RawSession&) = delete;

  // The first value of the first row ("" when there is none); throws on an error.
  std::string value(const std::string& sql) {
    PGresult* result = PQexec(m_conn, sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      const std::string message = PQerrorMessage(m_conn);
      PQclear(result);
      throw std::runtime_error(sql + ": " + message);
    }
    std::string first = PQntuples(result) > 0 ? PQgetvalue(result, 0, 0) : "";
    PQclear(result);
    return first;
  }

 private:
  PGconn* m_conn;
};

// Another station on the same database: its own connection, its own workflow service, and a
// passcode key of its own (the sample intake gives a passcode, which is sealed before it is stored).
struct OtherStation {
  explicit OtherStation(const std::string& url)
      : store(opened(PgCaseStore::open(url))),
        vendors(opened(VendorCatalog::load(std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors"))),
        service(*store, vendors, nullptr, &vault) {}

  template <class T>
  static T opened(Result<T> result) {
    if (!result) throw std::runtime_error(result.error().message);
    return std::move(*result);
  }

  std::unique_ptr<PgCaseStore> store;
  VendorCatalog vendors;
  test::ScratchPasscodeVault vault;
  CaseService service;
};

CaseScreen& caseScreen(HeadlessKiosk& kiosk) {
  auto* screen = kiosk.screenAs<CaseScreen>();
  if (screen == nullptr) throw std::runtime_error("the case screen is not showing");
  return *screen;
}

QueueScreen& queueScreen(HeadlessKiosk& kiosk) {
  auto* screen = kiosk.screenAs<QueueScreen>();
  if (screen == nullptr) throw std::runtime_error("the queue is not showing");
  return *screen;
}

// Frames, never waiting for the backend (its worker may be held up on purpose), until `done`;
// false when kPatience ran out first.
template <class Done>
bool framesUntil(HeadlessKiosk& kiosk, Done done) {
  const auto giveUp = std::chrono::steady_clock::now() + kPatience;
  while (!done()) {
    if (std::chrono::steady_clock::now() > giveUp) return false;
    std::this_thread::sleep_for(10ms);
    kiosk.frame();
  }
  return true;
}

std::string text(HeadlessKiosk& kiosk, std::string_view key) { return kiosk.ctx().t()(key); }

class KioskOnPostgres : public ::testing::Test {
 protected:
  // initdb costs about a second: one server serves every test of the binary.
  static void SetUpTestSuite() { s_server = std::make_unique<TestPostgresServer>(); }
  static void TearDownTestSuite() { s_server.reset(); }

  void SetUp() override { m_url = s_server->createDatabase("kiosk_ui_" + std::to_string(++s_databases)); }
  void TearDown() override {
    if (!s_server->running()) s_server->start();  // a failed offline test leaves it up for the next
  }

  // The kiosk as `kiosk --db-url` runs it: opened through openStore, looking every 250 ms.
  [[nodiscard]] HeadlessOptions onServer() const {
    HeadlessOptions options;
    options.databaseUrl = m_url;
    options.watchInterval = BackendConfig{}.watchInterval;
    return options;
  }

  static inline std::unique_ptr<TestPostgresServer> s_server;
  static inline int s_databases = 0;
  std::string m_url;
};

TEST_F(KioskOnPostgres, SettingsNameTheServerWithoutAPassword) {
  HeadlessKiosk kiosk(onServer());
  EXPECT_EQ(kiosk.backend().databaseLocation(), m_url);  // the test server's URL has no password
  kiosk.ui().show(ScreenId::Settings);
  kiosk.settle();
  EXPECT_TRUE(kiosk.backend().online());
}

TEST_F(KioskOnPostgres, AnotherStationsNewCaseAndStepShowWithoutAsking) {
  HeadlessKiosk kiosk(onServer());
  OtherStation other(m_url);
  kiosk.settle();
  ASSERT_EQ(queueScreen(kiosk).rowCount(), std::optional<std::size_t>(0));

  const auto created = other.service.registerCase(macIntake(), Actor{"Skranke 2", kiosk.clock().now()});
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_TRUE(framesUntil(kiosk, [&] { return queueScreen(kiosk).rowCount() == std::optional<std::size_t>(1); }))
      << "the queue never showed the case another station registered";

  kiosk.scan(created->number);
  kiosk.settle();
  ASSERT_TRUE(caseScreen(kiosk).shownCase().has_value());
  ASSERT_EQ(caseScreen(kiosk).shownCase()->status, CaseStatus::Registered);
  ASSERT_TRUE(other.service.diagnose(created->number, "board", Damage::None, Actor{"Benk 2", kiosk.clock().now()}));
  EXPECT_TRUE(framesUntil(kiosk, [&] { return caseScreen(kiosk).shownCase()->status == CaseStatus::Diagnosed; }))
      << "the case screen never showed the other station's diagnosis";
  EXPECT_EQ(caseScreen(kiosk).shownCase()->events.back().staff, "Benk 2");
}

TEST_F(KioskOnPostgres, AServerThatGoesAwayShowsOfflineUntilItIsBackAndTheScreensRefresh) {
  HeadlessOptions options = onServer();
  // A write while the server is down is retried for half a minute in the kiosk (a restart
  // usually takes less); here it gives up sooner, so the test sees the step fail.
  options.pgRetry = PgRetryPolicy{1, 1500};
  HeadlessKiosk kiosk(options);
  OtherStation other(m_url);
  const auto first = other.service.registerCase(macIntake(), Actor{"Skranke 2", kiosk.clock().now()});
  const auto second = other.service.registerCase(lenovoIntake(), Actor{"Skranke 2", kiosk.clock().now()});
  ASSERT_TRUE(first && second);
  ASSERT_TRUE(framesUntil(kiosk, [&] { return queueScreen(kiosk).rowCount() == std::optional<std::size_t>(2); }));
  kiosk.scan(first->number);
  kiosk.settle();
  ASSERT_TRUE(caseScreen(kiosk).shownCase().has_value());
  EXPECT_FALSE(kiosk.ui().showedOffline());

  s_server->stop();
  ASSERT_TRUE(framesUntil(kiosk, [&] { return kiosk.ui().showedOffline(); })) << "no offline band";
  EXPECT_FALSE(kiosk.backend().online());
  EXPECT_FALSE(kiosk.backend().offlineReason().empty());
  // The case screen keeps what it loaded.
  ASSERT_TRUE(caseScreen(kiosk).shownCase().has_value());
  EXPECT_EQ(caseScreen(kiosk).shownCase()->number, first->number);

  // A step fails, saying that nothing was saved, and the case stays as it was.
  kiosk.press(input::Key::Enter);
  ASSERT_EQ(caseScreen(kiosk).panel().openForm(), Step::Diagnose);
  kiosk.type("Logic board dead");
  kiosk.press(input::Key::Enter);
  ASSERT_TRUE(framesUntil(kiosk, [&] { return caseScreen(kiosk).panel().error().has_value(); }));
  const Error failed = *caseScreen(kiosk).panel().error();
  EXPECT_EQ(failed.kind, ErrorKind::Storage) << failed.message;
  EXPECT_EQ(widgets::writeErrorText(failed, kiosk.ctx().t()).rfind("Ikke lagret", 0), 0U);
  EXPECT_EQ(caseScreen(kiosk).shownCase()->status, CaseStatus::Registered);
  EXPECT_TRUE(kiosk.ui().showedOffline());

  // Every screen has the band; the queue keeps its rows.
  kiosk.ui().show(ScreenId::Queue);
  kiosk.frame(2);
  EXPECT_TRUE(kiosk.ui().showedOffline());
  EXPECT_EQ(queueScreen(kiosk).rowCount(), std::optional<std::size_t>(2));

  s_server->start();
  const auto third = other.service.registerCase(macIntake("C02XK0JHJG5H"), Actor{"Skranke 2", kiosk.clock().now()});
  ASSERT_TRUE(third) << third.error().message;
  EXPECT_TRUE(framesUntil(kiosk, [&] { return !kiosk.ui().showedOffline(); })) << "the band never went";
  EXPECT_TRUE(kiosk.backend().offlineReason().empty());
  EXPECT_TRUE(framesUntil(kiosk, [&] { return queueScreen(kiosk).rowCount() == std::optional<std::size_t>(3); }))
      << "the queue did not refresh once the server was back";
  const auto unchanged = other.service.show(first->number);
  ASSERT_TRUE(unchanged);
  EXPECT_EQ(unchanged->status, CaseStatus::Registered) << "the step that failed offline was not saved";
}

// Two stations step the same case at once. The other station's step is held inside its
// transaction (a test trigger waits on an advisory lock this test holds) until the kiosk's step
// has read the case and waits to write it; then the other commits first, and the kiosk's write
// finds the case's version moved: a Conflict.
TEST_F(KioskOnPostgres, AStepOnACaseAnotherStationChangedFirstSaysSoAndShowsTheCaseAsItIs) {
  HeadlessKiosk kiosk(onServer());
  OtherStation other(m_url);
  const auto created = other.service.registerCase(macIntake(), Actor{"Skranke 2", kiosk.clock().now()});
  ASSERT_TRUE(created) << created.error().message;
  RawSession raw(m_url);
  raw.value(
      "CREATE FUNCTION test_hold_benk2() RETURNS trigger LANGUAGE plpgsql AS $$ "
      "BEGIN PERFORM pg_advisory_xact_lock(7107); RETURN NEW; END; $$");
  raw.value(
      "CREATE TRIGGER test_hold_benk2 AFTER INSERT ON case_event FOR EACH ROW "
      "WHEN (NEW.staff = 'Benk 2') EXECUTE FUNCTION test_hold_benk2()");

  kiosk.scan(created->number);
  kiosk.settle();
  ASSERT_TRUE(caseScreen(kiosk).shownCase().has_value());
  kiosk.press(input::Key::Enter);
  ASSERT_EQ(caseScreen(kiosk).panel().openForm(), Step::Diagnose);
  kiosk.type("Logic board dead");

  raw.value("SELECT pg_advisory_lock(7107)");
  auto otherStep = std::async(std::launch::async, [&] {
    return other.service.diagnose(created->number, "Liquid under the keyboard", Damage::Liquid,
                                  Actor{"Benk 2", kiosk.clock().now()});
  });
  const auto waiting = [&](const char* locktypes) {
    return framesUntil(kiosk, [&] {
      return raw.value(std::string("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype IN (") + locktypes +
                       ")") != "0";
    });
  };
  ASSERT_TRUE(waiting("'advisory'")) << "the other station's step never reached its write";
  kiosk.press(input::Key::Enter);  // the kiosk's step: reads the case, then waits on the other's row lock
  ASSERT_TRUE(waiting("'transactionid', 'tuple'")) << "the kiosk's step never waited to write";
  raw.value("SELECT pg_advisory_unlock(7107)");
  const auto theirs = otherStep.get();
  ASSERT_TRUE(theirs) << theirs.error().message;

  ASSERT_TRUE(framesUntil(kiosk, [&] {
    return caseScreen(kiosk).panel().error().has_value() && !caseScreen(kiosk).waiting();
  }));
  const Error refused = *caseScreen(kiosk).panel().error();
  EXPECT_EQ(refused.kind, ErrorKind::Conflict) << refused.message;
  EXPECT_EQ(widgets::writeErrorText(refused, kiosk.ctx().t()), text(kiosk, "error.changed_elsewhere"));
  // The screen shows the case as the other station left it, and nothing of the kiosk's step.
  const auto& shown = caseScreen(kiosk).shownCase();
  ASSERT_TRUE(shown.has_value());
  EXPECT_EQ(shown->status, CaseStatus::Diagnosed);
  EXPECT_EQ(shown->finding, "Liquid under the keyboard");
  EXPECT_EQ(shown->events.back().staff, "Benk 2");
  const auto stored = other.service.show(created->number);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->events.size(), 2U) << "registered and the other station's diagnosis, not the kiosk's";
  EXPECT_EQ(stored->finding, "Liquid under the keyboard");
}

}  // namespace
}  // namespace kiosk::test
