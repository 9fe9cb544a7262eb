// What only the PostgreSQL store has: optimistic writes that refuse a lost update, its own
// schema versions and migrations, a server that restarts under it, change notices from other
// stations, and the import of cases from an SQLite history. What every store does is in the
// *_contract_test.cpp files, run here on PostgreSQL too (contract_on_postgres.cpp).
#include "store/pg_case_store.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <future>
#include <thread>

#include "store/open_store.hpp"
#include "store/pg_connection.hpp"
#include "support/postgres_server.hpp"
#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/case_number.hpp"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

CaseStore::Change appendEvent(std::string kind) {
  return [kind = std::move(kind)](RepairCase& c) -> Result<void> {
    c.events.push_back(CaseEvent{at("2026-11-25T08:00:00"), "per", kind, "detail of " + kind});
    return {};
  };
}

// True when `text` holds `n` as a number of its own (not as a part of a longer one).
bool namesNumber(const std::string& text, int n) {
  const std::string digits = std::to_string(n);
  for (auto at = text.find(digits); at != std::string::npos; at = text.find(digits, at + 1)) {
    const bool digitBefore = at > 0 && std::isdigit(static_cast<unsigned char>(text[at - 1]));
    const auto end = at + digits.size();
    const bool digitAfter = end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]));
    if (!digitBefore && !digitAfter) return true;
  }
  return false;
}

class PgCaseStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_database = postgresBackend().makeDatabase();
    m_store = open();
    ASSERT_TRUE(m_store);
  }

  // A test that stops the shared server leaves it running for the next one, even on failure.
  void TearDown() override {
    if (!sharedPostgresServer().running()) sharedPostgresServer().start();
  }

  [[nodiscard]] std::unique_ptr<PgCaseStore> open(PgRetryPolicy retry = {}) {
    auto opened = PgCaseStore::open(m_database->location(), retry);
    EXPECT_TRUE(opened) << opened.error().message;
    return opened ? std::move(*opened) : nullptr;
  }

  RepairCase created(PgCaseStore& store, RepairCase draft) {
    auto stored = store.create(std::move(draft));
    EXPECT_TRUE(stored) << stored.error().message;
    return stored ? *stored : RepairCase{};
  }

  [[nodiscard]] std::size_t outboxCount(CaseStore& store, const std::string& number) {
    OutboxQuery query;
    query.caseNumber = number;
    const auto messages = store.listOutbox(query);
    EXPECT_TRUE(messages) << messages.error().message;
    return messages ? messages->size() : 0;
  }

  // Polls the stamp until it leaves `before`, for up to a second: another station's commit
  // reaches this connection as a notification (a deadline for it to arrive, not a timing test).
  static Result<std::uint64_t> stampAfter(CaseStore& store, std::uint64_t before) {
    const auto deadline = std::chrono::steady_clock::now() + 1s;
    for (;;) {
      auto stamp = store.changeStamp();
      if (!stamp || *stamp != before || std::chrono::steady_clock::now() >= deadline) return stamp;
      std::this_thread::sleep_for(5ms);
    }
  }

  std::unique_ptr<TestDatabase> m_database;
  std::unique_ptr<PgCaseStore> m_store;
};

// Station A reads the case, and while it works out its change station B commits one: A's write
// would lose B's, so A is refused with a Conflict and writes nothing, neither event nor message.
TEST_F(PgCaseStoreTest, AnUpdateOverAnotherStationsCommitIsAConflictAndWritesNothing) {
  const RepairCase c = created(*m_store, draftCase("SERIAL1"));
  auto stationB = open();
  ASSERT_TRUE(stationB);

  int calls = 0;
  std::future<Result<RepairCase>> fromB;  // outlives A's update, whatever happens inside it
  const auto fromA = m_store->update(c.number, [&](RepairCase& r) -> Result<void> {
    ++calls;
    fromB = std::async(std::launch::async, [&] { return stationB->update(c.number, appendEvent("from B")); });
    if (fromB.wait_for(10s) != std::future_status::ready) {
      ADD_FAILURE() << "station B waited for station A: A holds a lock while its change runs";
      return refused("B is blocked");
    }
    r.finding = "from A";
    r.events.push_back(CaseEvent{at("2026-11-25T09:00:00"), "per", "from A", ""});
    OutboxMessage m;
    m.eventPosition = r.events.size() - 1;
    m.channel = "sms";
    m.to = "+4790000000";
    m.text = "from A";
    r.newMessages.push_back(m);
    return {};
  });
  const auto b = fromB.get();
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->version, 2);

  ASSERT_FALSE(fromA) << "A's write went over B's";
  EXPECT_EQ(fromA.error().kind, ErrorKind::Conflict) << fromA.error().message;
  EXPECT_FALSE(fromA.error().message.empty());
  EXPECT_EQ(calls, 1) << "the store refuses; retrying is the caller's choice";

  const auto loaded = m_store->load(c.number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->version, 2);
  ASSERT_EQ(loaded->events.size(), 2U);
  EXPECT_EQ(loaded->events.back().kind, "from B");
  EXPECT_EQ(loaded->finding, "");
  EXPECT_EQ(outboxCount(*m_store, c.number), 0U) << "A's message went with its refused change";

  // Reloaded, A's change goes through on top of B's.
  const auto again = m_store->update(c.number, appendEvent("from A"));
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->version, 3);
}

