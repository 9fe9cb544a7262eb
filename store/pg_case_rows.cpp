#include "store/pg_case_rows.hpp"

#include <nlohmann/json.hpp>

#include "store/case_columns.hpp"
#include "store/pg_connection.hpp"
#include "store/pg_outbox_rows.hpp"
#include "store/sqlite_text_fold.hpp"

namespace kiosk {
namespace {

std::optional<std::string> dateText(const Date& day) {
  if (!day.ok()) return std::nullopt;
  return formatDate(day);
}

// Adds each column's value, in visiting order, as $1, $2, ...
class PgColumnBinder {
 public:
  explicit PgColumnBinder(PgParams& params) : m_params(params) {}

  void operator()(std::string_view, const std::string& text) { m_params.text(text); }
  void operator()(std::string_view, std::int64_t value) { m_params.integer(value); }
  void operator()(std::string_view name, std::uint64_t value) {
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      throw PgError("22003", false, std::string(name) + " " + std::to_string(value) + " does not fit a bigint");
    }
    m_params.integer(static_cast<std::int64_t>(value));
  }
  void operator()(std::string_view, bool value) { m_params.boolean(value); }
  void operator()(std::string_view, const std::optional<std::int64_t>& value) { m_params.optionalInteger(value); }
  void operator()(std::string_view, const Date& day) { m_params.optionalText(dateText(day)); }
  void operator()(std::string_view, const std::optional<Date>& day) {
    m_params.optionalText(day ? dateText(*day) : std::nullopt);
  }
  void operator()(std::string_view, const LocalTime& at) { m_params.text(formatLocalTime(at)); }
  void operator()(std::string_view, const std::optional<LocalTime>& at) {
    m_params.optionalText(at ? std::optional<std::string>(formatLocalTime(*at)) : std::nullopt);
  }
  void operator()(std::string_view, CaseStatus status) { m_params.text(statusName(status)); }
  void operator()(std::string_view, Damage damage) { m_params.text(damageName(damage)); }
  void operator()(std::string_view, CustomerAnswer answer) { m_params.text(customerAnswerName(answer)); }
  void operator()(std::string_view, const std::vector<std::string>& parts) { m_params.text(nlohmann::json(parts).dump()); }
  void warranty(const std::optional<WarrantyDecision>& decision) {
    if (!decision) {
      for (std::size_t i = 0; i < kWarrantyColumns.size(); ++i) m_params.null();
      return;
    }
    m_params.boolean(decision->covered);
    m_params.text(decision->basis);
    m_params.optionalText(decision->coveredUntil ? dateText(*decision->coveredUntil) : std::nullopt);
    m_params.text(decision->action);
    m_params.integer(decision->diagnosisFeeNok);
  }

 private:
  PgParams& m_params;
};

// Reads columns 0, 1, ... of one row in visiting order; a value the schema does not allow is corruption.
class PgColumnReader {
 public:
  PgColumnReader(const PgResult& rows, int row) : m_rows(rows), m_row(row) {}

