#pragma once
// What a purge writes for one case, the same on every store (sqlite_privacy_store.cpp,
// pg_privacy_store.cpp), so that a purged case fits its audit chain alike everywhere.
#include "store/audit_chain.hpp"
#include "workflow/error.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk {

// The row as the purge leaves it, before its last event: personal data erased
// (erasePersonalData), purged_at set, the version bumped and every event's detail emptied.
// Marked purged in the same write, so the stores let the details be emptied (SQLite migration 11,
// PostgreSQL 5). StorageError when the case's events and their seals differ in number: a chain
// that does not match is not sealed on.
[[nodiscard]] Result<RepairCase> purgedRow(const RepairCase& c, const CaseAudit& audit, LocalTime purgedAt);

// Once the row is written and the salt erased in the store: `purged` appended as the last event
// and sealed without a salt, so its state digest takes the fixed personal commitment of a purged
// case (audit_chain.hpp) and the chain still verifies.
void appendPurgedEvent(RepairCase& erased, CaseAudit& audit, const CaseEvent& purged);

}  // namespace kiosk
