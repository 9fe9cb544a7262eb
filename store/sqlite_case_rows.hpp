#pragma once
// The mapping between RepairCase and the repair_case / case_event tables: one column list, read
// and written from the same description so the two directions cannot drift apart.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/audit_chain.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk {

class SqliteConnection;
class SqliteStatement;

// "SELECT <every case column> FROM repair_case " + tail; read the rows with readCaseRows.
[[nodiscard]] std::string selectCasesSql(std::string_view tail);
// Steps `statement` (prepared from selectCasesSql) to the end; cases come without events.
[[nodiscard]] std::vector<RepairCase> readCaseRows(SqliteConnection& db, SqliteStatement& statement);

// Writes a new row with c.sequence as its key and its audit salt. Throws SqliteError.
void insertCaseRow(SqliteConnection& db, const RepairCase& c, const std::string& auditSalt);
// Overwrites the row of c.sequence if it still holds `expectedVersion`; false when it did not.
[[nodiscard]] bool updateCaseRow(SqliteConnection& db, const RepairCase& c, std::int64_t expectedVersion);

[[nodiscard]] std::vector<CaseEvent> selectEvents(SqliteConnection& db, std::uint64_t sequence);
// Appends events[from..] at positions from, from + 1, ..., each with its seal (seals[i] for events[i]).
void insertEvents(SqliteConnection& db, std::uint64_t sequence, const std::vector<CaseEvent>& events,
                  const std::vector<EventSeal>& seals, std::size_t from);
// The case's salt and its events' seals, by position.
[[nodiscard]] CaseAudit selectAudit(SqliteConnection& db, std::uint64_t sequence);


}  // namespace kiosk
