#include "store/sqlite_outbox_claims.hpp"

#include <limits>

#include "store/sqlite_connection.hpp"
#include "store/sqlite_outbox_rows.hpp"

namespace kiosk {
namespace {

// "?first, ?first+1, ...": one parameter per channel. The texts differ only by the channel
// count, so the connection's statement cache holds one per count.
std::string channelParameters(std::size_t count, int first) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) list += ", ";
    list += "?" + std::to_string(first + static_cast<int>(i));
  }
  return list;
}

void bindChannels(SqliteStatement& statement, const std::vector<std::string>& channels, int first) {
  for (std::size_t i = 0; i < channels.size(); ++i) {
    statement.bind(first + static_cast<int>(i), std::string_view(channels[i]));
  }
}

std::int64_t saturatingAdd(std::int64_t a, std::int64_t b) {
  if (b > 0 && a > std::numeric_limits<std::int64_t>::max() - b) return std::numeric_limits<std::int64_t>::max();
  return a + b;
}

// A queued message is due at its next attempt; a sending one when its lease ends (a lease held
// "until T" has ended at T). The same expression orders the claims and answers "next due".
constexpr std::string_view kDueAt = "CASE o.status WHEN 'queued' THEN o.next_attempt_ms ELSE o.lease_until_ms END";

}  // namespace

std::vector<OutboxMessage> claimOutboxRows(SqliteConnection& db, const OutboxClaim& claim) {
  if (claim.channels.empty() || claim.limit == 0) return {};
  const auto limit = claim.limit > static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max())
                         ? std::int64_t{-1}
                         : static_cast<std::int64_t>(claim.limit);
  std::vector<std::int64_t> ids;
  {
    SqliteStatement due(db, "SELECT o.id FROM outbox_message o WHERE o.channel IN (" +
                                channelParameters(claim.channels.size(), 3) +
                                ") AND ((o.status = 'queued' AND o.next_attempt_ms <= ?1) OR "
                                "(o.status = 'sending' AND o.lease_until_ms <= ?1)) ORDER BY " +
                                std::string(kDueAt) + ", o.id LIMIT ?2");
    due.bind(1, claim.nowMs);
    due.bind(2, limit);
    bindChannels(due, claim.channels, 3);
    while (due.step()) ids.push_back(due.integer(0));
  }
  std::vector<OutboxMessage> claimed;
  claimed.reserve(ids.size());
  for (const std::int64_t id : ids) {
    SqliteStatement take(db,
                         "UPDATE outbox_message SET status = 'sending', claimed_by = ?2, lease_until_ms = ?3, "
                         "attempts = attempts + 1 WHERE id = ?1");
    take.bind(1, id);
    take.bind(2, std::string_view(claim.relay));
    take.bind(3, saturatingAdd(claim.nowMs, claim.leaseMs));
    take.run();
    auto message = selectOutboxMessage(db, id);
    if (!message) throw SqliteError::failure(db.path() + ": outbox message " + std::to_string(id) + " vanished");
    claimed.push_back(std::move(*message));
  }
  return claimed;
}

bool recordOutboxRow(SqliteConnection& db, const OutboxOutcome& outcome) {
  // The claim ends with the outcome: no relay holds a message that is not sending.
  SqliteStatement record(db,
                         "UPDATE outbox_message SET status = ?3, next_attempt_ms = ?4, last_error = ?5, "
                         "delivered_at_ms = ?6, claimed_by = '', lease_until_ms = 0 "
                         "WHERE id = ?1 AND status = 'sending' AND claimed_by = ?2");
  record.bind(1, outcome.id);
  record.bind(2, std::string_view(outcome.relay));
  record.bind(3, outboxStatusName(outcome.status));
  const bool delivered = outcome.status == OutboxStatus::Delivered;
  record.bind(4, outcome.status == OutboxStatus::Queued ? outcome.nextAttemptMs : std::int64_t{0});
  // "" spelt out: an empty string_view has no data pointer, and SQLite binds that as NULL.
  record.bind(5, delivered ? std::string_view("") : std::string_view(outcome.lastError));
  record.bind(6, delivered ? std::optional<std::int64_t>(outcome.atMs) : std::nullopt);
  record.run();
  return db.changes() == 1;
}

std::optional<OutboxMessage> selectOutboxMessage(SqliteConnection& db, std::int64_t id) {
  SqliteStatement select(db, "SELECT " + std::string(kOutboxColumns) +
                                 " FROM outbox_message o JOIN repair_case c ON c.seq = o.case_seq WHERE o.id = ?1");
  select.bind(1, id);
  auto rows = readOutboxRows(db, select);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

void requeueOutboxRow(SqliteConnection& db, std::int64_t id, std::int64_t nowMs) {
  // last_error stays: it says why the message was parked until the next attempt says otherwise.
  SqliteStatement requeue(db,
                          "UPDATE outbox_message SET status = 'queued', attempts = 0, next_attempt_ms = ?2, "
                          "claimed_by = '', lease_until_ms = 0 WHERE id = ?1");
  requeue.bind(1, id);
  requeue.bind(2, nowMs);
  requeue.run();
}

std::optional<std::int64_t> selectNextOutboxDueMs(SqliteConnection& db, const std::vector<std::string>& channels) {
  if (channels.empty()) return std::nullopt;
  SqliteStatement next(db, "SELECT min(" + std::string(kDueAt) + ") FROM outbox_message o WHERE o.status IN "
                                                                  "('queued', 'sending') AND o.channel IN (" +
                               channelParameters(channels.size(), 1) + ")");
  bindChannels(next, channels, 1);
  if (!next.step()) return std::nullopt;
  return next.optionalInteger(0);
}

}  // namespace kiosk
