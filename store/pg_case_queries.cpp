#include "store/pg_case_queries.hpp"

#include <limits>
#include <optional>
#include <string_view>

#include "store/pg_case_rows.hpp"
#include "store/sqlite_text_fold.hpp"

namespace kiosk {
namespace {

std::int64_t sqlCount(std::size_t n) {
  return n > static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max()) ? std::numeric_limits<std::int64_t>::max()
                                                                               : static_cast<std::int64_t>(n);
}

// A WHERE clause built term by term, each value a parameter numbered in order.
class Where {
 public:
  // Adds `term`, in which "?" stands for the next parameter, whose value is `value`.
  void add(std::string_view term, std::optional<std::string> value = std::nullopt) {
    m_sql += m_sql.empty() ? "WHERE " : " AND ";
    const auto mark = term.find('?');
    if (!value || mark == std::string_view::npos) {
      m_sql += term;
      return;
    }
    m_params.text(*value);
    m_sql.append(term.substr(0, mark)).append("$" + std::to_string(m_params.size())).append(term.substr(mark + 1));
  }
  [[nodiscard]] std::string sql() const { return m_sql.empty() ? std::string() : m_sql + " "; }
  [[nodiscard]] PgParams& params() { return m_params; }

 private:
  std::string m_sql;
  PgParams m_params;
};

// list() and countMatching() filter alike: a term for each filter that is set, so that each
// combination is a statement text of its own (prepared once per connection) whose generic plan
// (PostgreSQL may switch a prepared statement to it after five executions) uses the index for
// that combination. One text for all, with "($4 IS NULL OR device_vendor = $4)" switched off
// by a NULL, rules every index out of the generic plan: a scan of all open cases and a sort.
// The status terms are spelt as the partial indexes' WHERE ("status <> 'closed'"), which is
// what lets the planner use them.
Where whereOf(const CaseQuery& query) {
  Where where;
  if (query.status) {
    where.add("status = ?", std::string(statusName(*query.status)));
  } else if (!query.includeClosed) {
    where.add("status <> 'closed'");
  }
  if (query.dueBefore) where.add("due < ?", formatDate(*query.dueBefore));
  if (query.dueOnOrBefore) where.add("due <= ?", formatDate(*query.dueOnOrBefore));
  if (query.vendor) where.add("device_vendor = ?", *query.vendor);
  if (query.technician) where.add("technician = ?", *query.technician);
  if (query.awaitingDeviationNotice) where.add("done_at IS NULL AND deviation_noticed_at IS NULL");
  return where;
}

}  // namespace

PgStatement pgFindBySerialStatement(const std::string& serial) {
  return {selectPgCasesSql("WHERE device_serial = $1 ORDER BY seq DESC"), PgParams().text(serial)};
}

PgStatement pgFindByCustomerNameStatement(const std::string& fragment, std::size_t limit) {
  // strpos, not LIKE: a % or _ in what was typed is a character, not a pattern.
  return {selectPgCasesSql("WHERE strpos(customer_name_folded, $1) > 0 ORDER BY seq DESC LIMIT $2"),
          PgParams().text(foldCase(fragment)).optionalInteger(limit == 0 ? std::nullopt
                                                                         : std::optional<std::int64_t>(sqlCount(limit)))};
}

PgStatement pgListStatement(const CaseQuery& query) {
  Where where = whereOf(query);
  std::string tail = where.sql() + "ORDER BY due NULLS LAST, seq";
  PgParams& params = where.params();
  if (query.limit != 0) {
    params.integer(sqlCount(query.limit));
    tail += " LIMIT $" + std::to_string(params.size());
  }
  if (query.offset != 0) {
    params.integer(sqlCount(query.offset));
    tail += " OFFSET $" + std::to_string(params.size());
  }
  return {selectPgCasesSql(tail), std::move(params)};
}

PgStatement pgCountStatement(const CaseQuery& query) {
  Where where = whereOf(query);
  return {"SELECT count(*) FROM repair_case " + where.sql(), std::move(where.params())};
}

}  // namespace kiosk
