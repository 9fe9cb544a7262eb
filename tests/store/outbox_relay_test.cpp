// The outbox relay over the real SQLite store and a scripted notifier: what it records for each
// answer, the backoff it leaves in next_attempt_ms, leases lost and taken over, two relays on
// one file, a relay that dies mid-send, runUntilIdle on a fake clock, and the background loop.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "tests/store/outbox_fixture.hpp"
#include "tests/store/scripted_notifier.hpp"
#include "workflow/outbox_relay.hpp"

namespace kiosk::test {
namespace {

constexpr std::int64_t kStart = 1'795'939'200'000;  // 2026-11-29T08:00:00Z

RelayPolicy testPolicy() {
  RelayPolicy p;
  p.backoffInitialMs = 1000;
  p.backoffMaxMs = 300'000;
  p.maxAttempts = 5;
  p.callTimeoutMs = 10'000;  // lease 25 s
  p.parallelSends = 4;
  p.idlePollMs = 600'000;  // the waits below are whole (a backoff, a dead relay's lease)
  return p;
}

// An OutboxStore whose relay "dies" after sending: claims go through, no outcome is ever written.
class DiesBeforeRecording final : public OutboxStore {
 public:
  explicit DiesBeforeRecording(OutboxStore& store) : m_store(store) {}
  Result<std::vector<OutboxMessage>> claimOutbox(const OutboxClaim& claim) override {
    return m_store.claimOutbox(claim);
  }
  Result<bool> recordOutboxOutcome(const OutboxOutcome&) override {
    return storageError("the relay's process was killed before it wrote the outcome");
  }
  Result<std::vector<bool>> recordOutboxOutcomes(const std::vector<OutboxOutcome>&) override {
    return storageError("the relay's process was killed before it wrote the outcomes");
  }
  Result<OutboxMessage> retryOutbox(std::int64_t id, std::int64_t nowMs) override {
    return m_store.retryOutbox(id, nowMs);
  }
  Result<std::optional<std::int64_t>> nextOutboxDueMs(const std::vector<std::string>& channels) override {
    return m_store.nextOutboxDueMs(channels);
  }

 private:
  OutboxStore& m_store;
};

// The real store, remembering how many outcomes each write carried (one entry per transaction).
class CountsWrites final : public OutboxStore {
 public:
  explicit CountsWrites(OutboxStore& store) : m_store(store) {}
  Result<std::vector<OutboxMessage>> claimOutbox(const OutboxClaim& claim) override {
    return m_store.claimOutbox(claim);
  }
  Result<bool> recordOutboxOutcome(const OutboxOutcome& outcome) override {
    writes.push_back(1);
    return m_store.recordOutboxOutcome(outcome);
  }
  Result<std::vector<bool>> recordOutboxOutcomes(const std::vector<OutboxOutcome>& outcomes) override {
    writes.push_back(outcomes.size());
    return m_store.recordOutboxOutcomes(outcomes);
  }
  Result<OutboxMessage> retryOutbox(std::int64_t id, std::int64_t nowMs) override {
    return m_store.retryOutbox(id, nowMs);
  }
  Result<std::optional<std::int64_t>> nextOutboxDueMs(const std::vector<std::string>& channels) override {
    return m_store.nextOutboxDueMs(channels);
  }

  std::vector<std::size_t> writes;  // the relay calls the store under its lock: no race here

 private:
  OutboxStore& m_store;
};

class OutboxRelayTest : public OutboxFixture {
 protected:
  std::unique_ptr<OutboxRelay> relay(OutboxStore& store, Notifier& notifier, const std::string& name,
                                     RelayPolicy policy = testPolicy()) {
    return std::make_unique<OutboxRelay>(
        store, notifier, policy, [this] { return m_now.load(); }, [] { return 0.5; }, name);
  }
  // A sleep that only moves the fake clock on, and remembers each wait.
  std::function<void(std::int64_t)> fakeSleep() {
    return [this](std::int64_t ms) {
      m_sleeps.push_back(ms);
      m_now += ms;
    };
  }
  std::size_t countWithStatus(OutboxStatus status) {
    OutboxQuery q;
    q.status = status;
    return m_store->listOutbox(q)->size();
  }

