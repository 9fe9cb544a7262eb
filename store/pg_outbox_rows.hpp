#pragma once
// The mapping between OutboxMessage and PostgreSQL's outbox_message table, and the relay's claim.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "workflow/outbox.hpp"
#include "workflow/outbox_store.hpp"

namespace kiosk {

class PgConnection;
struct PgStatement;
class PgParams;
class PgResult;

// "INSERT INTO outbox_message ... VALUES (...), ... RETURNING id, reference": appends each
// message's values to `params`; the case's sequence is the parameter $sequenceParameter. With
// `asItIs` (an import) delivered_at is kept. For one statement with the case's other rows.
[[nodiscard]] std::string pgOutboxInsertSql(PgParams& params, std::size_t sequenceParameter,
                                            const std::vector<OutboxMessage>& messages, bool asItIs);
// Sets each message's id from what that statement returned.
void assignPgOutboxIds(const PgResult& returned, std::vector<OutboxMessage>& messages);

// Writes `messages` for the case `sequence` (one statement) and sets each one's id. Throws PgError.
void insertPgOutboxMessages(PgConnection& db, std::uint64_t sequence, std::vector<OutboxMessage>& messages);

// listOutbox(): the messages matching `query`, oldest first, each with its case's number.
[[nodiscard]] PgStatement pgOutboxListStatement(const OutboxQuery& query);
// Matching `query`, oldest first, each with its case's number.
[[nodiscard]] std::vector<OutboxMessage> selectPgOutboxMessages(PgConnection& db, const OutboxQuery& query);
[[nodiscard]] std::optional<OutboxMessage> selectPgOutboxMessage(PgConnection& db, std::int64_t id);

// In the caller's transaction: takes up to claim.limit due messages that no other transaction
// has locked (FOR UPDATE SKIP LOCKED), so relays on many stations never wait on each other.
[[nodiscard]] std::vector<OutboxMessage> claimPgOutboxRows(PgConnection& db, const OutboxClaim& claim);
// False (nothing written) when outcome.relay no longer holds the message.
[[nodiscard]] bool recordPgOutboxRow(PgConnection& db, const OutboxOutcome& outcome);
// Queues a failed message again; false (nothing written) when it is no longer failed by the time
// its row is locked (another station retried it, and a relay may hold it).
[[nodiscard]] bool requeuePgOutboxRow(PgConnection& db, std::int64_t id, std::int64_t nowMs);
[[nodiscard]] std::optional<std::int64_t> selectPgNextOutboxDueMs(PgConnection& db,
                                                                  const std::vector<std::string>& channels);

}  // namespace kiosk
