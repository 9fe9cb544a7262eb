// The audit trail's chains, held against every store (store_factories.hpp): a new case gets a
// salt and each event its seal, chained to the one before, its state digest that of the case as
// stored; a step appends chained seals; a change that appends nothing writes nothing, and one
// that alters the case without an event is refused; cases from before the audit schema are
// sealed when the store first opens it.
#include <gtest/gtest.h>

#include <set>

#include "store/pg_case_store.hpp"
#include "store/sqlite_case_store.hpp"
#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::test {
namespace {

using AuditChainContract = StoreContractTest;

bool isHex(const std::string& text, std::size_t size) {
  return text.size() == size && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

CaseStore::Change appendEvent(std::string kind, std::string detail = "Kari Nordmann called back") {
  return [kind = std::move(kind), detail = std::move(detail)](RepairCase& c) -> Result<void> {
    c.events.push_back(CaseEvent{at("2026-11-25T08:00:00"), "per", kind, detail});
    c.finding = kind;
    return {};
  };
}

// Recomputes every seal of the stored case from its row and timeline; fails naming the first
// that does not match.
void expectChainHolds(CaseDatabase& store, const std::string& number) {
  const auto c = store.load(number);
  ASSERT_TRUE(c) << c.error().message;
  const auto audit = store.loadAudit(number);
  ASSERT_TRUE(audit) << audit.error().message;
  ASSERT_TRUE(isHex(audit->salt, 64)) << "salt '" << audit->salt << "'";
  ASSERT_EQ(audit->events.size(), c->events.size());
  std::string previous = genesisHash(c->number);
  for (std::size_t i = 0; i < c->events.size(); ++i) {
    const EventSeal& seal = audit->events[i];
    EXPECT_EQ(seal.detailCommitment, detailCommitment(audit->salt, c->events[i].detail)) << "event " << i;
    EXPECT_EQ(seal.chainHash,
              chainHash(previous, c->number, i, c->events[i], seal.detailCommitment, seal.stateDigest))
        << "event " << i;
    previous = seal.chainHash;
  }
  ASSERT_FALSE(audit->events.empty());
  EXPECT_EQ(audit->events.back().stateDigest,
            stateDigest(*c, personalCommitment(audit->salt, *c), c->events.size()))
      << "the last seal holds the case as stored";
}

TEST_P(AuditChainContract, ANewCaseHasASaltAndEverySealChained) {
  RepairCase draft = fullCase("C02XK0JHJG5H");
  draft.events.push_back(CaseEvent{at("2026-11-24T10:05:00"), "per", "note", "second event of the intake"});
  const RepairCase c = created(draft);
  expectChainHolds(store(), c.number);
  const auto audit = store().loadAudit(c.number);
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->events.size(), draft.events.size());
  ASSERT_GE(audit->events.size(), 2U);
  EXPECT_EQ(audit->events.front().stateDigest, audit->events.back().stateDigest)
      << "events of one transaction hold the state it left";
}

TEST_P(AuditChainContract, EachCaseHasASaltOfItsOwn) {
  std::set<std::string> salts;
  for (int i = 0; i < 5; ++i) {
    const RepairCase c = created(draftCase("SERIAL" + std::to_string(i)));
    salts.insert(store().loadAudit(c.number)->salt);
  }
  EXPECT_EQ(salts.size(), 5U);
}

TEST_P(AuditChainContract, AStepAppendsSealsChainedToTheOnesBefore) {
  const RepairCase c = created(draftCase("SERIAL1"));
  const auto before = store().loadAudit(c.number);
  ASSERT_TRUE(before);
  ASSERT_TRUE(store().update(c.number, appendEvent("diagnose")));
  ASSERT_TRUE(store().update(c.number, appendEvent("quote")));
  const auto after = store().loadAudit(c.number);
  ASSERT_TRUE(after);
  ASSERT_EQ(after->events.size(), before->events.size() + 2);
  EXPECT_EQ(after->salt, before->salt) << "the salt never changes";
  EXPECT_EQ(after->events[0].chainHash, before->events[0].chainHash) << "earlier seals stay";
  EXPECT_NE(after->events[1].stateDigest, after->events[0].stateDigest);
  expectChainHolds(store(), c.number);
  // Another connection (another station) continues the same chain.
  auto other = openAnother();
  ASSERT_TRUE(other);
  ASSERT_TRUE(other->update(c.number, appendEvent("approve")));
  expectChainHolds(store(), c.number);
}

TEST_P(AuditChainContract, NoSealHoldsAPersonalField) {
  const RepairCase c = created(fullCase("C02XK0JHJG5H"));
  ASSERT_TRUE(store().update(c.number, appendEvent("inform", "told " + c.customer.name + " on " + c.customer.mobile)));
  const auto audit = store().loadAudit(c.number);
  ASSERT_TRUE(audit);
  for (const EventSeal& seal : audit->events) {
    for (const std::string* part : {&seal.detailCommitment, &seal.stateDigest, &seal.chainHash}) {
      EXPECT_TRUE(isHex(*part, 64)) << *part;
    }
  }
}

TEST_P(AuditChainContract, AChangeThatAppendsNothingWritesNothing) {
  const RepairCase c = created(draftCase("SERIAL1"));
  const auto unchanged = store().update(c.number, [](RepairCase&) -> Result<void> { return {}; });
  ASSERT_TRUE(unchanged) << unchanged.error().message;
  EXPECT_EQ(unchanged->version, c.version);
  EXPECT_EQ(store().load(c.number)->version, c.version) << "no version bump without an event";
  expectChainHolds(store(), c.number);
}

TEST_P(AuditChainContract, AChangeToTheCaseWithoutAnEventIsRefusedAndWritesNothing) {
  const RepairCase c = created(draftCase("SERIAL1"));
  const auto refusedChange = store().update(c.number, [](RepairCase& x) -> Result<void> {
    x.customer.mobile = "+4799999999";
    return {};
  });
  ASSERT_FALSE(refusedChange);
  EXPECT_EQ(refusedChange.error().kind, ErrorKind::Storage);
  EXPECT_NE(refusedChange.error().message.find("must append an event"), std::string::npos)
      << refusedChange.error().message;
  const auto loaded = store().load(c.number);
  EXPECT_EQ(loaded->customer.mobile, c.customer.mobile);
  EXPECT_EQ(loaded->version, c.version);
}

TEST_P(AuditChainContract, SealsCannotBeRewrittenThroughTheDatabase) {
  const RepairCase c = created(draftCase("SERIAL1"));
  EXPECT_THROW(database().exec("UPDATE case_event SET chain_hash = 'x' WHERE case_seq = " + std::to_string(c.sequence)),
               std::runtime_error);
  EXPECT_THROW(database().exec("UPDATE case_event SET detail = 'x' WHERE case_seq = " + std::to_string(c.sequence)),
               std::runtime_error);
  expectChainHolds(store(), c.number);
}

// Cases and events written before the audit schema (SQLite 10, PostgreSQL 4) get their chain
// when the store opens the migrated database.
TEST_P(AuditChainContract, CasesFromBeforeTheAuditSchemaAreSealedOnOpen) {
  std::vector<std::string> numbers;
  for (int i = 0; i < 3; ++i) {
    const RepairCase c = created(fullCase("SERIAL" + std::to_string(i)));
    ASSERT_TRUE(store().update(c.number, appendEvent("diagnose")));
    numbers.push_back(c.number);
  }
  if (auto* sqlite = dynamic_cast<SqliteCaseStore*>(m_store.get())) {
    ASSERT_TRUE(sqlite->migrateTo(9));
  } else if (auto* pg = dynamic_cast<PgCaseStore*>(m_store.get())) {
    ASSERT_TRUE(pg->migrateTo(3));
  } else {
    FAIL() << "a store this test does not know";
  }
  const auto events = database().queryInteger("SELECT count(*) FROM case_event");
  EXPECT_GE(events, 6);
  reopen();
  EXPECT_EQ(database().queryInteger("SELECT count(*) FROM case_event"), events);
  EXPECT_EQ(database().queryInteger("SELECT count(*) FROM audit_backfill"), 0) << "sealed once";
  for (const auto& number : numbers) expectChainHolds(store(), number);
  // And they go on from there.
  ASSERT_TRUE(store().update(numbers[0], appendEvent("quote")));
  expectChainHolds(store(), numbers[0]);
}

INSTANTIATE_TEST_SUITE_P(Store, AuditChainContract, ::testing::ValuesIn(contractBackends()), backendName);

}  // namespace
}  // namespace kiosk::test
