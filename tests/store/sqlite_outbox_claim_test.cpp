// What only the SQLite outbox has: its own history of migrations. Claims, leases, outcomes and
// retries are held against both stores in outbox_claim_contract_test.cpp.
#include <gtest/gtest.h>

#include "store/sqlite_connection.hpp"
#include "tests/store/outbox_fixture.hpp"

namespace kiosk::test {
namespace {

using SqliteOutboxClaimTest = OutboxFixture;

OutboxClaim claimOf(std::string relay, std::int64_t nowMs, std::size_t limit = 10,
                    std::vector<std::string> channels = {"sms", "email"}, std::int64_t leaseMs = 5000) {
  OutboxClaim claim;
  claim.relay = std::move(relay);
  claim.nowMs = nowMs;
  claim.leaseMs = leaseMs;
  claim.limit = limit;
  claim.channels = std::move(channels);
  return claim;
}

std::vector<std::int64_t> idsOf(const std::vector<OutboxMessage>& messages) {
  std::vector<std::int64_t> ids;
  for (const auto& m : messages) ids.push_back(m.id);
  return ids;
}

// Version 5 replaces the local-time next_attempt_at with UTC milliseconds: messages kept across a
// walk down and back up are due at once, and one being sent at 5 is queued again at 4.
TEST_F(SqliteOutboxClaimTest, MigratingDownAndBackUpKeepsMessagesQueuedAndDueAtOnce) {
  ASSERT_GE(SqliteCaseStore::latestSchemaVersion(), 5);
  const auto ids = queueCases(2, {"sms"});
  ASSERT_EQ(m_store->claimOutbox(claimOf("relay-a", 1000, 1))->size(), 1u);
  ASSERT_TRUE(m_store->migrateTo(4));
  {
    SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
    EXPECT_EQ(db.queryInteger("SELECT count(*) FROM outbox_message WHERE status = 'queued' AND "
                              "next_attempt_at = created_at"),
              2);
  }
  ASSERT_TRUE(m_store->migrateTo(SqliteCaseStore::latestSchemaVersion()));
  const auto claimed = m_store->claimOutbox(claimOf("relay-b", 1));
  ASSERT_TRUE(claimed) << claimed.error().message;
  EXPECT_EQ(idsOf(*claimed), ids) << "both kept, both due at once";
  EXPECT_EQ(claimed->front().attempts, 2) << "attempts survive the walk";
  const auto more = queueCases(1, {"sms"});
  EXPECT_GT(more[0], ids[1]) << "ids are not reused after the table was rebuilt";
}

}  // namespace
}  // namespace kiosk::test
