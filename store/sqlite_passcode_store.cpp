// SqliteCaseStore's PasscodeStore: the upkeep of sealed passcodes in repair_case.intake_passcode.
// No schema of its own: a sealed passcode is told from a clear one by its prefix.
#include <string>
#include <vector>

#include "store/case_change_rules.hpp"
#include "store/sqlite_case_store.hpp"
#include "store/sqlite_connection.hpp"
#include "workflow/passcode_vault.hpp"

namespace kiosk {

Result<std::vector<std::string>> SqliteCaseStore::casesWithClearPasscodes(std::size_t limit, bool openOnly) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot look for passcodes to seal", {}, [&]() -> Result<std::vector<std::string>> {
    return m_db->retryWhileBusy([&] {
      // substr, not LIKE: LIKE is case-blind in SQLite, and '_' and '%' would be patterns.
      // Open only: through the partial index of open cases (migration 1), never the whole table.
      SqliteStatement select(*m_db, openOnly ? "SELECT number FROM repair_case INDEXED BY repair_case_open_due "
                                               "WHERE status <> 'closed' AND intake_passcode <> '' "
                                               "AND substr(intake_passcode, 1, ?1) <> ?2 ORDER BY seq LIMIT ?3"
                                             : "SELECT number FROM repair_case WHERE intake_passcode <> '' "
                                               "AND substr(intake_passcode, 1, ?1) <> ?2 ORDER BY seq LIMIT ?3");
      select.bind(1, static_cast<std::int64_t>(kSealedPasscodePrefix.size()));
      select.bind(2, kSealedPasscodePrefix);
      select.bind(3, static_cast<std::int64_t>(limit));
      std::vector<std::string> numbers;
      while (select.step()) numbers.push_back(select.text(0));
      return numbers;
    });
  });
}

Result<bool> SqliteCaseStore::hasSealedPasscodes() {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot look for sealed passcodes", {}, [&]() -> Result<bool> {
    return m_db->retryWhileBusy([&] {
      SqliteStatement select(*m_db, "SELECT 1 FROM repair_case WHERE substr(intake_passcode, 1, ?1) = ?2 LIMIT 1");
      select.bind(1, static_cast<std::int64_t>(kSealedPasscodePrefix.size()));
      select.bind(2, kSealedPasscodePrefix);
      return select.step();
    });
  });
}

Result<void> SqliteCaseStore::eraseFreedCopies() {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot checkpoint the database's WAL", {}, [&]() -> Result<void> {
    // Copies the changed pages into the file (where secure_delete zeroed the old text) and
    // empties the WAL, which held the pages as they were. Busy readers may keep a part of it;
    // the next checkpoint (SQLite's own, or the last connection's close) takes the rest.
    (void)m_db->retryWhileBusy([&] { return m_db->queryInteger("PRAGMA wal_checkpoint(TRUNCATE)"); });
    return {};
  });
}

}  // namespace kiosk
