#pragma once
// Schema migrations for the PostgreSQL store: the embedded store/migrations/postgres files and the
// runner, tracked by the one-row table kiosk_schema (version, and the application's name so that
// another program's database is refused rather than migrated).
#include <functional>
#include <span>

#include "store/migration_script.hpp"

namespace kiosk {

class PgConnection;

// The migrations built into this program (generated from store/migrations/postgres).
[[nodiscard]] std::span<const MigrationScript> embeddedPgMigrations();

// Moves the database to `target` (0 = empty) in one transaction under an advisory lock, so
// stations starting together migrate once and the rest wait and find it done. Refuses a newer
// schema than `migrations` knows, and a database whose public schema holds other programs'
// tables but no kiosk_schema. When the target is the latest version, `atLatest` runs last in the
// same transaction (the data work a script cannot do, such as sealing older cases' audit
// trail). Throws PgError.
void migratePg(PgConnection& db, std::span<const MigrationScript> migrations, int target,
               const std::function<void(PgConnection&)>& atLatest = {});

// The version in kiosk_schema; 0 when the table is not there yet. Throws PgError.
[[nodiscard]] int pgSchemaVersion(PgConnection& db);

}  // namespace kiosk
