#pragma once
// The mapping between RepairCase and PostgreSQL's repair_case / case_event tables, visiting the
// same column list as SQLite's (store/case_columns.hpp).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/audit_chain.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk {

class PgConnection;
class PgParams;
class PgResult;

// "SELECT <every case column>[, extra] FROM repair_case " + tail; read the rows with
// readPgCaseRows, which reads the case columns and leaves the extra one to the caller.
[[nodiscard]] std::string selectPgCasesSql(std::string_view tail, std::string_view extra = {});
// Cases come without events.
[[nodiscard]] std::vector<RepairCase> readPgCaseRows(const PgResult& rows);

// Writes a new row with c.sequence as its key and audit.salt, its whole timeline (c.events, sealed by
// audit.events) and c.newMessages (setting their ids) in one statement. `importing`: the messages
// keep when they were delivered (kioskctl migrate).
void insertPgNewCase(PgConnection& db, RepairCase& c, const CaseAudit& audit, bool importing);
// Overwrites the row of c.sequence if it still holds `expectedVersion`; false when it did not.
[[nodiscard]] bool updatePgCaseRow(PgConnection& db, const RepairCase& c, std::int64_t expectedVersion);

[[nodiscard]] std::vector<CaseEvent> selectPgEvents(PgConnection& db, std::uint64_t sequence);
// Appends events[from..] at positions from, from + 1, ..., sealed by seals[from..], in one statement.
void insertPgEvents(PgConnection& db, std::uint64_t sequence, const std::vector<CaseEvent>& events,
                    const std::vector<EventSeal>& seals, std::size_t from);

}  // namespace kiosk
