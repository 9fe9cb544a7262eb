#include "store/sqlite_case_rows.hpp"

#include <array>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

#include "store/case_columns.hpp"
#include "store/sqlite_connection.hpp"

namespace kiosk {
namespace {

// A date that is not a calendar day (a default-constructed Date: "not recorded") is NULL.
std::optional<std::string> dateText(const Date& day) {
  if (!day.ok()) return std::nullopt;
  return formatDate(day);
}

// Binds each column to ?1, ?2, ... in visiting order.
class ColumnBinder {
 public:
  explicit ColumnBinder(SqliteStatement& statement) : m_statement(statement) {}
  [[nodiscard]] int bound() const { return m_index - 1; }

  void operator()(std::string_view, const std::string& text) {
    m_statement.bind(m_index++, std::string_view(text));
  }
  void operator()(std::string_view, std::int64_t value) { m_statement.bind(m_index++, value); }
  void operator()(std::string_view name, std::uint64_t value) {
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      throw SqliteError::failure(std::string(name) + " " + std::to_string(value) +
                                 " does not fit a SQLite integer");
    }
    m_statement.bind(m_index++, static_cast<std::int64_t>(value));
  }
  void operator()(std::string_view, bool value) { m_statement.bind(m_index++, std::int64_t{value ? 1 : 0}); }
  void operator()(std::string_view, const std::optional<std::int64_t>& value) {
    m_statement.bind(m_index++, value);
  }
  void operator()(std::string_view, const Date& day) { m_statement.bind(m_index++, dateText(day)); }
  void operator()(std::string_view, const std::optional<Date>& day) {
    m_statement.bind(m_index++, day ? dateText(*day) : std::nullopt);
  }
  void operator()(std::string_view, const LocalTime& at) {
    m_statement.bind(m_index++, std::string_view(formatLocalTime(at)));
  }
  void operator()(std::string_view, const std::optional<LocalTime>& at) {
    m_statement.bind(m_index++, at ? std::optional<std::string>(formatLocalTime(*at)) : std::nullopt);
  }
  void operator()(std::string_view, CaseStatus status) { m_statement.bind(m_index++, statusName(status)); }
  void operator()(std::string_view, Damage damage) {
    m_statement.bind(m_index++, std::string_view(damageName(damage)));
  }
  void operator()(std::string_view, CustomerAnswer answer) {
    m_statement.bind(m_index++, customerAnswerName(answer));
  }
  void operator()(std::string_view, const std::vector<std::string>& parts) {
    m_statement.bind(m_index++, std::string_view(nlohmann::json(parts).dump()));
  }
  void warranty(const std::optional<WarrantyDecision>& decision) {
    if (!decision) {
      for (std::size_t i = 0; i < kWarrantyColumns.size(); ++i) m_statement.bindNull(m_index++);
      return;
    }
    m_statement.bind(m_index++, std::int64_t{decision->covered ? 1 : 0});
    m_statement.bind(m_index++, std::string_view(decision->basis));
    m_statement.bind(m_index++, decision->coveredUntil ? dateText(*decision->coveredUntil) : std::nullopt);
    m_statement.bind(m_index++, std::string_view(decision->action));
    m_statement.bind(m_index++, std::int64_t{decision->diagnosisFeeNok});
  }

 private:
  SqliteStatement& m_statement;
  int m_index = 1;
};

// Reads column 0, 1, ... in visiting order; a value the schema does not allow is corruption.
class ColumnReader {
 public:
  ColumnReader(SqliteConnection& db, const SqliteStatement& statement) : m_db(db), m_statement(statement) {}

