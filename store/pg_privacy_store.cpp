// PgCaseStore's PrivacyStore: a customer's cases for an export.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/case_change_rules.hpp"
#include "store/pg_case_rows.hpp"
#include "store/pg_case_store.hpp"
#include "store/pg_connection.hpp"
#include "store/pg_session.hpp"

namespace kiosk {

Result<std::vector<RepairCase>> PgCaseStore::findCustomerCases(const CustomerKey& key) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot find the customer's cases", {}, [&]() -> Result<std::vector<RepairCase>> {
    return m_session->read([&](PgConnection& db) {
      const bool byMobile = !key.mobile.empty();
      // Row and timeline in one statement: one snapshot, as load() reads them.
      const PgResult rows = db.exec(
          selectPgCasesSql(byMobile ? "WHERE customer_mobile = $1 ORDER BY seq"
                                    : "WHERE lower(customer_email) = lower($1) ORDER BY seq",
                           "(SELECT coalesce(json_agg(json_build_array(e.at, e.staff, e.kind, e.detail) ORDER BY "
                           "e.position), '[]') FROM case_event e WHERE e.case_seq = repair_case.seq)"),
          PgParams().text(byMobile ? key.mobile : key.email));
      auto cases = readPgCaseRows(rows);
      for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto timeline = nlohmann::json::parse(rows.text(static_cast<int>(i), rows.columns() - 1));
        for (const auto& e : timeline) {
          const auto at = parseLocalTime(e.at(0).get<std::string>());
          if (!at) throw PgError::corrupt("case " + cases[i].number + ": an event's time is not a local time");
          cases[i].events.push_back(
              CaseEvent{*at, e.at(1).get<std::string>(), e.at(2).get<std::string>(), e.at(3).get<std::string>()});
        }
      }
      return cases;
    });
  });
}

}  // namespace kiosk
