#include "store/pg_outbox_rows.hpp"

#include <limits>

#include "store/pg_connection.hpp"

namespace kiosk {
namespace {

constexpr std::string_view kColumns =
    "o.id, c.number, o.event_position, o.channel, o.recipient, o.subject, o.body, o.reference, "
    "o.status, o.attempts, o.last_error, o.created_at, o.next_attempt_ms, o.delivered_at_ms";

// A queued message is due at its next attempt; a sending one when its lease ends.
constexpr std::string_view kDueAt = "CASE o.status WHEN 'queued' THEN o.next_attempt_ms ELSE o.lease_until_ms END";

std::int64_t saturatingAdd(std::int64_t a, std::int64_t b) {
  if (b > 0 && a > std::numeric_limits<std::int64_t>::max() - b) return std::numeric_limits<std::int64_t>::max();
  return a + b;
}

// Channels go as one text[] parameter: one statement text whatever their number.
std::string textArray(const std::vector<std::string>& items) {
  std::string literal = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) literal += ',';
    literal += '"';
    for (const char ch : items[i]) {
      if (ch == '"' || ch == '\\') literal += '\\';
      literal += ch;
    }
    literal += '"';
  }
  return literal + "}";
}

std::vector<OutboxMessage> readRows(const PgResult& rows) {
  std::vector<OutboxMessage> messages;
  messages.reserve(static_cast<std::size_t>(rows.rows()));
  for (int r = 0; r < rows.rows(); ++r) {
    OutboxMessage m;
    m.id = rows.integer(r, 0);
    m.caseNumber = rows.text(r, 1);
    m.eventPosition = static_cast<std::size_t>(rows.integer(r, 2));
    m.channel = rows.text(r, 3);
    m.to = rows.text(r, 4);
    m.subject = rows.text(r, 5);
    m.text = rows.text(r, 6);
    m.reference = rows.text(r, 7);
    const std::string status = rows.text(r, 8);
    const auto parsed = parseOutboxStatus(status);
    if (!parsed) throw PgError::corrupt("an outbox message has status '" + status + "'");
    m.status = *parsed;
    m.attempts = static_cast<int>(rows.integer(r, 9));
    m.lastError = rows.text(r, 10);
    const std::string created = rows.text(r, 11);
    const auto at = parseLocalTime(created);
    if (!at) throw PgError::corrupt("outbox column created_at holds '" + created + "', which is not a local time");
    m.createdAt = *at;
    m.nextAttemptMs = rows.integer(r, 12);
    m.deliveredAtMs = rows.optionalInteger(r, 13).value_or(0);
    messages.push_back(std::move(m));
  }
  return messages;
}

std::string selectSql(std::string_view tail) {
  return "SELECT " + std::string(kColumns) + " FROM outbox_message o JOIN repair_case c ON c.seq = o.case_seq " +
         std::string(tail);
}

}  // namespace

std::string pgOutboxInsertSql(PgParams& params, std::size_t sequenceParameter,
                              const std::vector<OutboxMessage>& messages, bool asItIs) {
  std::string values;
  for (const OutboxMessage& m : messages) {
    values += values.empty() ? "($" : ", ($";
    values += std::to_string(sequenceParameter);
    const auto add = [&](auto&& append) {
      append();
      values += ", $" + std::to_string(params.size());
    };
    add([&] { params.integer(static_cast<std::int64_t>(m.eventPosition)); });
    add([&] { params.text(m.channel); });
    add([&] { params.text(m.to); });
    add([&] { params.text(m.subject); });
    add([&] { params.text(m.text); });
    add([&] { params.text(m.reference); });
    add([&] { params.text(outboxStatusName(m.status)); });
    add([&] { params.integer(m.attempts); });
    add([&] { params.text(m.lastError); });
    add([&] { params.text(formatLocalTime(m.createdAt)); });
    add([&] { params.integer(m.nextAttemptMs); });
    // Only an import keeps when a message was delivered; a new one has not been.
    add([&] {
      params.optionalInteger(asItIs && m.deliveredAtMs != 0 ? std::optional<std::int64_t>(m.deliveredAtMs)
                                                            : std::nullopt);
    });
    values += ")";
  }
  return "INSERT INTO outbox_message (case_seq, event_position, channel, recipient, subject, body, reference, status, "
         "attempts, last_error, created_at, next_attempt_ms, delivered_at_ms) VALUES " +
         values + " RETURNING id, reference";
}

void assignPgOutboxIds(const PgResult& returned, std::vector<OutboxMessage>& messages) {
  for (int r = 0; r < returned.rows(); ++r) {
    const std::string reference = returned.text(r, 1);
    for (OutboxMessage& m : messages) {
      if (m.reference == reference) m.id = returned.integer(r, 0);
    }
  }
}

void insertPgOutboxMessages(PgConnection& db, std::uint64_t sequence, std::vector<OutboxMessage>& messages) {
  if (messages.empty()) return;
  PgParams params;
  params.integer(static_cast<std::int64_t>(sequence));
  const std::string sql = pgOutboxInsertSql(params, 1, messages, false);
  assignPgOutboxIds(db.exec(sql, params), messages);
}