  void operator()(std::string_view, std::string& text) { text = m_rows.text(m_row, m_column++); }
  void operator()(std::string_view, std::int64_t& value) { value = m_rows.integer(m_row, m_column++); }
  void operator()(std::string_view, std::uint64_t& value) {
    m_sequence = m_rows.integer(m_row, m_column++);
    value = static_cast<std::uint64_t>(m_sequence);
  }
  void operator()(std::string_view, bool& value) { value = m_rows.boolean(m_row, m_column++); }
  void operator()(std::string_view, std::optional<std::int64_t>& value) {
    value = m_rows.optionalInteger(m_row, m_column++);
  }
  void operator()(std::string_view name, Date& day) {
    const auto text = m_rows.optionalText(m_row, m_column++);
    day = text ? toDate(name, *text) : Date{};
  }
  void operator()(std::string_view name, std::optional<Date>& day) {
    const auto text = m_rows.optionalText(m_row, m_column++);
    day = text ? std::optional<Date>(toDate(name, *text)) : std::nullopt;
  }
  void operator()(std::string_view name, LocalTime& at) { at = toTime(name, m_rows.text(m_row, m_column++)); }
  void operator()(std::string_view name, std::optional<LocalTime>& at) {
    const auto text = m_rows.optionalText(m_row, m_column++);
    at = text ? std::optional<LocalTime>(toTime(name, *text)) : std::nullopt;
  }
  void operator()(std::string_view name, CaseStatus& status) {
    const std::string text = m_rows.text(m_row, m_column++);
    const auto parsed = parseStatus(text);
    if (!parsed) bad(name, text, "a case status");
    status = *parsed;
  }
  void operator()(std::string_view name, Damage& damage) {
    const std::string text = m_rows.text(m_row, m_column++);
    const auto parsed = parseDamage(text);
    if (!parsed) bad(name, text, "a damage kind");
    damage = *parsed;
  }
  void operator()(std::string_view name, CustomerAnswer& answer) {
    const std::string text = m_rows.text(m_row, m_column++);
    const auto parsed = parseCustomerAnswer(text);
    if (!parsed) bad(name, text, "a customer answer");
    answer = *parsed;
  }
  void operator()(std::string_view name, std::vector<std::string>& parts) {
    const std::string text = m_rows.text(m_row, m_column++);
    try {
      parts = nlohmann::json::parse(text).get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception&) {
      bad(name, text, "a JSON list of parts");
    }
  }
  void warranty(std::optional<WarrantyDecision>& decision) {
    const int first = m_column;
    m_column += static_cast<int>(kWarrantyColumns.size());
    if (m_rows.isNull(m_row, first)) {
      decision.reset();
      return;
    }
    WarrantyDecision d;
    d.covered = m_rows.boolean(m_row, first);
    d.basis = m_rows.text(m_row, first + 1);
    if (const auto until = m_rows.optionalText(m_row, first + 2)) d.coveredUntil = toDate(kWarrantyColumns[2], *until);
    d.action = m_rows.text(m_row, first + 3);
    d.diagnosisFeeNok = static_cast<int>(m_rows.integer(m_row, first + 4));
    decision = std::move(d);
  }

 private:
  Date toDate(std::string_view name, const std::string& text) const {
    const auto day = parseDate(text);
    if (!day) bad(name, text, "a date");
    return *day;
  }
  LocalTime toTime(std::string_view name, const std::string& text) const {
    const auto at = parseLocalTime(text);
    if (!at) bad(name, text, "a local time");
    return *at;
  }
  [[noreturn]] void bad(std::string_view column, const std::string& text, std::string_view what) const {
    throw PgError::corrupt("case " + std::to_string(m_sequence) + ": column " + std::string(column) + " holds '" +
                           text + "', which is not " + std::string(what));
  }

  const PgResult& m_rows;
  int m_row;
  int m_column = 0;
  std::int64_t m_sequence = 0;
};

// $first, $first + 1, ... for `count` parameters.
std::string placeholders(std::size_t count, std::size_t first = 1) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) list += (i == 0 ? "$" : ", $") + std::to_string(first + i);
  return list;
}

// "INSERT INTO repair_case ..." with the case's values as $1.. (seq is $1); `params` must be empty.
std::string caseInsertSql(PgParams& params, const RepairCase& c, const std::string& auditSalt) {
  const auto names = caseColumns();
  PgColumnBinder binder(params);
  visitCaseColumns(binder, c);
  params.text(foldCase(c.customer.name));
  params.text(auditSalt);
  return "INSERT INTO repair_case (" + joinedColumns(names) + ", customer_name_folded, audit_salt) VALUES (" +
         placeholders(names.size() + 2) + ")";
}

// "INSERT INTO case_event ..." for events[from..], their values appended to `params`; the case's
// sequence is $1.
std::string eventsInsertSql(PgParams& params, const std::vector<CaseEvent>& events, const std::vector<EventSeal>& seals,
                            std::size_t from) {
  if (seals.size() < events.size()) throw PgError::corrupt("an event to store has no seal");
  std::string values;
  for (std::size_t i = from; i < events.size(); ++i) {
    const std::size_t first = params.size() + 1;
    values += std::string(values.empty() ? "" : ", ") + "($1, " + placeholders(8, first) + ")";
    const CaseEvent& e = events[i];
    params.integer(static_cast<std::int64_t>(i));
    params.text(formatLocalTime(e.at));
    params.text(e.staff);
    params.text(e.kind);
    params.text(e.detail);
    params.text(seals[i].detailCommitment);
    params.text(seals[i].stateDigest);
    params.text(seals[i].chainHash);
  }
  return "INSERT INTO case_event (case_seq, position, at, staff, kind, detail, detail_commitment, state_digest, "
         "chain_hash) VALUES " +
         values;
}

}  // namespace