  std::atomic<std::int64_t> m_now{kStart};
  std::vector<std::int64_t> m_sleeps;
};

TEST_F(OutboxRelayTest, DeliversWhatIsDueUpToParallelSendsAPass) {
  const auto ids = queueCases(3, {"sms", "email"});
  ScriptedNotifier notifier;
  auto r = relay(*m_store, notifier, "relay-a");
  const auto first = r->runOnce();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->claimed, 4);
  EXPECT_EQ(first->delivered, 4);
  const auto second = r->runOnce();
  EXPECT_EQ(second->delivered, 2);
  EXPECT_EQ(r->runOnce()->claimed, 0);
  for (const auto id : ids) {
    const auto m = message(id);
    EXPECT_EQ(m.status, OutboxStatus::Delivered);
    EXPECT_EQ(m.deliveredAtMs, kStart);
    EXPECT_EQ(m.attempts, 1);
    EXPECT_EQ(notifier.sends(m.reference), 1);
  }
}

// parallelSends messages are in flight at once: each send waits (bounded) until all four have
// started, so sending them one after another could never see four at once.
TEST_F(OutboxRelayTest, SendsAPassConcurrently) {
  queueCases(2, {"sms", "email"});
  ScriptedNotifier gateway;
  std::mutex flight;
  std::condition_variable changed;
  int inFlight = 0;
  int mostInFlight = 0;
  gateway.onSend([&](const OutboxMessage&) {
    std::unique_lock lock(flight);
    mostInFlight = std::max(mostInFlight, ++inFlight);
    changed.notify_all();
    changed.wait_for(lock, std::chrono::seconds(30), [&] { return mostInFlight >= 4; });
    --inFlight;
  });
  const auto pass = relay(*m_store, gateway, "relay-a")->runOnce();
  ASSERT_TRUE(pass) << pass.error().message;
  EXPECT_EQ(pass->delivered, 4);
  EXPECT_EQ(mostInFlight, 4);
}

// A notifier that throws has not delivered anything: the message is retried, not lost.
TEST_F(OutboxRelayTest, ANotifierThatThrowsMeansRetry) {
  const auto ids = queueCases(1, {"sms"});
  ScriptedNotifier gateway;
  gateway.onSend([](const OutboxMessage&) { throw std::runtime_error("curl_easy_init returned nothing"); });
  EXPECT_EQ(relay(*m_store, gateway, "relay-a")->runOnce()->retried, 1);
  const auto m = message(ids[0]);
  EXPECT_EQ(m.status, OutboxStatus::Queued);
  EXPECT_EQ(m.lastError, "the gateway failed: curl_easy_init returned nothing");
}

TEST_F(OutboxRelayTest, ARetryWaitsItsBackoffThenDelivers) {
  const auto ids = queueCases(1, {"sms"});
  const std::string reference = message(ids[0]).reference;
  ScriptedNotifier notifier;
  notifier.script(reference, {{SendResult::Retry, "HTTP 503: try later"}});
  auto r = relay(*m_store, notifier, "relay-a");
  EXPECT_EQ(r->runOnce()->retried, 1);
  auto m = message(ids[0]);
  EXPECT_EQ(m.status, OutboxStatus::Queued);
  EXPECT_EQ(m.nextAttemptMs, kStart + backoffDelayMs(1, testPolicy(), 0.5));
  EXPECT_EQ(m.nextAttemptMs, kStart + 750);
  EXPECT_EQ(m.lastError, "HTTP 503: try later");
  m_now = kStart + 749;
  EXPECT_EQ(r->runOnce()->claimed, 0) << "not before its backoff";
  m_now = kStart + 750;
  EXPECT_EQ(r->runOnce()->delivered, 1);
  m = message(ids[0]);
  EXPECT_EQ(m.status, OutboxStatus::Delivered);
  EXPECT_EQ(m.attempts, 2);
  EXPECT_EQ(m.lastError, "");
  EXPECT_EQ(notifier.sends(reference), 2);
}

