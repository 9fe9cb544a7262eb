#include "store/pg_connection.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace kiosk {
namespace {

// SQLSTATE classes that mean the session is gone, whatever PQstatus says yet: connection
// exceptions (08), and an administrator's or a crash's shutdown (57P01-57P03).
bool sessionGone(const std::string& sqlstate) {
  return sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03";
}

// libpq's messages end in a newline and may span lines ("...refused\n\tIs the server
// running..."): one line reads better in a CLI error and a log.
std::string trimmed(std::string text) {
  for (char& ch : text) {
    if (ch == '\n' || ch == '\t') ch = ' ';
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  std::string single;
  for (const char ch : text) {
    if (ch != ' ' || single.empty() || single.back() != ' ') single += ch;
  }
  return single;
}

// libpq prints the server's notices (and a dying session's FATAL) on stderr by default; the
// store reports what matters through its errors, so they are dropped.
void ignoreNotice(void*, const char*) {}

// The server options ("-c search_path=...") the URL gives, or else PGOPTIONS: what libpq would
// send if the store did not give options of its own.
std::string serverOptionsOf(const std::string& conninfo) {
  char* error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(conninfo.c_str(), &error);
  if (error != nullptr) PQfreemem(error);
  std::string options;
  bool given = false;
  for (PQconninfoOption* option = parsed; option != nullptr && option->keyword != nullptr; ++option) {
    if (std::string_view(option->keyword) == "options" && option->val != nullptr) {
      options = option->val;
      given = true;
    }
  }
  if (parsed != nullptr) PQconninfoFree(parsed);
  if (!given) {
    if (const char* environment = std::getenv("PGOPTIONS")) options = environment;
  }
  return options;
}

std::string percentDecoded(const std::string& text) {
  std::string decoded;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned value = 0;
    if (text[i] == '%' && i + 2 < text.size() &&
        std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16).ptr == text.data() + i + 3) {
      decoded += static_cast<char>(value);
      i += 2;
    } else {
      decoded += text[i];
    }
  }
  return decoded;
}

}  // namespace

std::string withoutPassword(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const auto authorityStart = scheme + 3;
  const auto queryStart = url.find('?', authorityStart);
  std::string head = url.substr(0, queryStart);
  // user:password@host. The last '@' before the path: a password typed with an '@' in it (not
  // percent-encoded) is hidden whole, whatever libpq makes of such a URL.
  const auto slash = head.find('/', authorityStart);
  const auto authorityEnd = slash == std::string::npos ? head.size() : slash;
  const auto at = head.rfind('@', authorityEnd == 0 ? 0 : authorityEnd - 1);
  if (at != std::string::npos && at >= authorityStart) {
    const auto colon = head.find(':', authorityStart);
    if (colon != std::string::npos && colon < at) head.erase(colon, at - colon);
  }
  if (queryStart == std::string::npos) return head;
  // ...?password=...: libpq takes it there too, its name percent-decoded.
  std::string query;
  std::size_t start = queryStart + 1;
  while (start <= url.size()) {
    const auto end = std::min(url.find('&', start), url.size());
    const std::string parameter = url.substr(start, end - start);
    if (percentDecoded(parameter.substr(0, parameter.find('='))) != "password") {
      query += (query.empty() ? "" : "&") + parameter;
    }
    start = end + 1;
  }
  return query.empty() ? head : head + "?" + query;
}

PgResult::~PgResult() {
  if (m_result != nullptr) PQclear(m_result);
}

int PgResult::rows() const { return PQntuples(m_result); }
int PgResult::columns() const { return PQnfields(m_result); }
bool PgResult::isNull(int row, int column) const { return PQgetisnull(m_result, row, column) != 0; }

std::string PgResult::text(int row, int column) const {
  return std::string(PQgetvalue(m_result, row, column), static_cast<std::size_t>(PQgetlength(m_result, row, column)));
}

std::optional<std::string> PgResult::optionalText(int row, int column) const {
  if (isNull(row, column)) return std::nullopt;
  return text(row, column);
}

std::int64_t PgResult::integer(int row, int column) const {
  const char* value = PQgetvalue(m_result, row, column);
  const char* end = value + PQgetlength(m_result, row, column);
  std::int64_t number = 0;
  const auto [stop, error] = std::from_chars(value, end, number);
  if (error != std::errc{} || stop != end) {
    throw PgError::corrupt(std::string("column ") + PQfname(m_result, column) + " holds '" + std::string(value, end) +
                           "', which is not an integer");
  }
  return number;
}

std::optional<std::int64_t> PgResult::optionalInteger(int row, int column) const {
  if (isNull(row, column)) return std::nullopt;
  return integer(row, column);
}

