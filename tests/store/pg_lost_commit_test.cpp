// A write whose connection is lost (a server restart, a network cut) is written exactly once:
// done again when it cannot have taken, never done again when it did, and reported as it came
// out. Each test cuts the store's connection at one statement with a proxy (pg_cut_proxy.hpp),
// so the loss falls at exactly that point: a COMMIT that never reached the server, one the
// server committed but whose answer was lost, one still being carried out when the client gave
// up, and a session the server goes on holding open because it has not noticed the cut.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "store/pg_case_store.hpp"
#include "support/postgres_server.hpp"
#include "tests/store/pg_cut_proxy.hpp"
#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/case_number.hpp"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;
using Cut = PgCutProxy::Cut;

// Long enough for any store call here; a call still running then is stuck behind a lock.
constexpr auto kStuck = 15s;

CaseStore::Change appendEvent(std::string kind) {
  return [kind = std::move(kind)](RepairCase& c) -> Result<void> {
    c.events.push_back(CaseEvent{at("2026-11-25T08:00:00"), "per", kind, "detail of " + kind});
    return {};
  };
}

OutboxMessage sms(std::size_t eventPosition, std::string text) {
  OutboxMessage m;
  m.eventPosition = eventPosition;
  m.channel = "sms";
  m.to = "+4790000000";
  m.text = std::move(text);
  return m;
}

class PgLostCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_database = postgresBackend().makeDatabase();
    m_proxy = std::make_unique<PgCutProxy>(sharedPostgresServer().port());
    m_store = throughProxy();
    ASSERT_TRUE(m_store);
    auto direct = PgCaseStore::open(m_database->location());
    ASSERT_TRUE(direct) << direct.error().message;
    m_otherStation = std::move(*direct);
  }

  // A store whose connections all go through the proxy.
  [[nodiscard]] std::unique_ptr<PgCaseStore> throughProxy(PgRetryPolicy retry = {}) {
    const std::string location = m_database->location();
    auto opened = PgCaseStore::open(m_proxy->url(location.substr(location.rfind('/') + 1)), retry);
    EXPECT_TRUE(opened) << opened.error().message;
    return opened ? std::move(*opened) : nullptr;
  }

  RepairCase created(CaseStore& store, RepairCase draft) {
    auto stored = store.create(std::move(draft));
    EXPECT_TRUE(stored) << stored.error().message;
    return stored ? *stored : RepairCase{};
  }

  // Runs `call` on another thread and waits for it; a call stuck behind a lock that the server
  // holds for a session it has not seen end is freed (the proxy closes that session) and fails
  // the test.
  template <class F>
  auto unstuck(F&& call) -> decltype(call()) {
    auto running = std::async(std::launch::async, std::forward<F>(call));
    if (running.wait_for(kStuck) != std::future_status::ready) {
      ADD_FAILURE() << "the store waited on a transaction of its own lost session";
      m_proxy->closeKeptSessions();
    }
    return running.get();
  }

  [[nodiscard]] std::int64_t count(const std::string& sql) { return m_database->queryInteger(sql); }

  // Declared first, destroyed last: the stores close their connections before the proxy goes.
  std::unique_ptr<TestDatabase> m_database;
  std::unique_ptr<PgCutProxy> m_proxy;
  std::unique_ptr<PgCaseStore> m_store;
  std::unique_ptr<PgCaseStore> m_otherStation;  // straight to the server, not through the proxy
};