TEST_F(OutboxRelayTest, APermanentRefusalIsParkedWithItsReason) {
  const auto ids = queueCases(1, {"sms"});
  ScriptedNotifier notifier;
  notifier.script(message(ids[0]).reference, {{SendResult::Permanent, "HTTP 400: 'to' is not a mobile number"}});
  auto r = relay(*m_store, notifier, "relay-a");
  EXPECT_EQ(r->runOnce()->failed, 1);
  const auto m = message(ids[0]);
  EXPECT_EQ(m.status, OutboxStatus::Failed);
  EXPECT_EQ(m.lastError, "HTTP 400: 'to' is not a mobile number");
  EXPECT_EQ(r->runOnce()->claimed, 0) << "a parked message stays parked";
}

TEST_F(OutboxRelayTest, RunUntilIdleWaitsOutEachBackoffAndParksAfterMaxAttempts) {
  const auto ids = queueCases(1, {"sms"});
  ScriptedNotifier notifier;
  notifier.answerAlways({SendResult::Retry, "timeout after 10000 ms"});
  RelayPolicy policy = testPolicy();
  policy.maxAttempts = 3;
  auto r = relay(*m_store, notifier, "relay-a", policy);
  const auto idle = r->runUntilIdle(fakeSleep());
  ASSERT_TRUE(idle) << idle.error().message;
  EXPECT_EQ(m_sleeps, (std::vector<std::int64_t>{750, 1500})) << "equal jitter at 0.5 after attempts 1 and 2";
  EXPECT_EQ(idle->sleptMs, 2250);
  EXPECT_EQ(idle->total.retried, 2);
  EXPECT_EQ(idle->total.failed, 1);
  const auto m = message(ids[0]);
  EXPECT_EQ(m.status, OutboxStatus::Failed);
  EXPECT_EQ(m.attempts, 3);
  EXPECT_EQ(m.lastError, "gave up after 3 attempts: timeout after 10000 ms");
  EXPECT_EQ(notifier.sends(m.reference), 3);
}

TEST_F(OutboxRelayTest, RunUntilIdleReturnsOnceEveryMessageIsDeliveredOrParked) {
  const auto ids = queueCases(3, {"sms"});
  ScriptedNotifier notifier;
  notifier.script(message(ids[1]).reference,
                  {{SendResult::Retry, "HTTP 500"}, {SendResult::Retry, "connection refused"}});
  notifier.script(message(ids[2]).reference, {{SendResult::Permanent, "HTTP 404"}});
  auto r = relay(*m_store, notifier, "relay-a");
  const auto idle = r->runUntilIdle(fakeSleep());
  ASSERT_TRUE(idle) << idle.error().message;
  EXPECT_EQ(idle->total.delivered, 2);
  EXPECT_EQ(idle->total.failed, 1);
  EXPECT_EQ(idle->total.retried, 2);
  EXPECT_EQ(m_sleeps, (std::vector<std::int64_t>{750, 1500}));
  EXPECT_EQ(countWithStatus(OutboxStatus::Queued) + countWithStatus(OutboxStatus::Sending), 0u);
  EXPECT_EQ(message(ids[1]).status, OutboxStatus::Delivered);
  EXPECT_EQ(message(ids[1]).attempts, 3);
  EXPECT_EQ(message(ids[2]).status, OutboxStatus::Failed);
}

TEST_F(OutboxRelayTest, AnUnconfiguredChannelStaysQueuedAndDoesNotHoldUpRunUntilIdle) {
  const auto ids = queueCases(2, {"sms", "email"});
  ScriptedNotifier smsOnly({"sms"});
  auto r = relay(*m_store, smsOnly, "relay-a");
  const auto idle = r->runUntilIdle(fakeSleep());
  ASSERT_TRUE(idle) << idle.error().message;
  EXPECT_EQ(idle->total.delivered, 2);
  EXPECT_TRUE(m_sleeps.empty());
  EXPECT_EQ(message(ids[0]).status, OutboxStatus::Delivered);
  EXPECT_EQ(message(ids[1]).status, OutboxStatus::Queued);
  EXPECT_EQ(message(ids[1]).attempts, 0) << "never claimed";
  EXPECT_EQ(smsOnly.totalSends(), 2);

  ScriptedNotifier none(std::set<std::string>{});
  const auto nothing = relay(*m_store, none, "relay-b")->runUntilIdle(fakeSleep());
  ASSERT_TRUE(nothing);
  EXPECT_EQ(nothing->total.claimed, 0) << "no gateway: the messages wait in the outbox";
}