std::string selectPgCasesSql(std::string_view tail, std::string_view extra) {
  std::string columns = joinedColumns(caseColumns());
  if (!extra.empty()) columns.append(", ").append(extra);
  return "SELECT " + columns + " FROM repair_case " + std::string(tail);
}

std::vector<RepairCase> readPgCaseRows(const PgResult& rows) {
  std::vector<RepairCase> cases;
  cases.reserve(static_cast<std::size_t>(rows.rows()));
  for (int row = 0; row < rows.rows(); ++row) {
    RepairCase c;
    PgColumnReader reader(rows, row);
    visitCaseColumns(reader, c);
    cases.push_back(std::move(c));
  }
  return cases;
}

void insertPgNewCase(PgConnection& db, RepairCase& c, const CaseAudit& audit, bool importing) {
  // One statement, one round trip: the row, its timeline and its messages. The foreign keys
  // are checked at the end of the statement, when all three are in.
  PgParams params;
  std::string sql = "WITH new_case AS (" + caseInsertSql(params, c, audit.salt) + ")";
  if (!c.events.empty()) sql += ", new_events AS (" + eventsInsertSql(params, c.events, audit.events, 0) + ")";
  if (c.newMessages.empty()) {
    db.exec(sql + " SELECT 1", params);
    return;
  }
  sql += " " + pgOutboxInsertSql(params, 1, c.newMessages, importing);
  assignPgOutboxIds(db.exec(sql, params), c.newMessages);
}

bool updatePgCaseRow(PgConnection& db, const RepairCase& c, std::int64_t expectedVersion) {
  const auto names = caseColumns();
  // $1 is seq (the key); every other column is set from its own parameter.
  std::string assignments;
  for (std::size_t i = 1; i < names.size(); ++i) {
    assignments += std::string(names[i]) + " = $" + std::to_string(i + 1) + ", ";
  }
  assignments += "customer_name_folded = $" + std::to_string(names.size() + 1);
  PgParams params;
  PgColumnBinder binder(params);
  visitCaseColumns(binder, c);
  params.text(foldCase(c.customer.name));
  params.integer(expectedVersion);
  const PgResult updated = db.exec("UPDATE repair_case SET " + assignments + " WHERE seq = $1 AND version = $" +
                                       std::to_string(names.size() + 2),
                                   params);
  return updated.affected() == 1;
}

std::vector<CaseEvent> selectPgEvents(PgConnection& db, std::uint64_t sequence) {
  const PgResult rows = db.exec("SELECT at, staff, kind, detail FROM case_event WHERE case_seq = $1 ORDER BY position",
                                PgParams().integer(static_cast<std::int64_t>(sequence)));
  std::vector<CaseEvent> events;
  events.reserve(static_cast<std::size_t>(rows.rows()));
  for (int row = 0; row < rows.rows(); ++row) {
    const std::string at = rows.text(row, 0);
    const auto parsed = parseLocalTime(at);
    if (!parsed) {
      throw PgError::corrupt("case " + std::to_string(sequence) + ": event time '" + at + "' is not a local time");
    }
    events.push_back(CaseEvent{*parsed, rows.text(row, 1), rows.text(row, 2), rows.text(row, 3)});
  }
  return events;
}

void insertPgEvents(PgConnection& db, std::uint64_t sequence, const std::vector<CaseEvent>& events,
                    const std::vector<EventSeal>& seals, std::size_t from) {
  if (from >= events.size()) return;
  // One statement for all of them: one round trip whatever the count. The statement text varies
  // only with the count, so the connection's cache holds one per count (1 and 2 in practice).
  PgParams params;
  params.integer(static_cast<std::int64_t>(sequence));
  const std::string sql = eventsInsertSql(params, events, seals, from);
  db.exec(sql, params);
}

}  // namespace kiosk