PgStatement pgOutboxListStatement(const OutboxQuery& query) {
  // A term for each filter that is set, each combination a statement text of its own: a NULL
  // switching a filter off would keep the generic plan off the indexes (see pg_case_queries.cpp).
  PgParams params;
  std::string where;
  const auto add = [&](const std::string& term, const std::string& value) {
    params.text(value);
    where += (where.empty() ? "WHERE " : " AND ") + term + std::to_string(params.size()) + " ";
  };
  if (query.status) add("o.status = $", std::string(outboxStatusName(*query.status)));
  if (query.caseNumber) add("c.number = $", *query.caseNumber);
  std::string tail = where + "ORDER BY o.id";
  if (query.limit != 0) {
    params.integer(query.limit > static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max())
                       ? std::numeric_limits<std::int64_t>::max()
                       : static_cast<std::int64_t>(query.limit));
    tail += " LIMIT $" + std::to_string(params.size());
  }
  return {selectSql(tail), std::move(params)};
}

std::vector<OutboxMessage> selectPgOutboxMessages(PgConnection& db, const OutboxQuery& query) {
  const PgStatement list = pgOutboxListStatement(query);
  return readRows(db.exec(list.sql, list.params));
}

std::optional<OutboxMessage> selectPgOutboxMessage(PgConnection& db, std::int64_t id) {
  auto rows = readRows(db.exec(selectSql("WHERE o.id = $1"), PgParams().integer(id)));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<OutboxMessage> claimPgOutboxRows(PgConnection& db, const OutboxClaim& claim) {
  if (claim.channels.empty() || claim.limit == 0) return {};
  const auto limit = claim.limit > static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max())
                         ? std::numeric_limits<std::int64_t>::max()
                         : static_cast<std::int64_t>(claim.limit);
  PgParams params;
  params.integer(claim.nowMs).integer(limit).text(textArray(claim.channels)).text(claim.relay).integer(
      saturatingAdd(claim.nowMs, claim.leaseMs));
  const PgResult taken = db.exec(
      "WITH due AS (SELECT o.id FROM outbox_message o WHERE o.channel = ANY($3::text[]) AND "
      "((o.status = 'queued' AND o.next_attempt_ms <= $1) OR (o.status = 'sending' AND o.lease_until_ms <= $1)) "
      "ORDER BY " + std::string(kDueAt) + ", o.id LIMIT $2 FOR UPDATE SKIP LOCKED) "
      "UPDATE outbox_message m SET status = 'sending', claimed_by = $4, lease_until_ms = $5, attempts = m.attempts + 1 "
      "FROM due WHERE m.id = due.id RETURNING m.id",
      params);
  std::vector<std::int64_t> ids;
  for (int r = 0; r < taken.rows(); ++r) ids.push_back(taken.integer(r, 0));
  if (ids.empty()) return {};
  std::vector<std::string> idTexts;
  for (const auto id : ids) idTexts.push_back(std::to_string(id));
  return readRows(
      db.exec(selectSql("WHERE o.id = ANY($1::bigint[]) ORDER BY " + std::string(kDueAt) + ", o.id"),
              PgParams().text(textArray(idTexts))));
}

bool recordPgOutboxRow(PgConnection& db, const OutboxOutcome& outcome) {
  const bool delivered = outcome.status == OutboxStatus::Delivered;
  PgParams params;
  params.integer(outcome.id)
      .text(outcome.relay)
      .text(outboxStatusName(outcome.status))
      .integer(outcome.status == OutboxStatus::Queued ? outcome.nextAttemptMs : 0)
      .text(delivered ? std::string() : outcome.lastError)
      .optionalInteger(delivered ? std::optional<std::int64_t>(outcome.atMs) : std::nullopt);
  const PgResult updated = db.exec(
      "UPDATE outbox_message SET status = $3, next_attempt_ms = $4, last_error = $5, delivered_at_ms = $6, "
      "claimed_by = '', lease_until_ms = 0 WHERE id = $1 AND status = 'sending' AND claimed_by = $2",
      params);
  return updated.affected() == 1;
}

bool requeuePgOutboxRow(PgConnection& db, std::int64_t id, std::int64_t nowMs) {
  const PgResult updated =
      db.exec("UPDATE outbox_message SET status = 'queued', attempts = 0, next_attempt_ms = $2, claimed_by = '', "
              "lease_until_ms = 0 WHERE id = $1 AND status = 'failed' AND recipient <> ''",
              PgParams().integer(id).integer(nowMs));
  return updated.affected() == 1;
}

std::optional<std::int64_t> selectPgNextOutboxDueMs(PgConnection& db, const std::vector<std::string>& channels) {
  if (channels.empty()) return std::nullopt;
  const PgResult next = db.exec("SELECT min(" + std::string(kDueAt) +
                                    ") FROM outbox_message o WHERE o.status IN ('queued', 'sending') AND "
                                    "o.channel = ANY($1::text[])",
                                PgParams().text(textArray(channels)));
  return next.optionalInteger(0, 0);
}

}  // namespace kiosk