// Relay A's send hangs past its lease; relay B takes the message over and delivers it. When A's
// send finally returns, its outcome is refused and B's stands.
TEST_F(OutboxRelayTest, ARelayWhoseLeaseRanOutCannotOverwriteTheNewOwner) {
  const auto ids = queueCases(1, {"email"});
  ScriptedNotifier slow;
  std::mutex gate;
  std::condition_variable released;
  bool release = false;
  slow.onSend([&](const OutboxMessage&) {
    std::unique_lock lock(gate);
    released.wait(lock, [&] { return release; });
  });
  slow.answerAlways({SendResult::Permanent, "550 mailbox unavailable"});
  auto a = relay(*m_store, slow, "relay-a");
  Result<RelayPass> passA;
  std::thread sending([&] { passA = a->runOnce(); });
  slow.waitForSends(1);

  m_now = kStart + relayLeaseMs(testPolicy());
  auto otherStore = openStore();
  ScriptedNotifier fast;
  auto b = relay(*otherStore, fast, "relay-b");
  EXPECT_EQ(b->runOnce()->delivered, 1);
  {
    const std::scoped_lock lock(gate);
    release = true;
  }
  released.notify_all();
  sending.join();
  ASSERT_TRUE(passA) << passA.error().message;
  EXPECT_EQ(passA->lostClaims, 1);
  EXPECT_EQ(passA->failed, 0);
  const auto m = message(ids[0]);
  EXPECT_EQ(m.status, OutboxStatus::Delivered);
  EXPECT_EQ(m.lastError, "");
  EXPECT_EQ(m.attempts, 2);
}

// A relay killed between the gateway's answer and its record: after the lease another relay
// sends the message again, with the same reference, so the gateway can drop the duplicate.
TEST_F(OutboxRelayTest, AMessageOfARelayKilledMidSendIsSentAgainWithTheSameReference) {
  const auto ids = queueCases(1, {"sms"});
  const std::string reference = message(ids[0]).reference;
  ScriptedNotifier gateway;
  DiesBeforeRecording dying(*m_store);
  const auto lost = relay(dying, gateway, "relay-killed")->runOnce();
  ASSERT_TRUE(lost);
  EXPECT_EQ(lost->storeErrors, 1);
  EXPECT_EQ(message(ids[0]).status, OutboxStatus::Sending);

  auto otherStore = openStore();
  auto b = relay(*otherStore, gateway, "relay-b");
  EXPECT_EQ(b->runOnce()->claimed, 0) << "the dead relay's lease still holds";
  const auto idle = b->runUntilIdle(fakeSleep());
  ASSERT_TRUE(idle) << idle.error().message;
  EXPECT_EQ(m_sleeps, std::vector<std::int64_t>{relayLeaseMs(testPolicy())}) << "it waits out the lease";
  EXPECT_EQ(idle->total.delivered, 1);
  EXPECT_EQ(gateway.sendsByReference(), (std::map<std::string, int>{{reference, 2}}))
      << "both attempts carried the one reference";
  EXPECT_EQ(message(ids[0]).attempts, 2);
}

// While it waits for another relay's claim it looks again every idlePollMs: a live relay's
// messages are done long before its lease would end, and --until-idle should not wait that out.
TEST_F(OutboxRelayTest, WaitingForAnotherRelaysClaimItLooksAgainEveryPollInterval) {
  const auto ids = queueCases(1, {"sms"});
  ScriptedNotifier gateway;
  DiesBeforeRecording dying(*m_store);
  ASSERT_TRUE(relay(dying, gateway, "relay-killed")->runOnce());
  RelayPolicy polling = testPolicy();
  polling.idlePollMs = 5000;
  auto otherStore = openStore();
  const auto idle = relay(*otherStore, gateway, "relay-b", polling)->runUntilIdle(fakeSleep());
  ASSERT_TRUE(idle) << idle.error().message;
  ASSERT_FALSE(m_sleeps.empty());
  for (const auto ms : m_sleeps) EXPECT_LE(ms, 5000);
  EXPECT_EQ(idle->sleptMs, relayLeaseMs(testPolicy())) << "the same wait in all, in looks of at most 5 s";
  EXPECT_EQ(message(ids[0]).status, OutboxStatus::Delivered);
}

