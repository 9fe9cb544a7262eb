#include "store/sqlite_connection.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <thread>

namespace kiosk {
namespace {

// SQLITE_TRANSIENT is an old-style cast in a macro; spelt once here so -Wold-style-cast holds.
const sqlite3_destructor_type kCopyText = reinterpret_cast<sqlite3_destructor_type>(-1);

int primaryCode(int code) { return code & 0xff; }

}  // namespace

bool SqliteError::isBusy() const noexcept {
  return primaryCode(m_code) == SQLITE_BUSY || primaryCode(m_code) == SQLITE_LOCKED;
}

bool SqliteError::isNotADatabase() const noexcept { return primaryCode(m_code) == SQLITE_NOTADB; }

SqliteError SqliteError::corrupt(const std::string& message) { return SqliteError(SQLITE_CORRUPT, message); }

SqliteError SqliteError::failure(const std::string& message) { return SqliteError(SQLITE_ERROR, message); }

// --- SqliteConnection ---

SqliteConnection::SqliteConnection(const std::string& path, SqliteBusyPolicy policy)
    : m_path(path), m_policy(policy) {
  // NOMUTEX: the store serialises its own calls; EXRESCODE: tell BUSY_RECOVERY from BUSY.
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message =
        m_path + ": cannot open: " + (m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    throw SqliteError(rc, message);
  }
  sqlite3_extended_result_codes(m_db, 1);
  const auto timeout = std::min<std::chrono::milliseconds::rep>(m_policy.handlerTimeout.count(),
                                                                std::numeric_limits<int>::max());
  sqlite3_busy_timeout(m_db, static_cast<int>(timeout));
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, statement] : m_idle) sqlite3_finalize(statement);
  // close_v2 never fails on a valid handle; statements in use are finalised by their owners.
  sqlite3_close_v2(m_db);
}

sqlite3_stmt* SqliteConnection::takeCached(const std::string& sql) noexcept {
  const auto it = m_idle.find(sql);
  if (it == m_idle.end()) return nullptr;
  sqlite3_stmt* statement = it->second;
  m_idle.erase(it);
  return statement;
}

void SqliteConnection::giveBack(std::string sql, sqlite3_stmt* statement) noexcept {
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  try {
    const auto [it, inserted] = m_idle.emplace(std::move(sql), statement);
    if (!inserted) sqlite3_finalize(statement);  // a twin was in use at the same time
  } catch (...) {
    sqlite3_finalize(statement);
  }
}

void SqliteConnection::fail(int code) const { throw SqliteError(code, m_path + ": " + sqlite3_errmsg(m_db)); }

void SqliteConnection::exec(std::string_view sql) {
  const std::string text(sql);
  char* error = nullptr;
  const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return;
  const std::string message = m_path + ": " + (error != nullptr ? error : sqlite3_errstr(rc));
  sqlite3_free(error);
  throw SqliteError(rc, message);
}

std::int64_t SqliteConnection::queryInteger(std::string_view sql) {
  SqliteStatement statement(*this, sql);
  if (!statement.step()) throw SqliteError::failure(m_path + ": no result from " + std::string(sql));
  return statement.integer(0);
}

std::string SqliteConnection::queryText(std::string_view sql) {
  SqliteStatement statement(*this, sql);
  if (!statement.step()) throw SqliteError::failure(m_path + ": no result from " + std::string(sql));
  return statement.text(0);
}

int SqliteConnection::changes() const { return sqlite3_changes(m_db); }

bool SqliteConnection::inTransaction() const noexcept { return sqlite3_get_autocommit(m_db) == 0; }

bool SqliteConnection::isReadOnly() const noexcept { return sqlite3_db_readonly(m_db, "main") == 1; }

void SqliteConnection::sleepBeforeRetry(int attempt) const {
  // Capped exponential backoff. The busy handler has already waited handlerTimeout, so this
  // only matters for the busy cases SQLite does not hand to it (WAL recovery, snapshots).
  const int shift = std::min(attempt, 7);
  std::this_thread::sleep_for(std::chrono::milliseconds(std::min(1 << shift, 100)));
}

// --- SqliteStatement ---

SqliteStatement::SqliteStatement(SqliteConnection& db, std::string_view sql) : m_db(db), m_sql(sql) {
  if (sql.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw SqliteError(SQLITE_TOOBIG, db.path() + ": statement too long");
  }
  m_stmt = db.takeCached(m_sql);
  if (m_stmt != nullptr) return;
  const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_db.fail(rc);
  }
}

SqliteStatement::~SqliteStatement() {
  if (m_stmt != nullptr) m_db.giveBack(std::move(m_sql), m_stmt);
}

void SqliteStatement::bind(int index, std::string_view text) {
  const int rc = sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), kCopyText, SQLITE_UTF8);
  if (rc != SQLITE_OK) m_db.fail(rc);
}

void SqliteStatement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(m_stmt, index, value);
  if (rc != SQLITE_OK) m_db.fail(rc);
}

void SqliteStatement::bindNull(int index) {
  const int rc = sqlite3_bind_null(m_stmt, index);
  if (rc != SQLITE_OK) m_db.fail(rc);
}

void SqliteStatement::bind(int index, const std::optional<std::string>& text) {
  if (text) {
    bind(index, std::string_view(*text));
  } else {
    bindNull(index);
  }
}

void SqliteStatement::bind(int index, const std::optional<std::int64_t>& value) {
  if (value) {
    bind(index, *value);
  } else {
    bindNull(index);
  }
}

bool SqliteStatement::step() {
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // Reset so the statement releases its locks before the error travels up.
  sqlite3_reset(m_stmt);
  m_db.fail(rc);
}

void SqliteStatement::run() {
  while (step()) {
  }
}

void SqliteStatement::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

bool SqliteStatement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

std::int64_t SqliteStatement::integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

std::string SqliteStatement::text(int column) const {
  const auto* bytes = sqlite3_column_text(m_stmt, column);
  const int size = sqlite3_column_bytes(m_stmt, column);
  if (bytes == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
}

std::optional<std::string> SqliteStatement::optionalText(int column) const {
  if (isNull(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> SqliteStatement::optionalInteger(int column) const {
  if (isNull(column)) return std::nullopt;
  return integer(column);
}

std::string_view SqliteStatement::columnName(int column) const {
  const char* name = sqlite3_column_name(m_stmt, column);
  return name != nullptr ? std::string_view(name) : std::string_view();
}

// --- SqliteTransaction ---

SqliteTransaction::SqliteTransaction(SqliteConnection& db, Mode mode) : m_db(db) {
  // IMMEDIATE takes the write lock up front: a writer never upgrades from a read snapshot,
  // which in WAL mode fails with BUSY_SNAPSHOT and could not be waited out.
  const std::string_view begin = mode == Mode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED";
  m_db.retryWhileBusy([&] { m_db.exec(begin); });
  m_open = true;
}

SqliteTransaction::~SqliteTransaction() {
  if (m_open && m_db.inTransaction()) {
    sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void SqliteTransaction::commit() {
  // A busy COMMIT leaves the transaction open, so trying again is safe.
  m_db.retryWhileBusy([&] { m_db.exec("COMMIT"); });
  m_open = false;
}

}  // namespace kiosk
