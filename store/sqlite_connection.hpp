#pragma once
// A small RAII layer over the sqlite3 C API for the store's own use: connection, prepared
// statement, transaction. It throws SqliteError; SqliteCaseStore catches at its boundary.
// sqlite3.h stays in the .cpp: only the handle types are declared here.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk {

// A failed SQLite call, or data in the file that is not what the schema promises.
class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& message) : std::runtime_error(message), m_code(code) {}
  [[nodiscard]] int code() const noexcept { return m_code; }
  // Another connection holds a lock we need; worth waiting for, never worth showing.
  [[nodiscard]] bool isBusy() const noexcept;
  [[nodiscard]] bool isNotADatabase() const noexcept;
  // Data in the file that the schema does not allow.
  [[nodiscard]] static SqliteError corrupt(const std::string& message);
  // A request the store cannot carry out, with no SQLite call at fault.
  [[nodiscard]] static SqliteError failure(const std::string& message);

 private:
  int m_code;
};

// How long the store keeps waiting for another process's write lock before it gives up.
// Generous: a queue at the counter must never see "database is locked".
struct SqliteBusyPolicy {
  std::chrono::milliseconds handlerTimeout{10'000};  // sqlite3_busy_timeout per attempt
  std::chrono::milliseconds giveUpAfter{60'000};     // our retry loop on top of it
};

class SqliteConnection;

// One prepared statement. Binds by 1-based index, reads columns by 0-based index. Prepared
// statements are kept by the connection and reused: preparing the case row's insert costs more
// CPU than the rest of an intake.
class SqliteStatement {
 public:
  SqliteStatement(SqliteConnection& db, std::string_view sql);
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  void bind(int index, std::string_view text);
  void bind(int index, std::int64_t value);
  void bindNull(int index);
  void bind(int index, const std::optional<std::string>& text);
  void bind(int index, const std::optional<std::int64_t>& value);

  // true: a row is ready to read; false: the statement is done. Throws on errors.
  [[nodiscard]] bool step();
  // Runs a statement that returns no rows.
  void run();
  void reset();

  [[nodiscard]] bool isNull(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::optional<std::string> optionalText(int column) const;
  [[nodiscard]] std::optional<std::int64_t> optionalInteger(int column) const;
  [[nodiscard]] std::string_view columnName(int column) const;

 private:
  SqliteConnection& m_db;
  std::string m_sql;
  sqlite3_stmt* m_stmt = nullptr;
};

class SqliteConnection {
 public:
  // Opens (creating when missing) the file; ":memory:" for a private in-memory database.
  SqliteConnection(const std::string& path, SqliteBusyPolicy policy);
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;
  ~SqliteConnection();

  // Runs one or more statements that return nothing (a migration script, a pragma).
  void exec(std::string_view sql);
  // The first column of the first row of a one-value query such as a pragma.
  [[nodiscard]] std::int64_t queryInteger(std::string_view sql);
  [[nodiscard]] std::string queryText(std::string_view sql);
  [[nodiscard]] int changes() const;

  // Calls `attempt` until it stops failing with busy errors or the policy gives up.
  template <class F>
  decltype(auto) retryWhileBusy(F&& attempt);

  [[nodiscard]] sqlite3* handle() const noexcept { return m_db; }
  [[nodiscard]] const std::string& path() const noexcept { return m_path; }
  [[nodiscard]] bool inTransaction() const noexcept;
  // The OS let SQLite open the file for reading only.
  [[nodiscard]] bool isReadOnly() const noexcept;
  // Throws the error the last call on this connection left, prefixed with the file's path.
  [[noreturn]] void fail(int code) const;

 private:
  friend class SqliteStatement;
  void sleepBeforeRetry(int attempt) const;
  // A statement prepared earlier for this text, reset, or nullptr; the caller owns it until
  // it gives it back.
  [[nodiscard]] sqlite3_stmt* takeCached(const std::string& sql) noexcept;
  void giveBack(std::string sql, sqlite3_stmt* statement) noexcept;

  sqlite3* m_db = nullptr;
  // Statements not in use right now, by their SQL text.
  std::unordered_map<std::string, sqlite3_stmt*> m_idle;
  std::string m_path;
  SqliteBusyPolicy m_policy;
};

// BEGIN ... COMMIT with the busy retries; rolls back unless committed. Never throws from the
// destructor: a failed rollback leaves SQLite to roll back when the connection closes.
class SqliteTransaction {
 public:
  enum class Mode { Deferred, Immediate };
  SqliteTransaction(SqliteConnection& db, Mode mode);
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  ~SqliteTransaction();
  void commit();

 private:
  SqliteConnection& m_db;
  bool m_open = false;
};

template <class F>
decltype(auto) SqliteConnection::retryWhileBusy(F&& attempt) {
  const auto deadline = std::chrono::steady_clock::now() + m_policy.giveUpAfter;
  for (int tries = 0;; ++tries) {
    try {
      return attempt();
    } catch (const SqliteError& e) {
      if (!e.isBusy() || std::chrono::steady_clock::now() >= deadline) throw;
    }
    sleepBeforeRetry(tries);
  }
}

}  // namespace kiosk