// A relay died on the last attempt allowed: the next claim is past maxAttempts, and the
// message is parked without another send.
TEST_F(OutboxRelayTest, AMessageClaimedPastMaxAttemptsIsParkedUnsent) {
  const auto ids = queueCases(1, {"sms"});
  RelayPolicy policy = testPolicy();
  policy.maxAttempts = 2;
  ScriptedNotifier gateway;
  DiesBeforeRecording dying(*m_store);
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(relay(dying, gateway, "relay-killed-" + std::to_string(i), policy)->runOnce()->storeErrors, 1);
    m_now += relayLeaseMs(policy);
  }
  const auto pass = relay(*m_store, gateway, "relay-c", policy)->runOnce();
  ASSERT_TRUE(pass);
  EXPECT_EQ(pass->failed, 1);
  EXPECT_EQ(gateway.totalSends(), 2) << "no third send";
  const auto m = message(ids[0]);
  EXPECT_EQ(m.status, OutboxStatus::Failed);
  EXPECT_EQ(m.lastError, "gave up after 2 attempts: no outcome recorded (the relay sending it stopped)");
}

// Messages parked unsent at one claim are written in one transaction, each counted.
TEST_F(OutboxRelayTest, MessagesParkedUnsentAtOneClaimAreWrittenTogether) {
  const auto ids = queueCases(3, {"sms"});
  RelayPolicy policy = testPolicy();
  policy.maxAttempts = 1;
  ScriptedNotifier gateway;
  DiesBeforeRecording dying(*m_store);
  ASSERT_EQ(relay(dying, gateway, "relay-killed", policy)->runOnce()->storeErrors, 3);
  m_now += relayLeaseMs(policy);
  CountsWrites counting(*m_store);
  const auto pass = relay(counting, gateway, "relay-c", policy)->runOnce();
  ASSERT_TRUE(pass) << pass.error().message;
  EXPECT_EQ(pass->claimed, 3);
  EXPECT_EQ(pass->failed, 3);
  EXPECT_EQ(pass->storeErrors, 0);
  EXPECT_EQ(counting.writes, std::vector<std::size_t>{3}) << "one transaction for the three";
  EXPECT_EQ(gateway.totalSends(), 3) << "only the killed relay's sends";
  for (const auto id : ids) EXPECT_EQ(message(id).status, OutboxStatus::Failed);
}

// Outcomes that return while another is being written wait for it and go in a later write
// (together, unless a thread is slower to queue its outcome than the write is to end): the first
// write is held until the other three sends have returned. Each is written and counted once.
TEST_F(OutboxRelayTest, OutcomesReturningDuringAWriteAreEachWrittenAndCountedOnce) {
  const auto ids = queueCases(4, {"sms"});
  CountsWrites counting(*m_store);
  ScriptedNotifier gateway;
  std::mutex gate;
  std::condition_variable changed;
  int returned = 0;
  bool firstWriteStarted = false;
  // The first send returns at once; the others only once its write has begun (the relay holds
  // the store from the moment it takes the queued outcomes until they are written).
  gateway.onSend([&](const OutboxMessage& m) {
    std::unique_lock lock(gate);
    if (m.id != ids[0]) changed.wait_for(lock, std::chrono::seconds(30), [&] { return firstWriteStarted; });
    ++returned;
    changed.notify_all();
  });
  class HoldsFirstWrite final : public OutboxStore {
   public:
    HoldsFirstWrite(OutboxStore& store, std::function<void()> first) : m_store(store), m_first(std::move(first)) {}
    Result<std::vector<OutboxMessage>> claimOutbox(const OutboxClaim& c) override { return m_store.claimOutbox(c); }
    Result<bool> recordOutboxOutcome(const OutboxOutcome& o) override { return m_store.recordOutboxOutcome(o); }
    Result<std::vector<bool>> recordOutboxOutcomes(const std::vector<OutboxOutcome>& o) override {
      if (m_first) std::exchange(m_first, nullptr)();
      return m_store.recordOutboxOutcomes(o);
    }
    Result<OutboxMessage> retryOutbox(std::int64_t id, std::int64_t nowMs) override {
      return m_store.retryOutbox(id, nowMs);
    }
    Result<std::optional<std::int64_t>> nextOutboxDueMs(const std::vector<std::string>& c) override {
      return m_store.nextOutboxDueMs(c);
    }

   private:
    OutboxStore& m_store;
    std::function<void()> m_first;
  };
  HoldsFirstWrite holding(counting, [&] {
    std::unique_lock lock(gate);
    firstWriteStarted = true;
    changed.notify_all();
    changed.wait_for(lock, std::chrono::seconds(30), [&] { return returned == 4; });
  });
  const auto pass = relay(holding, gateway, "relay-a")->runOnce();
  ASSERT_TRUE(pass) << pass.error().message;
  EXPECT_EQ(pass->claimed, 4);
  EXPECT_EQ(pass->delivered, 4);
  EXPECT_EQ(pass->lostClaims + pass->storeErrors, 0);
  ASSERT_FALSE(counting.writes.empty());
  EXPECT_EQ(counting.writes.front(), 1u) << "the first outcome is written as soon as it returns";
  std::size_t written = 0;
  for (const auto n : counting.writes) written += n;
  EXPECT_EQ(written, 4u) << "each outcome written once";
  for (const auto id : ids) EXPECT_EQ(message(id).status, OutboxStatus::Delivered);
}

