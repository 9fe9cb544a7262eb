// The relay's side of every store's outbox: claims with a lease, outcomes only from the relay
// that holds the claim, retries of parked messages, the next due moment, and relays in two
// threads on two connections to one database never sharing a message.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <thread>

#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::test {
namespace {

// Cases queued straight through the store, each with one message per channel asked for.
class OutboxClaimContract : public StoreContractTest {
 protected:
  // `cases` new cases, each queuing one message per channel in `channels`; their ids, in order.
  std::vector<std::int64_t> queueCases(int cases, const std::vector<std::string>& channels) {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < cases; ++i) {
      RepairCase draft = draftCase("SERIAL-" + std::to_string(m_serial++));
      for (const auto& channel : channels) {
        OutboxMessage m;
        m.channel = channel;
        m.to = channel == "sms" ? "+4790000000" : "kari@example.no";
        m.text = "Sak {number}";
        draft.newMessages.push_back(m);
      }
      auto stored = m_store->create(draft);
      EXPECT_TRUE(stored) << stored.error().message;
      if (!stored) continue;
      for (const auto& m : stored->newMessages) ids.push_back(m.id);
    }
    return ids;
  }

  [[nodiscard]] OutboxMessage message(std::int64_t id) {
    auto all = m_store->listOutbox({});
    EXPECT_TRUE(all) << all.error().message;
    if (all) {
      for (auto& m : *all) {
        if (m.id == id) return m;
      }
    }
    ADD_FAILURE() << "no outbox message " << id;
    return {};
  }

 private:
  int m_serial = 1;
};

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

OutboxOutcome outcomeOf(std::int64_t id, std::string relay, OutboxStatus status, std::int64_t atMs,
                        std::string lastError = {}, std::int64_t nextAttemptMs = 0) {
  return OutboxOutcome{id, std::move(relay), status, nextAttemptMs, std::move(lastError), atMs};
}

// What the store answered; a failure is reported, and counts as nothing written.
bool written(const Result<bool>& recorded) {
  if (!recorded) {
    ADD_FAILURE() << recorded.error().message;
    return false;
  }
  return *recorded;
}

std::vector<std::int64_t> idsOf(const std::vector<OutboxMessage>& messages) {
  std::vector<std::int64_t> ids;
  for (const auto& m : messages) ids.push_back(m.id);
  return ids;
}

TEST_P(OutboxClaimContract, ClaimTakesDueMessagesOnItsChannelsUpToTheLimit) {
  const auto ids = queueCases(3, {"sms", "email"});  // sms, email, sms, email, sms, email
  ASSERT_EQ(ids.size(), 6u);
  const auto first = m_store->claimOutbox(claimOf("relay-a", 1000, 2, {"sms"}));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(idsOf(*first), (std::vector<std::int64_t>{ids[0], ids[2]})) << "oldest first, sms only, two";
  for (const auto& m : *first) {
    EXPECT_EQ(m.status, OutboxStatus::Sending);
    EXPECT_EQ(m.attempts, 1);
    EXPECT_EQ(m.channel, "sms");
    EXPECT_FALSE(m.reference.empty());
    EXPECT_FALSE(m.caseNumber.empty());
    EXPECT_NE(m.text.find(m.caseNumber), std::string::npos) << m.text;
  }
  EXPECT_EQ(idsOf(*m_store->claimOutbox(claimOf("relay-a", 1000, 2, {"sms"}))), std::vector<std::int64_t>{ids[4]});
  EXPECT_TRUE(m_store->claimOutbox(claimOf("relay-a", 1000, 2, {"sms"}))->empty());
  EXPECT_EQ(message(ids[1]).status, OutboxStatus::Queued) << "the e-mail is not on the claimed channels";
  EXPECT_TRUE(m_store->claimOutbox(claimOf("relay-a", 1000, 2, {}))->empty()) << "no channel, no claim";
  EXPECT_TRUE(m_store->claimOutbox(claimOf("relay-a", 1000, 0))->empty()) << "limit 0, no claim";
  EXPECT_EQ(idsOf(*m_store->claimOutbox(claimOf("relay-b", 1000, 10, {"email"}))),
            (std::vector<std::int64_t>{ids[1], ids[3], ids[5]}));
}