  void operator()(std::string_view, std::string& text) { text = m_statement.text(m_column++); }
  void operator()(std::string_view, std::int64_t& value) { value = m_statement.integer(m_column++); }
  void operator()(std::string_view, std::uint64_t& value) {
    m_sequence = m_statement.integer(m_column++);
    value = static_cast<std::uint64_t>(m_sequence);
  }
  void operator()(std::string_view, bool& value) { value = m_statement.integer(m_column++) != 0; }
  void operator()(std::string_view, std::optional<std::int64_t>& value) {
    value = m_statement.optionalInteger(m_column++);
  }
  void operator()(std::string_view name, Date& day) {
    const auto text = m_statement.optionalText(m_column++);
    day = text ? toDate(name, *text) : Date{};
  }
  void operator()(std::string_view name, std::optional<Date>& day) {
    const auto text = m_statement.optionalText(m_column++);
    day = text ? std::optional<Date>(toDate(name, *text)) : std::nullopt;
  }
  void operator()(std::string_view name, LocalTime& at) { at = toTime(name, m_statement.text(m_column++)); }
  void operator()(std::string_view name, std::optional<LocalTime>& at) {
    const auto text = m_statement.optionalText(m_column++);
    at = text ? std::optional<LocalTime>(toTime(name, *text)) : std::nullopt;
  }
  void operator()(std::string_view name, CaseStatus& status) {
    const std::string text = m_statement.text(m_column++);
    const auto parsed = parseStatus(text);
    if (!parsed) bad(name, text, "a case status");
    status = *parsed;
  }
  void operator()(std::string_view name, Damage& damage) {
    const std::string text = m_statement.text(m_column++);
    const auto parsed = parseDamage(text);
    if (!parsed) bad(name, text, "a damage kind");
    damage = *parsed;
  }
  void operator()(std::string_view name, CustomerAnswer& answer) {
    const std::string text = m_statement.text(m_column++);
    const auto parsed = parseCustomerAnswer(text);
    if (!parsed) bad(name, text, "a customer answer");
    answer = *parsed;
  }
  void operator()(std::string_view name, std::vector<std::string>& parts) {
    const std::string text = m_statement.text(m_column++);
    try {
      parts = nlohmann::json::parse(text).get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception&) {
      bad(name, text, "a JSON list of parts");
    }
  }
  void warranty(std::optional<WarrantyDecision>& decision) {
    const int first = m_column;
    m_column += static_cast<int>(kWarrantyColumns.size());
    if (m_statement.isNull(first)) {
      decision.reset();
      return;
    }
    WarrantyDecision d;
    d.covered = m_statement.integer(first) != 0;
    d.basis = m_statement.text(first + 1);
    const auto until = m_statement.optionalText(first + 2);
    if (until) d.coveredUntil = toDate(kWarrantyColumns[2], *until);
    d.action = m_statement.text(first + 3);
    d.diagnosisFeeNok = static_cast<int>(m_statement.integer(first + 4));
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
    throw SqliteError::corrupt(m_db.path() + ": case " + std::to_string(m_sequence) + ": column " +
                               std::string(column) + " holds '" + text + "', which is not " +
                               std::string(what));
  }

  SqliteConnection& m_db;
  const SqliteStatement& m_statement;
  int m_column = 0;
  std::int64_t m_sequence = 0;
};

}  // namespace


std::string selectCasesSql(std::string_view tail) {
  return "SELECT " + joinedColumns(caseColumns()) + " FROM repair_case " + std::string(tail);
}

std::vector<RepairCase> readCaseRows(SqliteConnection& db, SqliteStatement& statement) {
  std::vector<RepairCase> cases;
  while (statement.step()) {
    RepairCase c;
    ColumnReader reader(db, statement);
    visitCaseColumns(reader, c);
    cases.push_back(std::move(c));
  }
  return cases;
}

void insertCaseRow(SqliteConnection& db, const RepairCase& c, const std::string& auditSalt) {
  const auto names = caseColumns();
  std::string placeholders;
  for (std::size_t i = 1; i <= names.size() + 1; ++i) {
    placeholders += (i == 1 ? "?" : ", ?") + std::to_string(i);
  }
  SqliteStatement insert(
      db, "INSERT INTO repair_case (" + joinedColumns(names) + ", audit_salt) VALUES (" + placeholders + ")");
  ColumnBinder binder(insert);
  visitCaseColumns(binder, c);
  insert.bind(binder.bound() + 1, std::string_view(auditSalt));
  insert.run();
}

