#pragma once
// The audit log and verify on PostgreSQL (workflow/audit.hpp): free functions over the store's
// connection, called by PgCaseStore inside its transactions. Internal to store/.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "workflow/audit.hpp"

namespace kiosk {

class PgConnection;

// The advisory lock that puts log appends (and checkpoints) in single file; taken with BEGIN.
inline constexpr std::int64_t kAuditLogLock = 0x524B4155;  // "RKAU"

// Appends after the last entry; the caller's transaction holds kAuditLogLock.
[[nodiscard]] AuditEntry appendPgAuditEntry(PgConnection& db, AuditEntry entry);
[[nodiscard]] std::vector<AuditEntry> selectPgAuditEntries(PgConnection& db, std::int64_t afterSeq, std::size_t limit);
// Every case's chain and the log, inside the caller's REPEATABLE READ transaction (one snapshot);
// with a head, also against that checkpoint.
[[nodiscard]] AuditReport verifyPgAudit(PgConnection& db, const std::optional<std::string>& head);
// Records a checkpoint and its log entry; the caller's transaction holds kAuditLogLock.
[[nodiscard]] AuditCheckpoint recordPgCheckpoint(PgConnection& db, std::int64_t atMs, const std::string& staff);

}  // namespace kiosk
