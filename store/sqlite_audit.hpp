#pragma once
// The audit trail on SQLite (store/audit_chain.hpp): sealing the cases from before schema 10.
// Internal to store/.

namespace kiosk {

class SqliteConnection;

// Seals every case and event from before the audit trail (give each case a salt, each event its
// seal), once, when the migration asked for it (table audit_backfill), inside the caller's
// write transaction. Cases that already have a salt, and purged ones, are left alone. Throws
// SqliteError.
void sealUnsealedSqliteCases(SqliteConnection& db);

}  // namespace kiosk