bool updateCaseRow(SqliteConnection& db, const RepairCase& c, std::int64_t expectedVersion) {
  const auto names = caseColumns();
  // ?1 is seq (the key); every other column is set from its own placeholder.
  std::string assignments;
  for (std::size_t i = 1; i < names.size(); ++i) {
    if (!assignments.empty()) assignments += ", ";
    assignments += std::string(names[i]) + " = ?" + std::to_string(i + 1);
  }
  const std::string versionParameter = "?" + std::to_string(names.size() + 1);
  SqliteStatement update(
      db, "UPDATE repair_case SET " + assignments + " WHERE seq = ?1 AND version = " + versionParameter);
  ColumnBinder binder(update);
  visitCaseColumns(binder, c);
  update.bind(binder.bound() + 1, expectedVersion);
  update.run();
  return db.changes() == 1;
}

std::vector<CaseEvent> selectEvents(SqliteConnection& db, std::uint64_t sequence) {
  SqliteStatement select(
      db, "SELECT at, staff, kind, detail FROM case_event WHERE case_seq = ?1 ORDER BY position");
  select.bind(1, static_cast<std::int64_t>(sequence));
  std::vector<CaseEvent> events;
  while (select.step()) {
    const std::string at = select.text(0);
    const auto parsed = parseLocalTime(at);
    if (!parsed) {
      throw SqliteError::corrupt(db.path() + ": case " + std::to_string(sequence) + ": event time '" + at +
                                 "' is not a local time");
    }
    events.push_back(CaseEvent{*parsed, select.text(1), select.text(2), select.text(3)});
  }
  return events;
}

void insertEvents(SqliteConnection& db, std::uint64_t sequence, const std::vector<CaseEvent>& events,
                  const std::vector<EventSeal>& seals, std::size_t from) {
  if (from >= events.size()) return;
  if (seals.size() < events.size()) throw SqliteError::failure(db.path() + ": an event to store has no seal");
  SqliteStatement insert(db,
                         "INSERT INTO case_event (case_seq, position, at, staff, kind, detail, detail_commitment, "
                         "state_digest, chain_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  for (std::size_t i = from; i < events.size(); ++i) {
    const CaseEvent& e = events[i];
    insert.bind(1, static_cast<std::int64_t>(sequence));
    insert.bind(2, static_cast<std::int64_t>(i));
    insert.bind(3, std::string_view(formatLocalTime(e.at)));
    insert.bind(4, std::string_view(e.staff));
    insert.bind(5, std::string_view(e.kind));
    insert.bind(6, std::string_view(e.detail));
    insert.bind(7, std::string_view(seals[i].detailCommitment));
    insert.bind(8, std::string_view(seals[i].stateDigest));
    insert.bind(9, std::string_view(seals[i].chainHash));
    insert.run();
    insert.reset();
  }
}

CaseAudit selectAudit(SqliteConnection& db, std::uint64_t sequence) {
  CaseAudit audit;
  SqliteStatement salt(db, "SELECT audit_salt FROM repair_case WHERE seq = ?1");
  salt.bind(1, static_cast<std::int64_t>(sequence));
  if (salt.step()) audit.salt = salt.text(0);
  SqliteStatement seals(
      db, "SELECT detail_commitment, state_digest, chain_hash FROM case_event WHERE case_seq = ?1 ORDER BY position");
  seals.bind(1, static_cast<std::int64_t>(sequence));
  while (seals.step()) audit.events.push_back(EventSeal{seals.text(0), seals.text(1), seals.text(2)});
  return audit;
}

}  // namespace kiosk
