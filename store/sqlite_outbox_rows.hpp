#pragma once
// The mapping between OutboxMessage and the outbox_message table (migration 4).
#include <cstdint>
#include <vector>

#include "workflow/outbox.hpp"

namespace kiosk {

class SqliteConnection;

// Writes `messages` for the case `sequence` and sets each one's id. Throws SqliteError; a
// reference already used, or a message without its event, fails the whole transaction.
void insertOutboxMessages(SqliteConnection& db, std::uint64_t sequence, std::vector<OutboxMessage>& messages);

// The messages matching `query`, oldest first, each with its case's number.
[[nodiscard]] std::vector<OutboxMessage> selectOutboxMessages(SqliteConnection& db, const OutboxQuery& query);

}  // namespace kiosk
