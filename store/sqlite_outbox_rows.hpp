#pragma once
// The mapping between OutboxMessage and the outbox_message table (migration 4).
#include <cstdint>
#include <string_view>
#include <vector>

#include "workflow/outbox.hpp"

namespace kiosk {

class SqliteConnection;
class SqliteStatement;

// The columns every outbox read selects, in readOutboxRows' order; `o` is outbox_message, `c`
// its repair_case.
inline constexpr std::string_view kOutboxColumns =
    "o.id, c.number, o.event_position, o.channel, o.recipient, o.subject, o.body, o.reference, "
    "o.status, o.attempts, o.last_error, o.created_at, o.next_attempt_ms, o.delivered_at_ms";

// Writes `messages` for the case `sequence` and sets each one's id. Throws SqliteError; a
// reference already used, or a message without its event, fails the whole transaction.
void insertOutboxMessages(SqliteConnection& db, std::uint64_t sequence, std::vector<OutboxMessage>& messages);

// The messages matching `query`, oldest first, each with its case's number.
[[nodiscard]] std::vector<OutboxMessage> selectOutboxMessages(SqliteConnection& db, const OutboxQuery& query);

// Steps `select` (which selects kOutboxColumns) to its end, one message a row.
[[nodiscard]] std::vector<OutboxMessage> readOutboxRows(SqliteConnection& db, SqliteStatement& select);

}  // namespace kiosk