TEST_P(OutboxClaimContract, AClaimNeedsARelayNameAndALease) {
  queueCases(1, {"sms"});
  const auto nameless = m_store->claimOutbox(claimOf("", 1000));
  ASSERT_FALSE(nameless);
  EXPECT_EQ(nameless.error().kind, ErrorKind::BadInput);
  EXPECT_EQ(nameless.error().field, "relay");
  const auto leaseless = m_store->claimOutbox(claimOf("relay-a", 1000, 10, {"sms"}, 0));
  ASSERT_FALSE(leaseless);
  EXPECT_EQ(leaseless.error().field, "lease");
}

TEST_P(OutboxClaimContract, ARetryIsClaimedOnlyOnceItIsDueAndCountsItsAttempts) {
  const auto ids = queueCases(1, {"sms"});
  const auto claimed = m_store->claimOutbox(claimOf("relay-a", 1000));
  ASSERT_EQ(claimed->size(), 1u);
  const auto recorded = m_store->recordOutboxOutcome(
      outcomeOf(ids[0], "relay-a", OutboxStatus::Queued, 1200, "HTTP 503: busy", 3200));
  ASSERT_TRUE(recorded) << recorded.error().message;
  EXPECT_TRUE(*recorded);
  const auto queued = message(ids[0]);
  EXPECT_EQ(queued.status, OutboxStatus::Queued);
  EXPECT_EQ(queued.nextAttemptMs, 3200);
  EXPECT_EQ(queued.lastError, "HTTP 503: busy");
  EXPECT_EQ(queued.attempts, 1);
  EXPECT_EQ(*m_store->nextOutboxDueMs({"sms"}), std::optional<std::int64_t>(3200));
  EXPECT_EQ(*m_store->nextOutboxDueMs({"email"}), std::nullopt) << "nothing on that channel";

  EXPECT_TRUE(m_store->claimOutbox(claimOf("relay-a", 3199))->empty()) << "not due yet";
  const auto again = m_store->claimOutbox(claimOf("relay-a", 3200));
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ(again->front().attempts, 2);
  EXPECT_EQ(again->front().reference, queued.reference) << "the same reference on every attempt";
  ASSERT_TRUE(written(m_store->recordOutboxOutcome(outcomeOf(ids[0], "relay-a", OutboxStatus::Delivered, 3300))));
  const auto delivered = message(ids[0]);
  EXPECT_EQ(delivered.status, OutboxStatus::Delivered);
  EXPECT_EQ(delivered.deliveredAtMs, 3300);
  EXPECT_EQ(delivered.lastError, "") << "delivery clears the last error";
  EXPECT_EQ(*m_store->nextOutboxDueMs({"sms"}), std::nullopt) << "nothing left to send";
}

TEST_P(OutboxClaimContract, AnExpiredLeaseIsReclaimedAndTheLosingRelayCannotRecord) {
  const auto ids = queueCases(1, {"email"});
  ASSERT_EQ(m_store->claimOutbox(claimOf("relay-a", 1000, 10, {"email"}, 5000))->size(), 1u);
  auto other = openAnother();
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->claimOutbox(claimOf("relay-b", 5999))->empty()) << "the lease holds until 6000";
  EXPECT_EQ(*other->nextOutboxDueMs({"email"}), std::optional<std::int64_t>(6000));
  const auto taken = other->claimOutbox(claimOf("relay-b", 6000));
  ASSERT_EQ(taken->size(), 1u) << "relay-a died mid-send, as far as anyone can tell";
  EXPECT_EQ(taken->front().attempts, 2);

  const auto late = m_store->recordOutboxOutcome(outcomeOf(ids[0], "relay-a", OutboxStatus::Failed, 7000, "550"));
  ASSERT_TRUE(late) << late.error().message;
  EXPECT_FALSE(*late) << "relay-a lost its claim";
  EXPECT_EQ(message(ids[0]).status, OutboxStatus::Sending);
  EXPECT_EQ(message(ids[0]).lastError, "");
  ASSERT_TRUE(written(other->recordOutboxOutcome(outcomeOf(ids[0], "relay-b", OutboxStatus::Delivered, 7100))));
  EXPECT_EQ(message(ids[0]).status, OutboxStatus::Delivered);
  EXPECT_FALSE(written(m_store->recordOutboxOutcome(outcomeOf(ids[0], "relay-b", OutboxStatus::Failed, 7200, "x"))))
      << "a message no longer sending takes no outcome, not even from its last relay";
  EXPECT_EQ(message(ids[0]).status, OutboxStatus::Delivered);
}

