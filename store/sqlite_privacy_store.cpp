// SqliteCaseStore's PrivacyStore: a customer's cases for an export.
#include <string>
#include <vector>

#include "store/case_change_rules.hpp"
#include "store/sqlite_case_rows.hpp"
#include "store/sqlite_case_store.hpp"
#include "store/sqlite_connection.hpp"

namespace kiosk {

Result<std::vector<RepairCase>> SqliteCaseStore::findCustomerCases(const CustomerKey& key) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot find the customer's cases", {}, [&]() -> Result<std::vector<RepairCase>> {
    return m_db->retryWhileBusy([&] {
      SqliteTransaction snapshot(*m_db, SqliteTransaction::Mode::Deferred);
      const bool byMobile = !key.mobile.empty();
      SqliteStatement select(*m_db, selectCasesSql(byMobile ? "WHERE customer_mobile = ?1 ORDER BY seq"
                                                            : "WHERE lower(customer_email) = lower(?1) ORDER BY seq"));
      select.bind(1, std::string_view(byMobile ? key.mobile : key.email));
      auto cases = readCaseRows(*m_db, select);
      for (RepairCase& c : cases) c.events = selectEvents(*m_db, c.sequence);
      return cases;
    });
  });
}

}  // namespace kiosk
