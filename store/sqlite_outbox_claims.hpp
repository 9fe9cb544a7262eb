#pragma once
// The relay's side of the outbox table: claims with a lease, outcomes, retries, the next due
// moment (workflow/outbox_store.hpp). Callers hold the transaction; these only run statements.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "workflow/outbox_store.hpp"

namespace kiosk {

class SqliteConnection;

// Marks up to claim.limit due messages as sending for claim.relay and returns them, oldest due
// first. Run inside BEGIN IMMEDIATE: the select and the updates must see no other writer between them.
[[nodiscard]] std::vector<OutboxMessage> claimOutboxRows(SqliteConnection& db, const OutboxClaim& claim);

// Writes the outcome when outcome.relay still holds the message; false (nothing written) when not.
[[nodiscard]] bool recordOutboxRow(SqliteConnection& db, const OutboxOutcome& outcome);

[[nodiscard]] std::optional<OutboxMessage> selectOutboxMessage(SqliteConnection& db, std::int64_t id);

// A failed message back to queued, due at nowMs, attempts 0 (the caller checked it is failed).
void requeueOutboxRow(SqliteConnection& db, std::int64_t id, std::int64_t nowMs);

// The earliest queued message's next attempt or sending message's lease end on `channels`.
[[nodiscard]] std::optional<std::int64_t> selectNextOutboxDueMs(SqliteConnection& db,
                                                                const std::vector<std::string>& channels);

}  // namespace kiosk
