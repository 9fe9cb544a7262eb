#pragma once
// The audit log and verify on SQLite (workflow/audit.hpp): free functions over the store's
// connection, called by SqliteCaseStore inside its transactions. Internal to store/.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "workflow/audit.hpp"

namespace kiosk {

class SqliteConnection;

// Appends after the last entry; the caller holds the write lock (an IMMEDIATE transaction).
[[nodiscard]] AuditEntry appendSqliteAuditEntry(SqliteConnection& db, AuditEntry entry);
[[nodiscard]] std::vector<AuditEntry> selectSqliteAuditEntries(SqliteConnection& db, std::int64_t afterSeq,
                                                               std::size_t limit);
// Every case's chain and the log, inside the caller's read transaction (one snapshot); with a
// head, also against that checkpoint.
[[nodiscard]] AuditReport verifySqliteAudit(SqliteConnection& db, const std::optional<std::string>& head);
// Records a checkpoint and its log entry; the caller holds the write lock.
[[nodiscard]] AuditCheckpoint recordSqliteCheckpoint(SqliteConnection& db, std::int64_t atMs, const std::string& staff);

}  // namespace kiosk