// Station A asks to retry a failed message. Between A's reading it as failed and A's writing,
// station B retries it and a relay claims it (held together here in one transaction that A's
// write has to wait for). A's write must not reset the relay's claim: the relay would send the
// message and another relay would send it again.
TEST_F(PgCaseStoreTest, ARetryOverAnotherStationsRetryLeavesTheRelaysClaimAlone) {
  RepairCase draft = draftCase("SERIAL1");
  OutboxMessage sms;
  sms.channel = "sms";
  sms.to = "+4790000000";
  sms.text = "Sak {number}";
  draft.newMessages.push_back(sms);
  const RepairCase c = created(*m_store, draft);
  ASSERT_EQ(c.newMessages.size(), 1U);
  const std::int64_t id = c.newMessages.front().id;
  OutboxClaim claim;
  claim.relay = "relay-1";
  claim.nowMs = 1'000;
  claim.leaseMs = 60'000;
  claim.channels = {"sms"};
  ASSERT_EQ(m_store->claimOutbox(claim)->size(), 1U);
  ASSERT_TRUE(*m_store->recordOutboxOutcome(OutboxOutcome{id, "relay-1", OutboxStatus::Failed, 0, "550", 2'000}));

  PgConnection stationB(m_database->location(), "station B", 5);
  stationB.exec("BEGIN");
  stationB.exec("UPDATE outbox_message SET status = 'sending', attempts = 1, claimed_by = 'relay-2', "
                "lease_until_ms = 99000 WHERE id = " + std::to_string(id));
  auto retrying = std::async(std::launch::async, [&] { return m_store->retryOutbox(id, 3'000); });
  // A has read the message as failed and waits for B's row lock.
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (m_database->queryInteger("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'repair-kiosk' "
                                  "AND wait_event_type = 'Lock'") == 0 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  stationB.exec("COMMIT");
  const auto retried = retrying.get();

  ASSERT_FALSE(retried) << "retried a message a relay is sending";
  EXPECT_EQ(retried.error().kind, ErrorKind::BadInput) << retried.error().message;
  EXPECT_NE(retried.error().message.find("sending"), std::string::npos) << retried.error().message;
  const std::string where = " FROM outbox_message WHERE id = " + std::to_string(id) + " AND ";
  EXPECT_EQ(m_database->queryInteger("SELECT count(*)" + where + "status = 'sending' AND claimed_by = 'relay-2' "
                                     "AND attempts = 1"),
            1)
      << "the relay's claim was reset";
}

TEST_F(PgCaseStoreTest, ANewerSchemaThanTheProgramKnowsIsRefusedNamingBothVersions) {
  const int latest = PgCaseStore::latestSchemaVersion();
  EXPECT_EQ(*m_store->schemaVersion(), latest);
  m_store.reset();
  const int newer = latest + 1;
  m_database->exec("UPDATE kiosk_schema SET version = " + std::to_string(newer));
  const auto opened = PgCaseStore::open(m_database->location());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, ErrorKind::Storage);
  // Looked for where the location (whose address and port hold digits) is not.
  std::string message = opened.error().message;
  const std::string location = m_database->location();
  for (auto at = message.find(location); at != std::string::npos; at = message.find(location)) {
    message.erase(at, location.size());
  }
  EXPECT_TRUE(namesNumber(message, newer)) << opened.error().message;
  EXPECT_TRUE(namesNumber(message, latest)) << opened.error().message;
  EXPECT_EQ(m_database->queryInteger("SELECT version FROM kiosk_schema"), newer) << "left as it was";
}

TEST_F(PgCaseStoreTest, EveryMigrationWalksDownAndBackUp) {
  const int latest = PgCaseStore::latestSchemaVersion();
  ASSERT_GE(latest, 1);
  ASSERT_TRUE(m_store->create(fullCase("SERIAL1")));
  for (int v = latest - 1; v >= 0; --v) {
    const auto down = m_store->migrateTo(v);
    ASSERT_TRUE(down) << "down to " << v << ": " << down.error().message;
    EXPECT_EQ(*m_store->schemaVersion(), v);
  }
  EXPECT_EQ(m_database->queryInteger("SELECT count(*) FROM pg_class WHERE relname IN "
                                     "('repair_case', 'case_event', 'outbox_message', 'case_number_seq')"),
            0)
      << "version 0 is empty";
  for (int v = 1; v <= latest; ++v) {
    const auto up = m_store->migrateTo(v);
    ASSERT_TRUE(up) << "up to " << v << ": " << up.error().message;
    EXPECT_EQ(*m_store->schemaVersion(), v);
  }
  const auto fresh = m_store->create(fullCase("SERIAL1"));
  ASSERT_TRUE(fresh) << fresh.error().message;
  EXPECT_EQ(fresh->sequence, 1U) << "the walk down took the old case and its sequence with it";
  const auto loaded = m_store->load(fresh->number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  expectSameCase(*fresh, *loaded);
}

TEST_F(PgCaseStoreTest, MigratingOutsideTheKnownVersionsFails) {
  const int latest = PgCaseStore::latestSchemaVersion();
  EXPECT_FALSE(m_store->migrateTo(latest + 1));
  EXPECT_FALSE(m_store->migrateTo(-1));
  EXPECT_EQ(*m_store->schemaVersion(), latest);
  EXPECT_TRUE(m_store->create(draftCase("SERIAL1")));
}

TEST_F(PgCaseStoreTest, ReadsAndWritesGoOnAfterAServerRestart) {
  const RepairCase c = created(*m_store, draftCase("SERIAL1"));
  sharedPostgresServer().restart();
  const auto loaded = m_store->load(c.number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->version, 1);

  sharedPostgresServer().restart();
  const auto updated = m_store->update(c.number, appendEvent("quoted"));
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  const auto next = m_store->create(draftCase("SERIAL2"));
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_TRUE(m_store->changeStamp());
  const auto reloaded = m_store->load(c.number);
  ASSERT_TRUE(reloaded);
  EXPECT_EQ(reloaded->events.size(), 2U) << "the update was written once";
}

TEST_F(PgCaseStoreTest, AWriteWhileTheServerIsDownFailsWritesNothingAndWorksOnceItIsBack) {
  auto impatient = open(PgRetryPolicy{1, 1500});
  ASSERT_TRUE(impatient);
  const RepairCase c = created(*impatient, draftCase("SERIAL1"));

  sharedPostgresServer().stop();
  const auto update = impatient->update(c.number, appendEvent("quoted"));
  ASSERT_FALSE(update);
  EXPECT_EQ(update.error().kind, ErrorKind::Storage) << update.error().message;
  const auto create = impatient->create(draftCase("SERIAL2"));
  ASSERT_FALSE(create);
  EXPECT_EQ(create.error().kind, ErrorKind::Storage) << create.error().message;
  const auto stamp = impatient->changeStamp();
  ASSERT_FALSE(stamp) << "the kiosk shows offline";
  EXPECT_EQ(stamp.error().kind, ErrorKind::Storage);

  sharedPostgresServer().start();
  const auto loaded = impatient->load(c.number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->version, 1) << "the failed update wrote nothing";
  EXPECT_EQ(loaded->events.size(), 1U);
  EXPECT_EQ(*impatient->count(), 1U) << "the failed create wrote nothing";
  const auto updated = impatient->update(c.number, appendEvent("quoted"));
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  EXPECT_TRUE(impatient->create(draftCase("SERIAL2")));
  EXPECT_TRUE(impatient->changeStamp());
}

TEST_F(PgCaseStoreTest, AnotherStationsCommitMovesTheStampAlsoAfterARestart) {
  auto other = open();
  ASSERT_TRUE(other);
  const auto before = m_store->changeStamp();
  ASSERT_TRUE(before) << before.error().message;
  const RepairCase c = created(*other, draftCase("SERIAL1"));
  const auto afterCreate = stampAfter(*m_store, *before);
  ASSERT_TRUE(afterCreate) << afterCreate.error().message;
  EXPECT_NE(*afterCreate, *before) << "no notice of the other station's new case within a second";

  ASSERT_TRUE(other->update(c.number, appendEvent("quoted")));
  const auto afterUpdate = stampAfter(*m_store, *afterCreate);
  ASSERT_TRUE(afterUpdate) << afterUpdate.error().message;
  EXPECT_NE(*afterUpdate, *afterCreate) << "no notice of the other station's update within a second";

  // Both lose their sessions; the listening one must listen again when it reconnects.
  sharedPostgresServer().restart();
  ASSERT_TRUE(m_store->load(c.number));
  const auto beforeRestartCommit = m_store->changeStamp();
  ASSERT_TRUE(beforeRestartCommit) << beforeRestartCommit.error().message;
  ASSERT_TRUE(other->update(c.number, appendEvent("repaired")));
  const auto afterRestart = stampAfter(*m_store, *beforeRestartCommit);
  ASSERT_TRUE(afterRestart) << afterRestart.error().message;
  EXPECT_NE(*afterRestart, *beforeRestartCommit) << "no notice after the server restarted";
}

// kioskctl migrate: an SQLite history moves over case by case, as it was, and a second run
// writes nothing twice.
class PgImportTest : public PgCaseStoreTest {
 protected:
  static RepairCase oldCase(std::uint64_t sequence, const std::string& serial) {
    RepairCase c = fullCase(serial);
    c.sequence = sequence;
    c.number = formatCaseNumber(sequence);
    c.customerCode = "K7M2PX9A";  // the code on its receipt: imported as it is
    c.version = 4;
    return c;
  }

  static std::vector<OutboxMessage> oldMessages(const RepairCase& c) {
    OutboxMessage sms;
    sms.id = 17;
    sms.caseNumber = c.number;
    sms.eventPosition = 0;
    sms.channel = "sms";
    sms.to = c.customer.mobile;
    sms.text = "Sak " + c.number + " er registrert";
    sms.reference = outboxReference(c.number, 0, "sms");
    sms.status = OutboxStatus::Delivered;
    sms.attempts = 2;
    sms.lastError = "";
    sms.createdAt = c.registeredAt;
    sms.deliveredAtMs = 1'795'000'000'000;
    OutboxMessage email = sms;
    email.id = 18;
    email.eventPosition = 1;
    email.channel = "email";
    email.to = c.customer.email;
    email.subject = "Sak " + c.number;
    email.reference = outboxReference(c.number, 1, "email");
    email.status = OutboxStatus::Failed;
    email.attempts = 20;
    email.lastError = "550 mailbox unavailable";
    email.deliveredAtMs = 0;
    return {sms, email};
  }
};

TEST_F(PgImportTest, ACaseIsImportedAsItWasThenFoundAlreadyPresent) {
  const RepairCase here = created(*m_store, draftCase("HERE1"));
  ASSERT_EQ(here.sequence, 1U);
  const RepairCase old = oldCase(5, "IMPORTED1");
  const auto messages = oldMessages(old);

  const auto imported = m_store->importCase(old, messages, sealedAudit(old));
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(*imported, ImportOutcome::Imported);
  const auto loaded = m_store->load(old.number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  expectSameCase(old, *loaded);

  OutboxQuery query;
  query.caseNumber = old.number;
  const auto outbox = m_store->listOutbox(query);
  ASSERT_TRUE(outbox) << outbox.error().message;
  ASSERT_EQ(outbox->size(), 2U);
  for (std::size_t i = 0; i < 2; ++i) {
    const OutboxMessage& e = messages[i];
    const OutboxMessage& a = (*outbox)[i];
    EXPECT_EQ(a.caseNumber, e.caseNumber) << i;
    EXPECT_EQ(a.eventPosition, e.eventPosition) << i;
    EXPECT_EQ(a.channel, e.channel) << i;
    EXPECT_EQ(a.to, e.to) << i;
    EXPECT_EQ(a.subject, e.subject) << i;
    EXPECT_EQ(a.text, e.text) << i;
    EXPECT_EQ(a.reference, e.reference) << i;
    EXPECT_EQ(a.status, e.status) << i;
    EXPECT_EQ(a.attempts, e.attempts) << i;
    EXPECT_EQ(a.lastError, e.lastError) << i;
    EXPECT_EQ(a.createdAt, e.createdAt) << i;
    EXPECT_EQ(a.deliveredAtMs, e.deliveredAtMs) << i;
  }

  const auto again = m_store->importCase(old, messages, sealedAudit(old));
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*again, ImportOutcome::AlreadyPresent);
  EXPECT_EQ(*m_store->count(), 2U);
  EXPECT_EQ(outboxCount(*m_store, old.number), 2U) << "nothing written twice";
  EXPECT_EQ(m_store->load(old.number)->version, old.version);
}

TEST_F(PgImportTest, ADifferentCaseUnderATakenNumberIsAConflictAndWritesNothing) {
  const RepairCase here = created(*m_store, draftCase("HERE1"));
  const RepairCase old = oldCase(5, "IMPORTED1");
  ASSERT_TRUE(m_store->importCase(old, oldMessages(old), sealedAudit(old)));

  RepairCase otherSerial = oldCase(5, "SOMETHING-ELSE");
  const auto clash = m_store->importCase(otherSerial, {}, sealedAudit(otherSerial));
  ASSERT_FALSE(clash);
  EXPECT_EQ(clash.error().kind, ErrorKind::Conflict) << clash.error().message;
  EXPECT_NE(clash.error().message.find(old.number), std::string::npos) << clash.error().message;

  RepairCase overHere = oldCase(here.sequence, "IMPORTED2");  // the sequence of a case made here
  const auto clashHere = m_store->importCase(overHere, oldMessages(overHere), sealedAudit(overHere));
  ASSERT_FALSE(clashHere);
  EXPECT_EQ(clashHere.error().kind, ErrorKind::Conflict) << clashHere.error().message;

  EXPECT_EQ(*m_store->count(), 2U);
  EXPECT_EQ(m_store->load(old.number)->device.serial, "IMPORTED1");
  EXPECT_EQ(m_store->load(here.number)->device.serial, "HERE1");
  EXPECT_EQ(outboxCount(*m_store, here.number), 0U);
  EXPECT_TRUE(m_store->findBySerial("IMPORTED2")->empty());
}

TEST_F(PgImportTest, NewCasesAreNumberedPastImportedOnesAndMeetTheOpenCaseRule) {
  ASSERT_EQ(created(*m_store, draftCase("HERE1")).sequence, 1U);
  RepairCase old = oldCase(40, "IMPORTED1");
  old.status = CaseStatus::InRepair;
  old.closedAt.reset();
  ASSERT_TRUE(m_store->importCase(old, {}, sealedAudit(old)));
  const RepairCase next = created(*m_store, draftCase("HERE2"));
  EXPECT_EQ(next.sequence, 41U);
  EXPECT_EQ(next.number, formatCaseNumber(41));
  auto other = open();
  ASSERT_TRUE(other);
  const auto fromOther = other->create(draftCase("HERE3"));
  ASSERT_TRUE(fromOther) << fromOther.error().message;
  EXPECT_EQ(fromOther->sequence, 42U);

  const auto second = m_store->create(draftCase("IMPORTED1"));
  ASSERT_FALSE(second) << "the imported case is open";
  EXPECT_EQ(second.error().kind, ErrorKind::Refused);
  EXPECT_NE(second.error().message.find(old.number), std::string::npos) << second.error().message;
}

TEST_F(PgCaseStoreTest, ThePasswordNeverShows) {
  const std::string port = std::to_string(sharedPostgresServer().port());
  const std::string url = m_database->location();
  const std::string withPassword =
      "postgresql://kiosk:s3cret-pw@127.0.0.1:" + port + url.substr(url.rfind('/'));
  auto opened = PgCaseStore::open(withPassword);
  ASSERT_TRUE(opened) << opened.error().message;  // trust authentication takes any password
  EXPECT_EQ((*opened)->location().find("s3cret-pw"), std::string::npos) << (*opened)->location();

  const auto unreachable = PgCaseStore::open("postgresql://kiosk:s3cret-pw@127.0.0.1:1/cases", PgRetryPolicy{1, 0});
  ASSERT_FALSE(unreachable);
  EXPECT_EQ(unreachable.error().kind, ErrorKind::Storage);
  EXPECT_EQ(unreachable.error().message.find("s3cret-pw"), std::string::npos) << unreachable.error().message;
}

// libpq takes the password as a query parameter too (postgresql://kiosk@host/db?password=...).
TEST_F(PgCaseStoreTest, APasswordGivenAsAQueryParameterNeverShows) {
  const std::string url = m_database->location() + "?sslmode=disable&password=s3cret-pw&connect_timeout=3";
  auto opened = PgCaseStore::open(url);
  ASSERT_TRUE(opened) << opened.error().message;  // trust authentication takes any password
  const std::string location = (*opened)->location();
  EXPECT_EQ(location.find("s3cret-pw"), std::string::npos) << location;
  EXPECT_EQ(location, m_database->location() + "?sslmode=disable&connect_timeout=3") << "the rest is kept";

  for (const std::string query : {"?password=s3cret-pw", "?sslmode=disable&password=s3cret-pw", "?pass%77ord=s3cret-pw"}) {
    const auto unreachable = PgCaseStore::open("postgresql://kiosk@127.0.0.1:1/cases" + query, PgRetryPolicy{1, 0});
    ASSERT_FALSE(unreachable) << query;
    EXPECT_EQ(unreachable.error().message.find("s3cret-pw"), std::string::npos) << unreachable.error().message;
  }
}

// Server options the URL gives (here the schema the kiosk's tables go in, as a DBA would put
// them in a database of its own) are kept beside the store's own (DateStyle, client_encoding).
TEST_F(PgCaseStoreTest, TheServerOptionsOfTheUrlAreKept) {
  m_database->exec("CREATE SCHEMA kiosk_own");
  auto opened = PgCaseStore::open(m_database->location() + "?options=-c%20search_path%3Dkiosk_own");
  ASSERT_TRUE(opened) << opened.error().message;
  const auto stored = (*opened)->create(fullCase("SERIAL1"));
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(m_database->queryInteger("SELECT count(*) FROM pg_tables WHERE schemaname = 'kiosk_own' AND "
                                     "tablename = 'repair_case'"),
            1)
      << "the URL's search_path was dropped";
  EXPECT_EQ(*m_store->count(), 0U) << "written to the default schema";
  const auto loaded = (*opened)->load(stored->number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  expectSameCase(*stored, *loaded);  // dates still read as the store writes them
}

TEST_F(PgCaseStoreTest, OpenStorePicksPostgresForAUrl) {
  EXPECT_TRUE(isPostgresUrl(m_database->location()));
  EXPECT_TRUE(isPostgresUrl("postgres://kiosk@db/cases"));
  EXPECT_FALSE(isPostgresUrl("/var/lib/kiosk/cases.db"));
  const RepairCase c = created(*m_store, draftCase("SERIAL1"));
  auto opened = openStore(StoreLocation{{}, m_database->location()});
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_TRUE((*opened)->load(c.number)) << "the same database";
  EXPECT_EQ(*(*opened)->schemaVersion(), PgCaseStore::latestSchemaVersion());
  const auto bad = openStore(StoreLocation{{}, "mysql://kiosk@127.0.0.1/cases"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::BadInput);
  EXPECT_EQ(bad.error().field, "db-url");
}

}  // namespace
}  // namespace kiosk::test

// A password typed with an '@' in it, not percent-encoded, is hidden whole.
TEST(PgUrlRedaction, APasswordWithAnAtSignIsHiddenWhole) {
  EXPECT_EQ(kiosk::withoutPassword("postgresql://kiosk:a@b@db.example:5432/cases"), "postgresql://kiosk@db.example:5432/cases");
  EXPECT_EQ(kiosk::withoutPassword("postgresql://kiosk:s3cret@db.example/cases"), "postgresql://kiosk@db.example/cases");
  EXPECT_EQ(kiosk::withoutPassword("postgresql://kiosk@db.example/cases"), "postgresql://kiosk@db.example/cases");
  EXPECT_EQ(kiosk::withoutPassword("postgresql://db.example/cases"), "postgresql://db.example/cases");
}
