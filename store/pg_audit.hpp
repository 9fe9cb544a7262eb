#pragma once
// The audit trail on PostgreSQL (store/audit_chain.hpp): sealing the cases from before schema 4.
// Internal to store/.

namespace kiosk {

class PgConnection;

// Seals every case and event from before the audit trail, once, when the migration asked for it
// (table audit_backfill), inside the caller's transaction (the migration's, under its advisory
// lock). Cases that already have a salt, and purged ones, are left alone. Throws PgError.
void sealUnsealedPgCases(PgConnection& db);

}  // namespace kiosk
