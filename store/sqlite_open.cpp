#include "store/sqlite_open.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <system_error>
#include <vector>

#include "store/sqlite_lookup_guard.hpp"
#include "store/sqlite_audit.hpp"
#include "store/sqlite_migrations.hpp"
#include "store/sqlite_text_fold.hpp"

namespace kiosk {
namespace {

constexpr std::string_view kSqliteHeader{"SQLite format 3\0", 16};

std::string hex(std::int64_t value) {
  std::array<char, 24> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "0x%08llX",
                static_cast<unsigned long long>(value) & 0xFFFFFFFFULL);
  return buffer.data();
}

// Reads who the file belongs to. An empty file (new, or 0 bytes) has application_id 0,
// user_version 0 and no schema: ours to initialise. Anything else without our id is not.
void checkIdentity(SqliteConnection& db, int latest) {
  std::int64_t applicationId = 0;
  std::int64_t version = 0;
  std::int64_t objects = 0;
  try {
    // One snapshot: read one by one, a migration committing in between looks like a stranger.
    SqliteTransaction snapshot(db, SqliteTransaction::Mode::Deferred);
    applicationId = db.queryInteger("PRAGMA application_id");
    version = db.queryInteger("PRAGMA user_version");
    objects = db.queryInteger("SELECT count(*) FROM sqlite_schema");
  } catch (const SqliteError& e) {
    if (e.isNotADatabase()) {
      throw SqliteError(e.code(),
                        db.path() + " is not a SQLite database; refusing to use it as the case database");
    }
    throw;
  }
  if (applicationId != kSqliteApplicationId && (applicationId != 0 || version != 0 || objects != 0)) {
    throw SqliteError(SQLITE_NOTADB, db.path() + " is another program's SQLite database (application_id " +
                                         hex(applicationId) + "), not a case database; refusing to use it");
  }
  if (version > latest) {
    throw SqliteError(SQLITE_NOTADB, db.path() + ": database schema version " + std::to_string(version) +
                                         " is newer than this program (knows up to " +
                                         std::to_string(latest) + "); upgrade the program");
  }
}

// A folder we create is made durable like the file in it: without an fsync of its parent, a
// power cut soon after the first acknowledged case could lose the folder, database and all.
void syncFolder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw SqliteError::failure("cannot open the folder " + folder.string() + " to sync it");
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw SqliteError::failure("cannot sync the folder " + folder.string());
}

void createFolders(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> missing;  // deepest first
  std::error_code error;
  for (auto p = folder; !p.empty() && !std::filesystem::exists(p, error); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  if (missing.empty()) return;
  std::filesystem::create_directories(folder, error);
  if (error) {
    throw SqliteError(SQLITE_CANTOPEN, "cannot create the folder " + folder.string() +
                                           " for the case database: " + error.message());
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) syncFolder(it->parent_path());
}

void setPragmas(SqliteConnection& db, bool inMemory) {
  // WAL lets readers run beside the one writer; FULL syncs the WAL on every commit, so a case
  // acknowledged to the user survives kill -9 and a power cut.
  const std::string mode = db.queryText("PRAGMA journal_mode = WAL");
  if (mode != "wal" && !(inMemory && mode == "memory")) {
    throw SqliteError(SQLITE_CANTOPEN,
                      db.path() + ": cannot switch to WAL journal mode (got '" + mode + "')");
  }
  db.exec("PRAGMA synchronous = FULL");
  db.exec("PRAGMA foreign_keys = ON");
  // A deleted or overwritten cell is zeroed where it lay, so what a purge erased (README
  // "Personal data"), or a passcode an older program kept in clear once it is sealed, does not
  // linger in free space of the file's pages.
  db.exec("PRAGMA secure_delete = ON");
}

}  // namespace

void prepareDatabaseFile(const std::filesystem::path& file) {
  createFolders(file.parent_path());
  std::error_code error;
  const auto status = std::filesystem::status(file, error);
  if (status.type() == std::filesystem::file_type::not_found) return;
  if (error) {
    throw SqliteError(SQLITE_CANTOPEN, file.string() + ": cannot inspect: " + error.message());
  }
  if (status.type() != std::filesystem::file_type::regular) {
    throw SqliteError(SQLITE_CANTOPEN,
                      file.string() + " is not a regular file; refusing to use it as the case database");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw SqliteError(SQLITE_CANTOPEN, file.string() + ": cannot read the file");
  std::array<char, kSqliteHeader.size()> header{};
  in.read(header.data(), static_cast<std::streamsize>(header.size()));
  const auto got = static_cast<std::size_t>(in.gcount());
  if (got == 0) return;  // empty: initialised like a new file
  if (std::string_view(header.data(), got) != kSqliteHeader) {
    throw SqliteError(SQLITE_NOTADB,
                      file.string() + " is not a SQLite database; refusing to use it as the case database");
  }
}

std::unique_ptr<SqliteConnection> openCaseDatabase(const std::string& path, SqliteBusyPolicy policy) {
  const bool inMemory = path == kInMemoryDatabase;
  const auto migrations = embeddedSqliteMigrations();
  if (auto checked = checkMigrationSequence(migrations); !checked) {
    throw SqliteError(SQLITE_INTERNAL,
                      "this program was built with broken migrations: " + checked.error().message);
  }
  const int latest = static_cast<int>(migrations.size());

  auto db = std::make_unique<SqliteConnection>(path, policy);
  if (db->isReadOnly()) {
    // SQLite would open it anyway and fail at the first case; say so now.
    throw SqliteError::failure(path + " can only be read; the case database must be writable");
  }
  // Identity first, before any pragma could write to a file that is not ours.
  db->retryWhileBusy([&] { checkIdentity(*db, latest); });
  db->retryWhileBusy([&] { setPragmas(*db, inMemory); });
  registerTextFunctions(*db);
  registerCustomerCodeFunction(*db);  // before migrating: migration 8 draws codes with it
  if (db->retryWhileBusy([&] { return sqliteSchemaVersion(*db); }) < latest) {
    migrateSqlite(*db, migrations, latest, sealUnsealedSqliteCases);  // re-reads the version under the write lock
  }
  return db;
}

}  // namespace kiosk
