#include "store/pg_migrations.hpp"

#include <string>

#include "store/pg_connection.hpp"

namespace kiosk {
namespace {

// pg_advisory_xact_lock's key for schema changes: "RKSK" (repair kiosk), as SQLite's application id.
constexpr std::int64_t kMigrationLock = 0x524B534B;
constexpr std::string_view kApplication = "repair-kiosk";

void refuseForeignDatabase(PgConnection& db) {
  const PgResult tables = db.exec(
      "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename <> 'kiosk_schema'");
  if (tables.integer(0, 0) > 0) {
    throw PgError("55000", false,
                  db.where() + ": the database holds other tables but no kiosk_schema: it is not a repair kiosk "
                               "database; give the kiosk an empty database of its own");
  }
}

}  // namespace

int pgSchemaVersion(PgConnection& db) {
  const PgResult exists = db.exec("SELECT to_regclass('kiosk_schema') IS NOT NULL");
  if (!exists.boolean(0, 0)) return 0;
  const PgResult row = db.exec("SELECT version, application FROM kiosk_schema");
  if (row.rows() != 1 || row.text(0, 1) != kApplication) {
    throw PgError::corrupt(db.where() + ": kiosk_schema does not hold one row for " + std::string(kApplication));
  }
  return static_cast<int>(row.integer(0, 0));
}

void migratePg(PgConnection& db, std::span<const MigrationScript> migrations, int target,
               const std::function<void(PgConnection&)>& atLatest) {
  if (auto checked = checkMigrationSequence(migrations); !checked) {
    throw PgError("XX000", false, db.where() + ": " + checked.error().message);
  }
  const int latest = static_cast<int>(migrations.size());
  if (target < 0 || target > latest) {
    throw PgError("22023", false,
                  db.where() + ": cannot migrate to schema version " + std::to_string(target) +
                      "; this program knows versions 0.." + std::to_string(latest));
  }
  db.exec("BEGIN");
  try {
    db.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLock) + ")");
    // Read under the lock: another station may have migrated while we waited for it.
    int current = pgSchemaVersion(db);
    if (current > latest) {
      throw PgError("55000", false,
                    db.where() + ": database schema version " + std::to_string(current) +
                        " is newer than this program (knows up to " + std::to_string(latest) +
                        "); upgrade the program");
    }
    if (current == 0) refuseForeignDatabase(db);
    if (current == target) {
      if (target == latest && atLatest) atLatest(db);
      db.exec("COMMIT");
      return;
    }
    db.exec(
        "CREATE TABLE IF NOT EXISTS kiosk_schema (one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one), "
        "application TEXT NOT NULL, version INTEGER NOT NULL CHECK (version >= 0))");
    db.exec("INSERT INTO kiosk_schema (application, version) VALUES ('" + std::string(kApplication) +
            "', 0) ON CONFLICT (one) DO NOTHING");
    while (current < target) {
      db.exec(migrations[static_cast<std::size_t>(current)].up);
      ++current;
    }
    while (current > target) {
      db.exec(migrations[static_cast<std::size_t>(current - 1)].down);
      --current;
    }
    if (target == latest && atLatest) atLatest(db);
    db.exec("UPDATE kiosk_schema SET version = " + std::to_string(target));
    db.exec("COMMIT");
  } catch (...) {
    if (!db.broken()) {
      try {
        db.exec("ROLLBACK");
      } catch (const PgError&) {
      }
    }
    throw;
  }
}

}  // namespace kiosk
