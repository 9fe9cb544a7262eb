#pragma once
// A small RAII layer over libpq for the store's own use: a connection with a prepared-statement
// cache, query results, and an error that says whether the connection was lost. It throws
// PgError; PgCaseStore catches at its boundary. libpq-fe.h stays in the .cpp.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace kiosk {

class PgError : public std::runtime_error {
 public:
  PgError(std::string sqlstate, bool connectionLost, const std::string& message)
      : std::runtime_error(message), m_sqlstate(std::move(sqlstate)), m_connectionLost(connectionLost) {}
  [[nodiscard]] const std::string& sqlstate() const noexcept { return m_sqlstate; }
  // The server went away (restart, network cut, shutdown): the statement's outcome is unknown
  // only if it was a COMMIT; anything before that was rolled back with the session.
  [[nodiscard]] bool connectionLost() const noexcept { return m_connectionLost; }
  // Worth doing again on a fresh transaction: a serialization failure or a deadlock victim.
  [[nodiscard]] bool transient() const noexcept { return m_sqlstate == "40001" || m_sqlstate == "40P01"; }
  [[nodiscard]] bool uniqueViolation() const noexcept { return m_sqlstate == "23505"; }
  // Data in the database that the schema does not allow.
  [[nodiscard]] static PgError corrupt(const std::string& message) { return PgError("XX001", false, message); }

 private:
  std::string m_sqlstate;
  bool m_connectionLost;
};

// Text-format parameters $1, $2, ...; std::nullopt is NULL.
class PgParams {
 public:
  PgParams& text(std::string_view value) {
    m_values.emplace_back(textValue(value));
    return *this;
  }
  PgParams& integer(std::int64_t value) {
    m_values.emplace_back(std::to_string(value));
    return *this;
  }
  PgParams& boolean(bool value) {
    m_values.emplace_back(value ? "true" : "false");
    return *this;
  }
  PgParams& null() {
    m_values.emplace_back(std::nullopt);
    return *this;
  }
  PgParams& optionalText(const std::optional<std::string>& value) {
    return value ? text(*value) : null();
  }
  PgParams& optionalInteger(const std::optional<std::int64_t>& value) {
    return value ? integer(*value) : null();
  }
  [[nodiscard]] std::size_t size() const { return m_values.size(); }
  [[nodiscard]] const std::vector<std::optional<std::string>>& values() const { return m_values; }

 private:
  // PostgreSQL's text cannot hold a NUL character, and libpq would end the value at one without
  // a word: refused, so that nothing is stored cut short.
  static std::string textValue(std::string_view value) {
    if (value.find('\0') != std::string_view::npos) {
      throw PgError("22021", false, "a text holds a NUL character, which PostgreSQL cannot store");
    }
    return std::string(value);
  }

  std::vector<std::optional<std::string>> m_values;
};

// A statement's text and its parameters, built apart from running it (so that a test can ask
// the server how it plans the very statement the store runs).
struct PgStatement {
  std::string sql;
  PgParams params;
};

// The rows of one statement; values read as text (the server's text output) and converted here.
class PgResult {
 public:
  explicit PgResult(pg_result* result) noexcept : m_result(result) {}
  PgResult(PgResult&& other) noexcept : m_result(other.m_result) { other.m_result = nullptr; }
  PgResult& operator=(PgResult&&) = delete;
  PgResult(const PgResult&) = delete;
  ~PgResult();

  [[nodiscard]] int rows() const;
  [[nodiscard]] int columns() const;
  [[nodiscard]] bool isNull(int row, int column) const;
  [[nodiscard]] std::string text(int row, int column) const;
  [[nodiscard]] std::optional<std::string> optionalText(int row, int column) const;
  [[nodiscard]] std::int64_t integer(int row, int column) const;
  [[nodiscard]] std::optional<std::int64_t> optionalInteger(int row, int column) const;
  [[nodiscard]] bool boolean(int row, int column) const;
  // Rows changed by an INSERT, UPDATE or DELETE.
  [[nodiscard]] std::int64_t affected() const;

 private:
  pg_result* m_result;
};

class PgConnection {
 public:
  // Connects; throws PgError (connection lost) naming `where` (the URL without its password).
  PgConnection(const std::string& conninfo, std::string where, int connectTimeoutSeconds);
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection();

  // A statement with parameters, prepared once per connection and reused by its text.
  PgResult exec(std::string_view sql, const PgParams& params);
  // One or more statements without parameters (BEGIN, COMMIT, a migration script).
  PgResult exec(std::string_view sql);

  [[nodiscard]] bool broken() const;
  [[nodiscard]] const std::string& where() const noexcept { return m_where; }
  // The server process serving this connection.
  [[nodiscard]] int backendPid() const;

  // LISTEN support: reads what the socket has without waiting; false when the connection is
  // gone. Then takes the notifications received so far.
  [[nodiscard]] bool consumeInput();
  [[nodiscard]] std::size_t takeNotifications();

 private:
  [[noreturn]] void fail(pg_result* result, std::string_view doing) const;
  PgResult checked(pg_result* result, std::string_view doing) const;

  pg_conn* m_conn = nullptr;
  std::string m_where;
  std::unordered_map<std::string, std::string> m_prepared;  // SQL text -> statement name
};

// "postgresql://user:secret@host/db" -> "postgresql://user@host/db": for every message.
[[nodiscard]] std::string withoutPassword(const std::string& url);

}  // namespace kiosk
