#pragma once
// The OutboxStore port: what the outbox relay needs of the store. The SQLite store implements it
// beside CaseStore (later PostgreSQL too). Times here are UTC milliseconds since the epoch: the
// relay's clock, which a DST change cannot turn back.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "workflow/error.hpp"
#include "workflow/outbox.hpp"

namespace kiosk {

struct OutboxClaim {
  std::string relay;                  // who claims: unique per running relay (host, pid, random)
  std::int64_t nowMs = 0;
  std::int64_t leaseMs = 0;           // how long the claim holds before another relay may take it
  std::size_t limit = 1;              // at most this many messages
  std::vector<std::string> channels;  // only these channels (the configured ones)
};

struct OutboxOutcome {
  std::int64_t id = 0;
  std::string relay;                  // must still hold the claim, else nothing is written
  OutboxStatus status = OutboxStatus::Delivered;  // Delivered, Queued (retry later) or Failed (parked)
  std::int64_t nextAttemptMs = 0;     // with Queued: when to try again
  std::string lastError;              // with Queued and Failed: why ("" clears it on Delivered)
  std::int64_t atMs = 0;              // when the attempt ended
};

class OutboxStore {
 public:
  OutboxStore() = default;
  OutboxStore(const OutboxStore&) = delete;
  OutboxStore& operator=(const OutboxStore&) = delete;
  virtual ~OutboxStore() = default;

  // In one transaction: up to claim.limit messages on claim.channels that are due (queued with
  // nextAttemptMs <= nowMs, or sending whose lease ended before nowMs: a relay that died
  // mid-send), oldest due first, become `sending`, held by claim.relay until nowMs + leaseMs,
  // with attempts + 1. Two relays never get the same message while a lease holds.
  [[nodiscard]] virtual Result<std::vector<OutboxMessage>> claimOutbox(const OutboxClaim& claim) = 0;

  // Writes the outcome of one attempt if outcome.relay still holds the message (status sending,
  // claimed by it); returns false, writing nothing, when it does not (its lease ran out and
  // another relay took it over).
  [[nodiscard]] virtual Result<bool> recordOutboxOutcome(const OutboxOutcome& outcome) = 0;

  // Several outcomes in one transaction (one disk sync for all: the relay writes together what
  // finished while it was writing). Each is written only if its relay still holds the message,
  // as recordOutboxOutcome; the answer says per outcome, in order, whether it was. An error
  // writes none of them.
  [[nodiscard]] virtual Result<std::vector<bool>> recordOutboxOutcomes(const std::vector<OutboxOutcome>& outcomes) = 0;

  // A failed message is queued again, due at nowMs, with a fresh budget of attempts (attempts
  // 0, last_error kept until the next attempt). NotFound for an unknown id; BadInput naming
  // "id" for a message that is not failed or has no recipient (whyNotRetryable).
  [[nodiscard]] virtual Result<OutboxMessage> retryOutbox(std::int64_t id, std::int64_t nowMs) = 0;

  // The earliest moment anything on `channels` becomes claimable (a queued message's
  // nextAttemptMs, a sending one's lease end); nullopt when nothing is queued or sending there.
  [[nodiscard]] virtual Result<std::optional<std::int64_t>> nextOutboxDueMs(
      const std::vector<std::string>& channels) = 0;
};

}  // namespace kiosk
