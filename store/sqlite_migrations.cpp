#include "store/sqlite_migrations.hpp"

#include <string>

#include "store/sqlite_connection.hpp"

namespace kiosk {

Result<void> checkMigrationSequence(std::span<const MigrationScript> migrations) {
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    const int expected = static_cast<int>(i) + 1;
    const MigrationScript& m = migrations[i];
    if (m.version != expected) {
      return storageError("schema migrations are not numbered 1.." + std::to_string(migrations.size()) +
                          " without a gap: expected " + std::to_string(expected) + ", found " +
                          std::to_string(m.version));
    }
    if (m.up.empty() || m.down.empty()) {
      return storageError("schema migration " + std::to_string(expected) + " lacks its up or down script");
    }
  }
  return {};
}

int sqliteSchemaVersion(SqliteConnection& db) {
  return static_cast<int>(db.queryInteger("PRAGMA user_version"));
}

void migrateSqlite(SqliteConnection& db, std::span<const SqliteMigration> migrations, int target,
                   const std::function<void(SqliteConnection&)>& atLatest) {
  if (auto checked = checkMigrationSequence(migrations); !checked) {
    throw SqliteError::failure(db.path() + ": " + checked.error().message);
  }
  const int latest = static_cast<int>(migrations.size());
  if (target < 0 || target > latest) {
    throw SqliteError::failure(db.path() + ": cannot migrate to schema version " + std::to_string(target) +
                               "; this program knows versions 0.." + std::to_string(latest));
  }
  SqliteTransaction transaction(db, SqliteTransaction::Mode::Immediate);
  // Read inside the write lock: another process may have migrated since we last looked.
  int current = sqliteSchemaVersion(db);
  if (current > latest) {
    throw SqliteError::failure(db.path() + ": database schema version " + std::to_string(current) +
                               " is newer than this program (knows up to " + std::to_string(latest) +
                               "); upgrade the program");
  }
  if (current == target) {
    if (target == latest && atLatest) {
      atLatest(db);
      transaction.commit();
    }
    return;
  }
  while (current < target) {
    db.exec(migrations[static_cast<std::size_t>(current)].up);
    ++current;
  }
  while (current > target) {
    db.exec(migrations[static_cast<std::size_t>(current - 1)].down);
    --current;
  }
  if (target == latest && atLatest) atLatest(db);
  // Pragmas take no parameters; both values are integers we produced.
  db.exec("PRAGMA application_id = " + std::to_string(kSqliteApplicationId));
  db.exec("PRAGMA user_version = " + std::to_string(target));
  transaction.commit();
}

}  // namespace kiosk