TEST_P(OutboxClaimContract, AnOutcomeIsDeliveredQueuedOrFailed) {
  const auto ids = queueCases(1, {"sms"});
  ASSERT_EQ(m_store->claimOutbox(claimOf("relay-a", 1000))->size(), 1u);
  const auto sending = m_store->recordOutboxOutcome(outcomeOf(ids[0], "relay-a", OutboxStatus::Sending, 1100));
  ASSERT_FALSE(sending);
  EXPECT_EQ(sending.error().field, "status");
  ASSERT_TRUE(written(m_store->recordOutboxOutcome(
      outcomeOf(ids[0], "relay-a", OutboxStatus::Failed, 1100, "HTTP 400: invalid number"))));
  const auto parked = message(ids[0]);
  EXPECT_EQ(parked.status, OutboxStatus::Failed);
  EXPECT_EQ(parked.lastError, "HTTP 400: invalid number");
  EXPECT_EQ(parked.deliveredAtMs, 0);
  EXPECT_EQ(*m_store->nextOutboxDueMs({"sms"}), std::nullopt) << "a parked message is not due";
}

TEST_P(OutboxClaimContract, RetryQueuesAFailedMessageWithAFreshBudget) {
  const auto ids = queueCases(2, {"sms"});
  ASSERT_EQ(m_store->claimOutbox(claimOf("relay-a", 1000, 10, {"sms"}, 600'000))->size(), 2u);
  ASSERT_TRUE(written(m_store->recordOutboxOutcome(
      outcomeOf(ids[0], "relay-a", OutboxStatus::Failed, 1100, "gave up after 20 attempts: timeout"))));

  const auto retried = m_store->retryOutbox(ids[0], 50'000);
  ASSERT_TRUE(retried) << retried.error().message;
  EXPECT_EQ(retried->status, OutboxStatus::Queued);
  EXPECT_EQ(retried->attempts, 0);
  EXPECT_EQ(retried->nextAttemptMs, 50'000);
  EXPECT_EQ(retried->lastError, "gave up after 20 attempts: timeout") << "kept until the next attempt";
  EXPECT_TRUE(m_store->claimOutbox(claimOf("relay-a", 49'999))->empty());
  const auto claimed = m_store->claimOutbox(claimOf("relay-a", 50'000));
  ASSERT_EQ(idsOf(*claimed), std::vector<std::int64_t>{ids[0]});
  EXPECT_EQ(claimed->front().attempts, 1);

  const auto notFailed = m_store->retryOutbox(ids[1], 50'000);
  ASSERT_FALSE(notFailed);
  EXPECT_EQ(notFailed.error().kind, ErrorKind::BadInput);
  EXPECT_EQ(notFailed.error().field, "id");
  EXPECT_NE(notFailed.error().message.find("is sending"), std::string::npos) << notFailed.error().message;
  EXPECT_EQ(message(ids[1]).status, OutboxStatus::Sending) << "a refused retry changes nothing";
  const auto unknown = m_store->retryOutbox(9999, 50'000);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::NotFound);
  EXPECT_EQ(unknown.error().field, "id");
}

// A batch of outcomes is one transaction: each written only where its relay still holds the
// claim, and nothing at all when one of them cannot be written.
TEST_P(OutboxClaimContract, ABatchOfOutcomesIsWrittenInOneTransactionWhereTheClaimsHold) {
  const auto ids = queueCases(4, {"sms"});
  ASSERT_EQ(idsOf(*m_store->claimOutbox(claimOf("relay-a", 1000, 2, {"sms"}, 5000))),
            (std::vector<std::int64_t>{ids[0], ids[1]}));
  ASSERT_EQ(idsOf(*m_store->claimOutbox(claimOf("relay-a", 3000, 2, {"sms"}, 5000))),
            (std::vector<std::int64_t>{ids[2], ids[3]}));
  auto other = openAnother();
  ASSERT_TRUE(other);
  ASSERT_EQ(idsOf(*other->claimOutbox(claimOf("relay-b", 6000))), (std::vector<std::int64_t>{ids[0], ids[1]}))
      << "relay-a's first two leases ended at 6000, its last two hold until 8000";

  // An outcome the database refuses (a trigger here; a full disk in life) undoes the whole batch.
  database().refuseOutboxUpdates(ids[3], "disk full");
  const auto refused = m_store->recordOutboxOutcomes({outcomeOf(ids[2], "relay-a", OutboxStatus::Delivered, 7000),
                                                      outcomeOf(ids[3], "relay-a", OutboxStatus::Delivered, 7000)});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::Storage);
  EXPECT_NE(refused.error().message.find("disk full"), std::string::npos) << refused.error().message;
  EXPECT_EQ(message(ids[2]).status, OutboxStatus::Sending) << "written before the refusal, and undone with it";
  database().allowOutboxUpdates();

  const auto recorded = m_store->recordOutboxOutcomes(
      {outcomeOf(ids[0], "relay-a", OutboxStatus::Delivered, 7000),
       outcomeOf(ids[2], "relay-a", OutboxStatus::Queued, 7000, "HTTP 503: busy", 9000),
       outcomeOf(ids[1], "relay-a", OutboxStatus::Failed, 7000, "HTTP 400"),
       outcomeOf(ids[3], "relay-a", OutboxStatus::Delivered, 7000)});
  ASSERT_TRUE(recorded) << recorded.error().message;
  EXPECT_EQ(*recorded, (std::vector<bool>{false, true, false, true})) << "in the order asked";
  EXPECT_EQ(message(ids[0]).status, OutboxStatus::Sending) << "relay-b's now";
  EXPECT_EQ(message(ids[1]).status, OutboxStatus::Sending) << "relay-b's now";
  EXPECT_EQ(message(ids[1]).lastError, "");
  const auto retried = message(ids[2]);
  EXPECT_EQ(retried.status, OutboxStatus::Queued);
  EXPECT_EQ(retried.nextAttemptMs, 9000);
  EXPECT_EQ(retried.lastError, "HTTP 503: busy");
  EXPECT_EQ(message(ids[3]).status, OutboxStatus::Delivered);
  EXPECT_EQ(message(ids[3]).deliveredAtMs, 7000);

  const auto sending = other->recordOutboxOutcomes({outcomeOf(ids[0], "relay-b", OutboxStatus::Delivered, 7100),
                                                    outcomeOf(ids[1], "relay-b", OutboxStatus::Sending, 7100)});
  ASSERT_FALSE(sending);
  EXPECT_EQ(sending.error().field, "status");
  EXPECT_EQ(message(ids[0]).status, OutboxStatus::Sending) << "a refused batch writes nothing";
  const auto none = other->recordOutboxOutcomes({});
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(*other->recordOutboxOutcomes({outcomeOf(ids[0], "relay-b", OutboxStatus::Delivered, 7100),
                                          outcomeOf(ids[1], "relay-b", OutboxStatus::Delivered, 7100)}),
            (std::vector<bool>{true, true}));
  EXPECT_EQ(message(ids[1]).status, OutboxStatus::Delivered);
}

// Two relays, each its own connection to one database, claiming and recording from two threads at
// once: every message is claimed by exactly one of them, exactly once.
TEST_P(OutboxClaimContract, TwoRelaysOnOneDatabaseNeverClaimTheSameMessage) {
  const auto ids = queueCases(60, {"sms", "email"});
  ASSERT_EQ(ids.size(), 120u);
  std::mutex seenMutex;
  std::map<std::int64_t, int> claims;
  const auto relay = [&](std::string name) {
    auto store = openAnother();
    if (!store) return;
    for (;;) {
      const auto claimed = store->claimOutbox(claimOf(name, 1000, 3, {"sms", "email"}, 600'000));
      if (!claimed) {
        ADD_FAILURE() << claimed.error().message;
        return;
      }
      if (claimed->empty()) return;
      for (const auto& m : *claimed) {
        {
          const std::scoped_lock lock(seenMutex);
          ++claims[m.id];
        }
        const auto recorded = store->recordOutboxOutcome(outcomeOf(m.id, name, OutboxStatus::Delivered, 1001));
        EXPECT_TRUE(written(recorded)) << name << " lost message " << m.id;
      }
    }
  };
  std::thread a(relay, "relay-a");
  std::thread b(relay, "relay-b");
  a.join();
  b.join();
  ASSERT_EQ(claims.size(), ids.size());
  for (const auto& [id, count] : claims) EXPECT_EQ(count, 1) << "message " << id;
  OutboxQuery delivered;
  delivered.status = OutboxStatus::Delivered;
  EXPECT_EQ(m_store->listOutbox(delivered)->size(), ids.size());
}

INSTANTIATE_TEST_SUITE_P(Store, OutboxClaimContract, ::testing::ValuesIn(contractBackends()), backendName);

}  // namespace
}  // namespace kiosk::test
