#include "store/sqlite_outbox_rows.hpp"

#include <limits>
#include <string>

#include "store/sqlite_connection.hpp"

namespace kiosk {
namespace {

LocalTime storedTime(const SqliteConnection& db, std::string_view column, const std::string& text) {
  const auto at = parseLocalTime(text);
  if (!at) {
    throw SqliteError::corrupt(db.path() + ": outbox column " + std::string(column) + " holds '" + text +
                               "', which is not a local time");
  }
  return *at;
}

}  // namespace

void insertOutboxMessages(SqliteConnection& db, std::uint64_t sequence, std::vector<OutboxMessage>& messages) {
  for (OutboxMessage& m : messages) {
    SqliteStatement insert(db,
                           "INSERT INTO outbox_message (case_seq, event_position, channel, recipient, subject, "
                           "body, reference, status, attempts, last_error, created_at, next_attempt_ms) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id");
    insert.bind(1, static_cast<std::int64_t>(sequence));
    insert.bind(2, static_cast<std::int64_t>(m.eventPosition));
    insert.bind(3, std::string_view(m.channel));
    insert.bind(4, std::string_view(m.to));
    insert.bind(5, std::string_view(m.subject));
    insert.bind(6, std::string_view(m.text));
    insert.bind(7, std::string_view(m.reference));
    insert.bind(8, outboxStatusName(m.status));
    insert.bind(9, static_cast<std::int64_t>(m.attempts));
    insert.bind(10, std::string_view(m.lastError));
    insert.bind(11, std::string_view(formatLocalTime(m.createdAt)));
    insert.bind(12, m.nextAttemptMs);
    if (!insert.step()) throw SqliteError::failure(db.path() + ": an outbox insert returned no id");
    m.id = insert.integer(0);
  }
}

std::vector<OutboxMessage> selectOutboxMessages(SqliteConnection& db, const OutboxQuery& query) {
  // Each filter has its own parameter number, so one text serves each combination.
  std::string sql = "SELECT " + std::string(kOutboxColumns) + " FROM outbox_message o JOIN repair_case c ON c.seq = o.case_seq";
  std::string where;
  if (query.status) where += " WHERE o.status = ?1";
  if (query.caseNumber) where += std::string(where.empty() ? " WHERE" : " AND") + " c.number = ?2";
  sql += where + " ORDER BY o.id LIMIT ?3";
  SqliteStatement select(db, sql);
  if (query.status) select.bind(1, outboxStatusName(*query.status));
  if (query.caseNumber) select.bind(2, std::string_view(*query.caseNumber));
  const auto limit = query.limit == 0 || query.limit > static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max())
                         ? std::int64_t{-1}
                         : static_cast<std::int64_t>(query.limit);
  select.bind(3, limit);
  return readOutboxRows(db, select);
}

std::vector<OutboxMessage> readOutboxRows(SqliteConnection& db, SqliteStatement& select) {
  std::vector<OutboxMessage> messages;
  while (select.step()) {
    OutboxMessage m;
    m.id = select.integer(0);
    m.caseNumber = select.text(1);
    m.eventPosition = static_cast<std::size_t>(select.integer(2));
    m.channel = select.text(3);
    m.to = select.text(4);
    m.subject = select.text(5);
    m.text = select.text(6);
    m.reference = select.text(7);
    const std::string status = select.text(8);
    const auto parsed = parseOutboxStatus(status);
    if (!parsed) throw SqliteError::corrupt(db.path() + ": an outbox message has status '" + status + "'");
    m.status = *parsed;
    m.attempts = static_cast<int>(select.integer(9));
    m.lastError = select.text(10);
    m.createdAt = storedTime(db, "created_at", select.text(11));
    m.nextAttemptMs = select.integer(12);
    m.deliveredAtMs = select.optionalInteger(13).value_or(0);
    messages.push_back(std::move(m));
  }
  return messages;
}

}  // namespace kiosk