bool PgResult::boolean(int row, int column) const {
  const char* value = PQgetvalue(m_result, row, column);
  return value[0] == 't';
}

std::int64_t PgResult::affected() const {
  const char* tuples = PQcmdTuples(m_result);
  if (tuples == nullptr || tuples[0] == '\0') return 0;
  return std::stoll(tuples);
}

PgConnection::PgConnection(const std::string& conninfo, std::string where, int connectTimeoutSeconds)
    : m_where(std::move(where)) {
  // Keywords beside the URL: libpq reads the URL first, then these, which win. DateStyle ISO
  // makes dates read 'YYYY-MM-DD' (added to the URL's own server options, which would
  // otherwise be lost). The keepalives find a cut network on an idle connection within about
  // half a minute instead of the kernel's two hours; tcp_user_timeout does the same when the cut
  // leaves a statement unacknowledged (else the kernel retransmits for about 15 minutes). A slow
  // answer to a statement that did arrive is not cut by it.
  const std::string timeout = std::to_string(connectTimeoutSeconds);
  const std::string options = serverOptionsOf(conninfo) + " -c DateStyle=ISO,YMD -c client_encoding=UTF8";
  const char* keywords[] = {"dbname",           "connect_timeout",     "options",          "application_name",
                            "keepalives_idle",  "keepalives_interval", "keepalives_count", "tcp_user_timeout",
                            nullptr};
  const char* values[] = {conninfo.c_str(), timeout.c_str(), options.c_str(), "repair-kiosk", "10", "5", "3", "30000",
                          nullptr};
  m_conn = PQconnectdbParams(keywords, values, 1);
  if (m_conn == nullptr) throw PgError("08000", true, "cannot connect to " + m_where + ": out of memory");
  if (PQstatus(m_conn) != CONNECTION_OK) {
    const std::string message = trimmed(PQerrorMessage(m_conn));
    PQfinish(m_conn);
    m_conn = nullptr;
    throw PgError("08001", true, "cannot connect to " + m_where + ": " + message);
  }
  PQsetNoticeProcessor(m_conn, ignoreNotice, nullptr);
}

PgConnection::~PgConnection() {
  if (m_conn != nullptr) PQfinish(m_conn);
}

bool PgConnection::broken() const { return m_conn == nullptr || PQstatus(m_conn) != CONNECTION_OK; }

int PgConnection::backendPid() const { return m_conn == nullptr ? 0 : PQbackendPID(m_conn); }

void PgConnection::fail(pg_result* result, std::string_view doing) const {
  std::string sqlstate;
  std::string message;
  if (result != nullptr) {
    if (const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE)) sqlstate = state;
    message = trimmed(PQresultErrorMessage(result));
    PQclear(result);
  }
  if (message.empty()) message = trimmed(PQerrorMessage(m_conn));
  const bool lost = PQstatus(m_conn) != CONNECTION_OK || sessionGone(sqlstate);
  if (lost && sqlstate.empty()) sqlstate = "08006";
  throw PgError(sqlstate, lost, m_where + ": " + std::string(doing) + ": " + message);
}

PgResult PgConnection::checked(pg_result* result, std::string_view doing) const {
  const auto status = result == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(result, doing);
  return PgResult(result);
}

PgResult PgConnection::exec(std::string_view sql, const PgParams& params) {
  const std::string text(sql);
  auto prepared = m_prepared.find(text);
  if (prepared == m_prepared.end()) {
    std::string name = "kiosk_" + std::to_string(m_prepared.size() + 1);
    checked(PQprepare(m_conn, name.c_str(), text.c_str(), static_cast<int>(params.size()), nullptr),
            "cannot prepare a statement");
    prepared = m_prepared.emplace(text, std::move(name)).first;
  }
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& value : params.values()) values.push_back(value ? value->c_str() : nullptr);
  return checked(PQexecPrepared(m_conn, prepared->second.c_str(), static_cast<int>(values.size()), values.data(),
                                nullptr, nullptr, 0),
                 "a statement failed");
}

PgResult PgConnection::exec(std::string_view sql) {
  const std::string text(sql);
  return checked(PQexec(m_conn, text.c_str()), "a statement failed");
}

bool PgConnection::consumeInput() { return m_conn != nullptr && PQconsumeInput(m_conn) == 1 && !broken(); }

std::size_t PgConnection::takeNotifications() {
  std::size_t count = 0;
  while (PGnotify* notify = PQnotifies(m_conn)) {
    ++count;
    PQfreemem(notify);
  }
  return count;
}

}  // namespace kiosk