TEST_F(PgLostCommitTest, ANewCaseWhoseCommitAnswerWasLostIsStoredOnce) {
  RepairCase draft = draftCase("SERIAL1");
  draft.newMessages.push_back(sms(0, "Sak {number} er registrert"));
  m_proxy->cutAt("COMMIT", Cut::AnswerLost);
  const auto stored = m_store->create(draft);
  ASSERT_TRUE(m_proxy->waitForCut(0ms)) << "the cut did not happen";
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(count("SELECT count(*) FROM repair_case"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM outbox_message"), 1);
  ASSERT_EQ(stored->newMessages.size(), 1U);
  EXPECT_EQ(count("SELECT id FROM outbox_message"), stored->newMessages.front().id);
  const auto loaded = m_store->load(stored->number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  expectSameCase(*stored, *loaded);
}

TEST_F(PgLostCommitTest, ANewCaseWhoseCommitNeverReachedTheServerIsStoredOnce) {
  m_proxy->cutAt("COMMIT", Cut::Unsent);
  const auto stored = m_store->create(draftCase("SERIAL1"));
  ASSERT_TRUE(m_proxy->waitForCut(0ms)) << "the cut did not happen";
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(count("SELECT count(*) FROM repair_case"), 1);
  EXPECT_TRUE(m_store->load(stored->number));
}

// The COMMIT reached the server, which is still carrying it out (here a deferred trigger takes
// a second) when the client sees its connection go. Looking at the rows then finds nothing yet;
// writing again on that ground would store the case twice.
TEST_F(PgLostCommitTest, ANewCaseStillBeingCommittedWhenTheConnectionWentIsStoredOnce) {
  m_database->exec("CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$ BEGIN PERFORM pg_sleep(1); RETURN NULL; END; $$");
  m_database->exec("CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON repair_case DEFERRABLE INITIALLY DEFERRED "
                   "FOR EACH ROW EXECUTE FUNCTION slow_commit()");
  RepairCase draft = draftCase("SERIAL1");
  draft.intake.secondCaseReason = "the customer brings it back for another fault";  // no open-case lock
  m_proxy->cutAt("COMMIT", Cut::SentUnanswered);
  const auto stored = unstuck([&] { return m_store->create(draft); });
  ASSERT_TRUE(m_proxy->waitForCut(0ms)) << "the cut did not happen";
  ASSERT_TRUE(stored) << stored.error().message;
  std::this_thread::sleep_for(1500ms);  // any commit still under way has ended by now
  EXPECT_EQ(count("SELECT count(*) FROM repair_case"), 1) << "the case was stored twice";
  EXPECT_TRUE(m_store->load(stored->number));
}

// What create returns is what it wrote: not a message another station queued for the case in
// the moment between the commit and the store's finding out that it took.
TEST_F(PgLostCommitTest, ANewCaseWhoseCommitAnswerWasLostReturnsOnlyItsOwnMessages) {
  RepairCase draft = draftCase("SERIAL1");
  draft.newMessages.push_back(sms(0, "Sak {number} er registrert"));
  m_proxy->cutAt("COMMIT", Cut::AnswerLost);
  m_proxy->hold();
  auto creating = std::async(std::launch::async, [&] { return m_store->create(draft); });
  ASSERT_TRUE(m_proxy->waitForCut(kStuck)) << "the cut did not happen";
  const auto found = m_otherStation->findBySerial("SERIAL1");
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->size(), 1U);
  const auto other = m_otherStation->update(found->front().number, [](RepairCase& c) -> Result<void> {
    c.events.push_back(CaseEvent{at("2026-11-24T09:05:00"), "kari", "diagnosed", ""});
    c.newMessages.push_back(sms(1, "Sak {number} er undersøkt"));
    return {};
  });
  ASSERT_TRUE(other) << other.error().message;
  m_proxy->release();
  const auto stored = creating.get();
  ASSERT_TRUE(stored) << stored.error().message;
  ASSERT_EQ(stored->newMessages.size(), 1U) << "the other station's message came back as this one's";
  EXPECT_EQ(stored->newMessages.front().eventPosition, 0U);
  EXPECT_EQ(stored->newMessages.front().id, count("SELECT id FROM outbox_message WHERE event_position = 0"));
  EXPECT_EQ(count("SELECT count(*) FROM repair_case"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM outbox_message"), 2);
}

TEST_F(PgLostCommitTest, AnUpdateWhoseCommitAnswerWasLostIsWrittenOnce) {
  const RepairCase c = created(*m_store, draftCase("SERIAL1"));
  m_proxy->cutAt("COMMIT", Cut::AnswerLost);
  const auto updated = m_store->update(c.number, appendEvent("diagnosed"));
  ASSERT_TRUE(m_proxy->waitForCut(0ms)) << "the cut did not happen";
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  const auto loaded = m_store->load(c.number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->version, 2);
  EXPECT_EQ(loaded->events.size(), 2U) << "the event was appended twice";
}

TEST_F(PgLostCommitTest, AnUpdateWhoseCommitNeverReachedTheServerIsWrittenOnce) {
  const RepairCase c = created(*m_store, draftCase("SERIAL1"));
  m_proxy->cutAt("COMMIT", Cut::Unsent);
  const auto updated = m_store->update(c.number, appendEvent("diagnosed"));
  ASSERT_TRUE(m_proxy->waitForCut(0ms)) << "the cut did not happen";
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  const auto loaded = m_store->load(c.number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->events.size(), 2U);
}

// A change to the finding whose event and version another station's change could match: this
// one's COMMIT never reached the server; meanwhile another station changed the case,
// bringing it to the version this one would have written. Taking that version for this
// change's would tell the user their finding was saved while the case holds the other one.
TEST_F(PgLostCommitTest, AnUpdateWithoutAnEventIsNotMistakenForAnotherStationsCommit) {
  const RepairCase c = created(*m_store, draftCase("SERIAL1"));
  m_proxy->cutAt("COMMIT", Cut::Unsent);
  m_proxy->hold();
  auto updating = std::async(std::launch::async, [&] {
    return m_store->update(c.number, [](RepairCase& r) -> Result<void> {
      r.finding = "from A";
      r.events.push_back(CaseEvent{at("2026-11-26T12:00:00"), "per", "diagnose", "finding"});
      return {};
    });
  });
  ASSERT_TRUE(m_proxy->waitForCut(kStuck)) << "the cut did not happen";
  const auto other = m_otherStation->update(c.number, [](RepairCase& r) -> Result<void> {
    r.finding = "from B";
    r.events.push_back(CaseEvent{at("2026-11-26T12:00:00"), "per", "diagnose", "finding"});
    return {};
  });
  ASSERT_TRUE(other) << other.error().message;
  ASSERT_EQ(other->version, 2);
  m_proxy->release();
  const auto updated = updating.get();
  ASSERT_TRUE(updated) << updated.error().message;
  const auto loaded = m_store->load(c.number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->finding, updated->finding) << "reported saved, but the case holds another station's change";
  EXPECT_EQ(loaded->version, updated->version);
  EXPECT_EQ(loaded->finding, "from A");
  EXPECT_EQ(loaded->version, 3);
}

// The network went while the COMMIT was on its way, and the server has not noticed: its
// session sits in the transaction, holding the case's row. Retrying must not wait for that
// session (the server's keepalive may take hours): the store ends it first.
TEST_F(PgLostCommitTest, AnUpdateIsNotHeldUpByItsOwnSessionThatTheServerStillHolds) {
  const RepairCase c = created(*m_store, draftCase("SERIAL1"));
  m_proxy->cutAt("COMMIT", Cut::UnsentSessionKept);
  const auto updated = unstuck([&] { return m_store->update(c.number, appendEvent("diagnosed")); });
  ASSERT_TRUE(m_proxy->waitForCut(0ms)) << "the cut did not happen";
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  const auto loaded = m_store->load(c.number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->events.size(), 2U);
}

// The same in the middle of an intake: the held session has the serial's open-case lock.
TEST_F(PgLostCommitTest, AnIntakeIsNotHeldUpByItsOwnSessionThatTheServerStillHolds) {
  m_proxy->cutAt("INSERT INTO repair_case", Cut::UnsentSessionKept);  // first use: as it is prepared
  const auto stored = unstuck([&] { return m_store->create(draftCase("SERIAL1")); });
  ASSERT_TRUE(m_proxy->waitForCut(0ms)) << "the cut did not happen";
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(count("SELECT count(*) FROM repair_case"), 1);
}

// And at the very start of an intake: BEGIN and the serial's lock reached the server, which
// answered into a cut network and holds the session, lock and all. The store never learnt the
// transaction's id, so it ends that session by its process.
TEST_F(PgLostCommitTest, AnIntakeIsNotHeldUpByItsOwnSessionWhoseFirstAnswerWasLost) {
  m_proxy->cutAt("pg_advisory_xact_lock", Cut::SentSessionKept);
  const auto stored = unstuck([&] { return m_store->create(draftCase("SERIAL1")); });
  ASSERT_TRUE(m_proxy->waitForCut(0ms)) << "the cut did not happen";
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(count("SELECT count(*) FROM repair_case"), 1);
}

// The store's retries give up after giveUpAfterMs; a COMMIT whose answer is lost after that
// (here the change itself took longer) still took, and the store must find that out rather
// than report a failure the user would redo.
TEST_F(PgLostCommitTest, ACommitLostAfterTheRetryDeadlineIsStillLookedUp) {
  auto impatient = throughProxy(PgRetryPolicy{1, 200});
  ASSERT_TRUE(impatient);
  const RepairCase c = created(*impatient, draftCase("SERIAL1"));
  m_proxy->cutAt("COMMIT", Cut::AnswerLost);
  const auto updated = impatient->update(c.number, [](RepairCase& r) -> Result<void> {
    std::this_thread::sleep_for(300ms);
    r.events.push_back(CaseEvent{at("2026-11-25T08:00:00"), "per", "diagnosed", ""});
    return {};
  });
  ASSERT_TRUE(m_proxy->waitForCut(0ms)) << "the cut did not happen";
  ASSERT_TRUE(updated) << "reported failed, but it was saved: " << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(m_store->load(c.number)->events.size(), 2U);
}

class PgLostOutboxCommitTest : public PgLostCommitTest {
 protected:
  // A case with one queued SMS; its id.
  std::int64_t queuedMessage() {
    RepairCase draft = draftCase("SERIAL1");
    draft.newMessages.push_back(sms(0, "Sak {number} er registrert"));
    const RepairCase c = created(*m_store, draft);
    return c.newMessages.empty() ? 0 : c.newMessages.front().id;
  }

  static OutboxClaim claim(std::int64_t nowMs) {
    OutboxClaim claim;
    claim.relay = "relay-1";
    claim.nowMs = nowMs;
    claim.leaseMs = 60'000;
    claim.limit = 10;
    claim.channels = {"sms"};
    return claim;
  }

  std::int64_t column(const std::string& name, std::int64_t id) {
    return count("SELECT " + name + " FROM outbox_message WHERE id = " + std::to_string(id));
  }
};

TEST_F(PgLostOutboxCommitTest, AClaimWhoseCommitAnswerWasLostIsTakenOnce) {
  const std::int64_t id = queuedMessage();
  m_proxy->cutAt("COMMIT", Cut::AnswerLost);
  const auto claimed = m_store->claimOutbox(claim(1'000));
  ASSERT_TRUE(m_proxy->waitForCut(0ms)) << "the cut did not happen";
  ASSERT_TRUE(claimed) << claimed.error().message;
  ASSERT_EQ(claimed->size(), 1U) << "the claim took, so the relay holds the message";
  EXPECT_EQ(claimed->front().id, id);
  EXPECT_EQ(column("attempts", id), 1) << "claimed twice";
}

TEST_F(PgLostOutboxCommitTest, AnOutcomeWhoseCommitAnswerWasLostIsWrittenOnce) {
  const std::int64_t id = queuedMessage();
  ASSERT_TRUE(m_store->claimOutbox(claim(1'000)));
  m_proxy->cutAt("COMMIT", Cut::AnswerLost);
  const auto written = m_store->recordOutboxOutcome(OutboxOutcome{id, "relay-1", OutboxStatus::Delivered, 0, "", 2'000});
  ASSERT_TRUE(m_proxy->waitForCut(0ms)) << "the cut did not happen";
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_TRUE(*written) << "the outcome took, so the relay's claim held";
  EXPECT_EQ(column("delivered_at_ms", id), 2'000);
}

TEST_F(PgLostOutboxCommitTest, ARetryWhoseCommitAnswerWasLostIsWrittenOnce) {
  const std::int64_t id = queuedMessage();
  ASSERT_TRUE(m_store->claimOutbox(claim(1'000)));
  ASSERT_TRUE(m_store->recordOutboxOutcome(OutboxOutcome{id, "relay-1", OutboxStatus::Failed, 0, "550", 2'000}));
  m_proxy->cutAt("COMMIT", Cut::AnswerLost);
  const auto retried = m_store->retryOutbox(id, 3'000);
  ASSERT_TRUE(m_proxy->waitForCut(0ms)) << "the cut did not happen";
  ASSERT_TRUE(retried) << retried.error().message;
  EXPECT_EQ(retried->status, OutboxStatus::Queued);
  EXPECT_EQ(column("attempts", id), 0);
  EXPECT_EQ(column("next_attempt_ms", id), 3'000);
}

TEST_F(PgLostCommitTest, AnImportWhoseCommitAnswerWasLostSaysImported) {
  RepairCase old = fullCase("IMPORTED1");
  old.sequence = 7;
  old.number = formatCaseNumber(7);
  old.version = 4;
  m_proxy->cutAt("COMMIT", Cut::AnswerLost);
  const auto imported = m_store->importCase(old, {}, sealedAudit(old));
  ASSERT_TRUE(imported) << imported.error().message;
  ASSERT_TRUE(m_proxy->waitForCut(0ms)) << "the cut did not happen";
  EXPECT_EQ(*imported, ImportOutcome::Imported);
  EXPECT_EQ(count("SELECT count(*) FROM repair_case"), 1);
}

}  // namespace
}  // namespace kiosk::test
