// PgCaseStore's PasscodeStore: the upkeep of sealed passcodes in repair_case.intake_passcode.
// No schema of its own: a sealed passcode is told from a clear one by its prefix.
#include <string>
#include <vector>

#include "store/case_change_rules.hpp"
#include "store/pg_case_store.hpp"
#include "store/pg_connection.hpp"
#include "store/pg_session.hpp"
#include "workflow/passcode_vault.hpp"

namespace kiosk {

Result<std::vector<std::string>> PgCaseStore::casesWithClearPasscodes(std::size_t limit, bool openOnly) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot look for passcodes to seal", {}, [&]() -> Result<std::vector<std::string>> {
    return m_session->read([&](PgConnection& db) {
      // left(), not LIKE: '_' and '%' would be patterns.
      // Open only: the condition of the open cases' partial indexes, which the planner can use.
      const PgResult rows = db.exec(
          openOnly ? "SELECT number FROM repair_case WHERE status <> 'closed' AND intake_passcode <> '' "
                     "AND left(intake_passcode, $1::integer) <> $2 ORDER BY seq LIMIT $3::bigint"
                   : "SELECT number FROM repair_case WHERE intake_passcode <> '' "
                     "AND left(intake_passcode, $1::integer) <> $2 ORDER BY seq LIMIT $3::bigint",
          PgParams()
              .integer(static_cast<std::int64_t>(kSealedPasscodePrefix.size()))
              .text(std::string(kSealedPasscodePrefix))
              .integer(static_cast<std::int64_t>(limit)));
      std::vector<std::string> numbers;
      for (int r = 0; r < rows.rows(); ++r) numbers.push_back(rows.text(r, 0));
      return numbers;
    });
  });
}

Result<bool> PgCaseStore::hasSealedPasscodes() {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot look for sealed passcodes", {}, [&]() -> Result<bool> {
    return m_session->read([&](PgConnection& db) {
      const PgResult rows = db.exec("SELECT 1 FROM repair_case WHERE left(intake_passcode, $1::integer) = $2 LIMIT 1",
                                    PgParams()
                                        .integer(static_cast<std::int64_t>(kSealedPasscodePrefix.size()))
                                        .text(std::string(kSealedPasscodePrefix)));
      return rows.rows() > 0;
    });
  });
}

Result<void> PgCaseStore::eraseFreedCopies() {
  // The old row versions stay in the table's files until VACUUM reclaims them (autovacuum soon
  // after; README says to run VACUUM FULL repair_case once after the upgrade to be sure). A
  // VACUUM FULL here would lock every station out of the cases while it rewrites the table.
  return {};
}

}  // namespace kiosk