// Two relays, each with its own connection to the file, in two threads: 200 messages, each
// sent exactly once.
TEST_F(OutboxRelayTest, TwoRelaysOnOneFileSendEachMessageExactlyOnce) {
  const auto ids = queueCases(100, {"sms", "email"});
  ASSERT_EQ(ids.size(), 200u);
  ScriptedNotifier gateway;
  const auto drain = [&](const std::string& name, RelayPass& total) {
    auto store = openStore();
    ASSERT_TRUE(store);
    auto r = relay(*store, gateway, name);
    for (;;) {
      const auto pass = r->runOnce();
      ASSERT_TRUE(pass) << pass.error().message;
      if (pass->claimed == 0) return;
      total += *pass;
    }
  };
  RelayPass a, b;
  std::thread first(drain, "relay-a", std::ref(a));
  std::thread second(drain, "relay-b", std::ref(b));
  first.join();
  second.join();
  EXPECT_EQ(a.delivered + b.delivered, 200);
  EXPECT_EQ(a.lostClaims + b.lostClaims, 0);
  const auto sends = gateway.sendsByReference();
  EXPECT_EQ(sends.size(), 200u);
  for (const auto& [reference, count] : sends) EXPECT_EQ(count, 1) << reference;
  EXPECT_EQ(countWithStatus(OutboxStatus::Delivered), 200u);
}

// The kiosk's background loop on the real clock: wake() makes it look at once, and stop()
// ends a wait that would otherwise last ten minutes.
TEST_F(OutboxRelayTest, TheBackgroundLoopWakesAndStopsWithoutWaitingOutItsPoll) {
  ScriptedNotifier gateway;
  OutboxRelay r(
      *m_store, gateway, testPolicy(),
      [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
      },
      [] { return 0.5; }, "relay-bg");
  std::mutex seenMutex;
  std::condition_variable seenChanged;
  int passes = 0;
  int delivered = 0;
  std::thread background([&] {
    r.runUntilStopped(600'000, [&](const Result<RelayPass>& pass) {
      const std::scoped_lock lock(seenMutex);
      ++passes;
      if (pass) delivered += pass->delivered;
      seenChanged.notify_all();
    });
  });
  {
    std::unique_lock lock(seenMutex);
    seenChanged.wait(lock, [&] { return passes >= 1; });
  }
  queueCases(1, {"sms"});
  r.wake();
  {
    std::unique_lock lock(seenMutex);
    seenChanged.wait(lock, [&] { return delivered >= 1; });
  }
  r.stop();
  background.join();
  EXPECT_EQ(countWithStatus(OutboxStatus::Delivered), 1u);
}

}  // namespace
}  // namespace kiosk::test
