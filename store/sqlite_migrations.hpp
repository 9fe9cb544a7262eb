#pragma once
// Schema migrations for the SQLite store: the embedded N_up.sql/N_down.sql files and the
// runner that moves a database between versions, tracked by PRAGMA user_version.
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>

#include "store/migration_script.hpp"
#include "workflow/error.hpp"

namespace kiosk {

class SqliteConnection;

// The user_version after `up` is the script's version.
using SqliteMigration = MigrationScript;

// Marks a database as ours, so that another program's SQLite file is refused, not migrated.
// "RKSK": repair kiosk.
inline constexpr std::int32_t kSqliteApplicationId = 0x524B534B;

// The migrations built into this program (generated from store/migrations/sqlite).
[[nodiscard]] std::span<const SqliteMigration> embeddedSqliteMigrations();

// Moves the database to `target` (0 = empty) in one IMMEDIATE transaction, running up or down
// scripts in order, and stamps application_id and user_version. When the target is the latest
// version, `atLatest` runs last in the same transaction (the data work a script cannot do, such
// as sealing the audit trail of older cases). Throws SqliteError.
void migrateSqlite(SqliteConnection& db, std::span<const SqliteMigration> migrations, int target,
                   const std::function<void(SqliteConnection&)>& atLatest = {});

// PRAGMA user_version; throws SqliteError.
[[nodiscard]] int sqliteSchemaVersion(SqliteConnection& db);

}  // namespace kiosk
