#pragma once
// The outbox relay: claims due messages, hands them to the Notifier a few at a time, records
// each outcome (delivered, retry later with backoff, or parked as failed) while its claim holds.
// The kiosk runs it in a background thread (runUntilStopped), `kioskctl outbox run` once or
// until idle. Plain C++: the store, the gateways, the clock and the randomness come in as ports.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "workflow/error.hpp"
#include "workflow/notifier.hpp"
#include "workflow/outbox_store.hpp"
#include "workflow/relay_policy.hpp"

namespace kiosk {

// What one pass did, for logs and the kiosk's status line.
struct RelayPass {
  int claimed = 0;     // messages this relay took (sent, or parked unsent)
  int delivered = 0;
  int retried = 0;     // queued again for a later attempt
  int failed = 0;      // parked: permanent refusals, attempts used up
  int lostClaims = 0;  // outcomes not written: another relay took the message over meanwhile
  // Outcomes the store could not write: those messages are sent again once their lease ends.
  int storeErrors = 0;
  std::string lastStoreError;

  RelayPass& operator+=(const RelayPass& other);
};

// What runUntilIdle did in all.
struct RelayIdle {
  RelayPass total;
  int passes = 0;
  std::int64_t sleptMs = 0;  // waiting out backoff
};

// The wait after `attempts` failed attempts (1 = the first): backoffInitialMs doubling per
// attempt, capped at backoffMaxMs, with "equal jitter": half that wait for certain plus up to
// the other half at random (random01 in [0, 1)). Why equal, not full jitter: full jitter may
// retry at once after a failure, hammering a gateway that just said 503 or timed out, and its
// spreading matters most with hundreds of competing clients, where we have a few stations.
// Half at random still spreads the messages an outage failed together.
[[nodiscard]] std::int64_t backoffDelayMs(int attempts, const RelayPolicy& policy, double random01);

// How long a claim holds: two calls' timeouts and some slack, so a live relay always records
// its outcome before another relay may take the message over.
[[nodiscard]] std::int64_t relayLeaseMs(const RelayPolicy& policy);

// The channels a relay serves: those of "sms" and "email" the notifier has a gateway for.
[[nodiscard]] std::vector<std::string> configuredChannels(const Notifier& notifier);

// The real clock and randomness a running relay uses (the kiosk's, kioskctl's, the bench's):
// UTC milliseconds since the epoch, and uniform [0, 1) from its own generator (seeded from the
// system unless a seed is given, for a repeatable bench).
[[nodiscard]] std::int64_t systemUtcMs();
[[nodiscard]] std::function<double()> uniformJitter(std::optional<std::uint64_t> seed = std::nullopt);

class OutboxRelay {
 public:
  // nowMs: UTC milliseconds since the epoch. random01: [0, 1), for the backoff's jitter.
  // relayName: unique per running relay (gateways/relay_name.hpp: defaultRelayName()).
  OutboxRelay(OutboxStore& store, Notifier& notifier, RelayPolicy policy, std::function<std::int64_t()> nowMs,
              std::function<double()> random01, std::string relayName);
  OutboxRelay(const OutboxRelay&) = delete;
  OutboxRelay& operator=(const OutboxRelay&) = delete;

  // One pass: claims up to policy.parallelSends due messages on the configured channels, sends
  // them at once on as many threads, and records each outcome as soon as its send returns
  // (outcomes that return while another is being written go together in the next transaction).
  // An error only when the claim failed; failed records are counted in the pass.
  [[nodiscard]] Result<RelayPass> runOnce();

  // Passes until nothing on the configured channels is queued or sending; between passes that
  // claimed nothing it calls sleep(ms) until the next message is due (backoff, another relay's
  // lease). Messages on other channels stay queued and do not hold it up.
  [[nodiscard]] Result<RelayIdle> runUntilIdle(const std::function<void(std::int64_t ms)>& sleep);

  // For a background thread: passes until stop(). After a pass that claimed something the next
  // starts at once; otherwise it waits until the next message is due, at most pollMs (other
  // stations queue messages too), or until wake() or stop(). onPass sees every pass's result
  // (a failed claim included; the relay carries on after the wait). The wait is on the real
  // steady clock. stop() ends a wait at once; a pass in progress finishes its sends first
  // (each bounded by its channel's timeout).
  void runUntilStopped(std::int64_t pollMs, const std::function<void(const Result<RelayPass>&)>& onPass);
  // Something was queued: the background relay looks now instead of after its wait.
  void wake();
  // Makes runUntilStopped return (for good: a stopped relay stays stopped). Any thread.
  void stop();

  [[nodiscard]] const std::string& name() const { return m_name; }

 private:
  [[nodiscard]] OutboxOutcome outcomeOf(const OutboxMessage& message, const SendOutcome& sent);
  // Group commit: an outcome is queued, then whoever gets the store next writes all queued ones
  // in one transaction (one disk sync) and counts each in its own pass. Returns once `outcome`
  // is written (or refused): by this thread, or by the writer before it that took it along.
  void record(OutboxOutcome outcome, RelayPass& pass);
  void queueOutcome(OutboxOutcome outcome, RelayPass& pass);
  void writeQueuedOutcomes();
  [[nodiscard]] std::int64_t now();
  [[nodiscard]] double random01();
  void sendAll(const std::vector<OutboxMessage>& messages, RelayPass& pass);
  [[nodiscard]] SendOutcome sendOne(const OutboxMessage& message);
  // How long runUntilStopped waits before its next pass.
  [[nodiscard]] std::int64_t idleWaitMs(std::int64_t pollMs);

  OutboxStore& m_store;
  Notifier& m_notifier;
  RelayPolicy m_policy;
  std::function<std::int64_t()> m_nowMs;
  std::function<double()> m_random01;
  std::string m_name;

  // Guards the store (it need not be thread-safe) and the passes' counts: the send threads
  // record through it.
  std::mutex m_storeMutex;
  // Outcomes waiting for the next writer, each with the pass that counts it. Taken after
  // m_storeMutex when both are held.
  struct QueuedOutcome {
    OutboxOutcome outcome;
    RelayPass* pass = nullptr;
  };
  std::mutex m_queuedMutex;
  std::vector<QueuedOutcome> m_queued;
  // Guards the clock and the random source, which the send threads read outside the store lock.
  std::mutex m_clockMutex;

  std::mutex m_wakeMutex;
  std::condition_variable m_wakeUp;
  bool m_woken = false;
  bool m_stopped = false;
};

}  // namespace kiosk
