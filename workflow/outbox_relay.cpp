#include "workflow/outbox_relay.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <memory>
#include <random>
#include <thread>
#include <utility>

namespace kiosk {
namespace {

constexpr std::int64_t kMaxMs = std::numeric_limits<std::int64_t>::max();

std::int64_t saturatingAdd(std::int64_t a, std::int64_t b) {
  if (b > 0 && a > kMaxMs - b) return kMaxMs;
  return a + b;
}

// "gave up after 20 attempts: HTTP 503: busy"
std::string gaveUp(int attempts, const std::string& detail) {
  return "gave up after " + std::to_string(attempts) + (attempts == 1 ? " attempt: " : " attempts: ") + detail;
}

void countOutcome(const OutboxOutcome& outcome, const Result<bool>& written, RelayPass& pass) {
  if (!written) {
    ++pass.storeErrors;
    pass.lastStoreError = written.error().message;
  } else if (!*written) {
    ++pass.lostClaims;
  } else if (outcome.status == OutboxStatus::Delivered) {
    ++pass.delivered;
  } else if (outcome.status == OutboxStatus::Queued) {
    ++pass.retried;
  } else {
    ++pass.failed;
  }
}

}  // namespace

RelayPass& RelayPass::operator+=(const RelayPass& other) {
  claimed += other.claimed;
  delivered += other.delivered;
  retried += other.retried;
  failed += other.failed;
  lostClaims += other.lostClaims;
  storeErrors += other.storeErrors;
  if (!other.lastStoreError.empty()) lastStoreError = other.lastStoreError;
  return *this;
}

std::int64_t backoffDelayMs(int attempts, const RelayPolicy& policy, double random01) {
  const std::int64_t cap = std::max<std::int64_t>(policy.backoffMaxMs, 0);
  std::int64_t wait = std::clamp<std::int64_t>(policy.backoffInitialMs, 0, cap);
  // Doubling by steps rather than a shift: attempts may run past 63 without overflowing.
  for (int i = 1; i < attempts && wait < cap; ++i) wait = wait > cap / 2 ? cap : wait * 2;
  const double r = std::isnan(random01) ? 0.0 : std::clamp(random01, 0.0, 1.0);
  const std::int64_t half = wait / 2;
  return (wait - half) + static_cast<std::int64_t>(r * static_cast<double>(half));
}

std::int64_t relayLeaseMs(const RelayPolicy& policy) {
  const std::int64_t timeout = std::max<std::int64_t>(policy.callTimeoutMs, 0);
  return saturatingAdd(timeout > kMaxMs / 2 ? kMaxMs : timeout * 2, 5000);
}

std::vector<std::string> configuredChannels(const Notifier& notifier) {
  std::vector<std::string> channels;
  for (const char* channel : {"sms", "email"}) {
    if (notifier.configured(channel)) channels.emplace_back(channel);
  }
  return channels;
}

OutboxRelay::OutboxRelay(OutboxStore& store, Notifier& notifier, RelayPolicy policy,
                         std::function<std::int64_t()> nowMs, std::function<double()> random01, std::string relayName)
    : m_store(store),
      m_notifier(notifier),
      m_policy(policy),
      m_nowMs(std::move(nowMs)),
      m_random01(std::move(random01)),
      m_name(std::move(relayName)) {
  m_policy.parallelSends = std::max(m_policy.parallelSends, 1);
}

Result<RelayPass> OutboxRelay::runOnce() {
  const auto channels = configuredChannels(m_notifier);
  if (channels.empty()) return RelayPass{};
  Result<std::vector<OutboxMessage>> claimed;
  {
    const std::scoped_lock lock(m_storeMutex);
    OutboxClaim claim;
    claim.relay = m_name;
    claim.nowMs = now();
    claim.leaseMs = relayLeaseMs(m_policy);
    claim.limit = static_cast<std::size_t>(m_policy.parallelSends);
    claim.channels = channels;
    claimed = m_store.claimOutbox(claim);
  }
  if (!claimed) return tl::unexpected(claimed.error());

  RelayPass pass;
  pass.claimed = static_cast<int>(claimed->size());
  std::vector<OutboxMessage> toSend;
  bool parkedAny = false;
  for (OutboxMessage& m : *claimed) {
    if (m.attempts > m_policy.maxAttempts) {
      // A relay died during the last attempt allowed (the claim counted it): park it unsent.
      const std::string why = m.lastError.empty() ? "no outcome recorded (the relay sending it stopped)" : m.lastError;
      queueOutcome(OutboxOutcome{m.id, m_name, OutboxStatus::Failed, 0, gaveUp(m.attempts - 1, why), now()}, pass);
      parkedAny = true;
    } else {
      toSend.push_back(std::move(m));
    }
  }
  if (parkedAny) writeQueuedOutcomes();  // all parked ones in one transaction
  sendAll(toSend, pass);
  return pass;
}

void OutboxRelay::sendAll(const std::vector<OutboxMessage>& messages, RelayPass& pass) {
  std::atomic<std::size_t> next{0};
  // Each worker takes the next message, sends it and records its outcome at once, so a slow
  // gateway holds up no other message's record.
  const auto work = [&] {
    for (std::size_t i = next++; i < messages.size(); i = next++) {
      const SendOutcome sent = sendOne(messages[i]);
      record(outcomeOf(messages[i], sent), pass);
    }
  };
  const std::size_t helpers =
      std::min(messages.size(), static_cast<std::size_t>(m_policy.parallelSends)) - (messages.empty() ? 0 : 1);
  std::vector<std::thread> threads;
  try {
    for (std::size_t i = 0; i < helpers; ++i) threads.emplace_back(work);
  } catch (const std::exception&) {
    // No more threads to be had: the ones started and this one send the rest.
  }
  work();
  for (auto& t : threads) t.join();
}

SendOutcome OutboxRelay::sendOne(const OutboxMessage& message) {
  // A notifier that throws has not said the message arrived: try again later.
  try {
    return m_notifier.send(message);
  } catch (const std::exception& e) {
    return SendOutcome{SendResult::Retry, std::string("the gateway failed: ") + e.what()};
  } catch (...) {
    return SendOutcome{SendResult::Retry, "the gateway failed"};
  }
}

OutboxOutcome OutboxRelay::outcomeOf(const OutboxMessage& message, const SendOutcome& sent) {
  OutboxOutcome outcome;
  outcome.id = message.id;
  outcome.relay = m_name;
  outcome.atMs = now();
  switch (sent.result) {
    case SendResult::Delivered:
      outcome.status = OutboxStatus::Delivered;
      break;
    case SendResult::Permanent:
      outcome.status = OutboxStatus::Failed;
      outcome.lastError = sent.detail;
      break;
    case SendResult::Retry:
      if (message.attempts >= m_policy.maxAttempts) {
        outcome.status = OutboxStatus::Failed;
        outcome.lastError = gaveUp(message.attempts, sent.detail);
      } else {
        outcome.status = OutboxStatus::Queued;
        outcome.lastError = sent.detail;
        outcome.nextAttemptMs =
            saturatingAdd(outcome.atMs, backoffDelayMs(message.attempts, m_policy, random01()));
      }
      break;
  }
  return outcome;
}

void OutboxRelay::record(OutboxOutcome outcome, RelayPass& pass) {
  queueOutcome(std::move(outcome), pass);
  writeQueuedOutcomes();
}

void OutboxRelay::queueOutcome(OutboxOutcome outcome, RelayPass& pass) {
  const std::scoped_lock lock(m_queuedMutex);
  m_queued.push_back(QueuedOutcome{std::move(outcome), &pass});
}

void OutboxRelay::writeQueuedOutcomes() {
  // Waiting here is what groups the outcomes: those queued while another thread writes are all
  // taken by the first of their threads to get the store, and the others find nothing left.
  const std::scoped_lock storeLock(m_storeMutex);
  std::vector<QueuedOutcome> batch;
  {
    const std::scoped_lock lock(m_queuedMutex);
    batch.swap(m_queued);
  }
  if (batch.empty()) return;
  std::vector<OutboxOutcome> outcomes;
  outcomes.reserve(batch.size());
  for (const QueuedOutcome& q : batch) outcomes.push_back(q.outcome);
  auto written = m_store.recordOutboxOutcomes(outcomes);
  if (written && written->size() != batch.size()) {
    written = storageError("the store answered for " + std::to_string(written->size()) + " outcomes of " +
                           std::to_string(batch.size()));
  }
  if (written) {
    for (std::size_t i = 0; i < batch.size(); ++i) {
      countOutcome(batch[i].outcome, Result<bool>((*written)[i]), *batch[i].pass);
    }
  } else if (batch.size() == 1) {
    countOutcome(batch.front().outcome, tl::unexpected(written.error()), *batch.front().pass);
  } else {
    // The transaction wrote none of them: each on its own, so that only an outcome the store
    // refuses leaves its message to be sent again after its lease.
    for (const QueuedOutcome& q : batch) countOutcome(q.outcome, m_store.recordOutboxOutcome(q.outcome), *q.pass);
  }
}

std::int64_t OutboxRelay::now() {
  const std::scoped_lock lock(m_clockMutex);
  return m_nowMs();
}

double OutboxRelay::random01() {
  const std::scoped_lock lock(m_clockMutex);
  return m_random01();
}

Result<RelayIdle> OutboxRelay::runUntilIdle(const std::function<void(std::int64_t ms)>& sleep) {
  RelayIdle idle;
  for (;;) {
    const auto pass = runOnce();
    if (!pass) return tl::unexpected(pass.error());
    ++idle.passes;
    idle.total += *pass;
    if (pass->claimed > 0) continue;
    const auto channels = configuredChannels(m_notifier);
    if (channels.empty()) return idle;
    std::int64_t waitMs = 0;
    {
      const std::scoped_lock lock(m_storeMutex);
      const auto next = m_store.nextOutboxDueMs(channels);
      if (!next) return tl::unexpected(next.error());
      if (!*next) return idle;  // everything on these channels delivered or parked
      // At least 1 ms: the claim found nothing due, so the clock must move before it can. At
      // most idlePollMs: what waits may be another relay's claim, finished well before its end.
      waitMs = std::clamp<std::int64_t>(**next - now(), 1, std::max<std::int64_t>(m_policy.idlePollMs, 1));
    }
    sleep(waitMs);
    idle.sleptMs += waitMs;
  }
}

std::int64_t OutboxRelay::idleWaitMs(std::int64_t pollMs) {
  const auto channels = configuredChannels(m_notifier);
  if (channels.empty()) return pollMs;
  const std::scoped_lock lock(m_storeMutex);
  const auto next = m_store.nextOutboxDueMs(channels);
  if (!next || !*next) return pollMs;
  return std::clamp<std::int64_t>(**next - now(), 1, pollMs);
}

void OutboxRelay::runUntilStopped(std::int64_t pollMs, const std::function<void(const Result<RelayPass>&)>& onPass) {
  pollMs = std::max<std::int64_t>(pollMs, 1);
  for (;;) {
    {
      const std::scoped_lock lock(m_wakeMutex);
      if (m_stopped) return;
      m_woken = false;  // a wake() from here on makes the wait below return at once
    }
    const auto pass = runOnce();
    if (onPass) onPass(pass);
    // A failed claim waits the full poll: retrying it at once would spin on a broken store.
    std::int64_t waitMs = pollMs;
    if (pass) waitMs = pass->claimed > 0 ? 0 : idleWaitMs(pollMs);
    std::unique_lock lock(m_wakeMutex);
    m_wakeUp.wait_for(lock, std::chrono::milliseconds(waitMs), [this] { return m_stopped || m_woken; });
  }
}

void OutboxRelay::wake() {
  {
    const std::scoped_lock lock(m_wakeMutex);
    m_woken = true;
  }
  m_wakeUp.notify_all();
}

void OutboxRelay::stop() {
  {
    const std::scoped_lock lock(m_wakeMutex);
    m_stopped = true;
  }
  m_wakeUp.notify_all();
}

std::int64_t systemUtcMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::function<double()> uniformJitter(std::optional<std::uint64_t> seed) {
  auto generator = std::make_shared<std::mt19937_64>(seed ? *seed : std::random_device{}());
  return [generator] { return std::uniform_real_distribution<double>(0.0, 1.0)(*generator); };
}

}  // namespace kiosk
