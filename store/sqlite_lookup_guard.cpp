// SqliteCaseStore's CustomerLookupStore: the wrong customer codes per case number, in table
// customer_lookup_attempt (migration 8), and the SQL function that migration draws codes with.
#include "store/sqlite_lookup_guard.hpp"

#include <sqlite3.h>

#include <exception>

#include "store/case_change_rules.hpp"
#include "store/customer_codes.hpp"
#include "store/sqlite_case_store.hpp"
#include "store/sqlite_connection.hpp"

namespace kiosk {
namespace {

void newCustomerCode(sqlite3_context* context, int, sqlite3_value**) {
  try {
    const std::string code = drawCustomerCode();
    sqlite3_result_text(context, code.data(), static_cast<int>(code.size()), SQLITE_TRANSIENT);
  } catch (const std::exception& e) {
    sqlite3_result_error(context, e.what(), -1);
  }
}

// One statement counts the attempt (workflow/customer_lookup_store.hpp): a first attempt makes
// the row; a lock that has ended starts the count again at 1; the count stops one past the
// limit; the lock is set when the count reaches the limit and kept, unchanged, while it lasts.
// ?1 number, ?2 now (ms), ?3 the limit, ?4 the lock's length (ms).
constexpr std::string_view kCountAttempt =
    "INSERT INTO customer_lookup_attempt AS a (number, attempts, locked_until_ms) "
    "VALUES (?1, 1, CASE WHEN ?3 <= 1 THEN ?2 + ?4 END) "
    "ON CONFLICT (number) DO UPDATE SET "
    "attempts = CASE WHEN a.locked_until_ms <= ?2 THEN 1 ELSE min(a.attempts + 1, ?3 + 1) END, "
    "locked_until_ms = CASE WHEN a.locked_until_ms > ?2 THEN a.locked_until_ms "
    "WHEN (CASE WHEN a.locked_until_ms <= ?2 THEN 1 ELSE a.attempts + 1 END) >= ?3 THEN ?2 + ?4 END "
    "RETURNING attempts, locked_until_ms";

}  // namespace

void registerCustomerCodeFunction(SqliteConnection& db) {
  // Not deterministic: each row of the migration's UPDATE gets its own code.
  const int rc = sqlite3_create_function_v2(db.handle(), "kiosk_new_customer_code", 0, SQLITE_UTF8, nullptr,
                                            &newCustomerCode, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) db.fail(rc);
}

Result<CodeAttempt> SqliteCaseStore::beginCodeAttempt(const std::string& number, const CodeAttemptPolicy& policy,
                                                      std::int64_t nowMs) {
  if (policy.maxWrongCodes < 1 || policy.lockMs < 0) {
    return badInput("policy", "a lookup lock needs at least 1 wrong code and a length of 0 ms or more");
  }
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot count a customer code attempt for case", number, [&]() -> Result<CodeAttempt> {
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    CodeAttempt attempt;
    {
      SqliteStatement count(*m_db, kCountAttempt);
      count.bind(1, std::string_view(number));
      count.bind(2, nowMs);
      count.bind(3, std::int64_t{policy.maxWrongCodes});
      count.bind(4, policy.lockMs);
      if (!count.step()) throw SqliteError::failure(m_db->path() + ": counting a lookup attempt returned no row");
      attempt.attempts = static_cast<int>(count.integer(0));
      attempt.lockedUntilMs = count.optionalInteger(1);
      // RETURNING's row is out; the statement must finish before the transaction commits.
      while (count.step()) {
      }
    }
    attempt.allowed = attempt.attempts <= policy.maxWrongCodes;
    {
      SqliteStatement code(*m_db, "SELECT customer_code FROM repair_case WHERE number = ?1");
      code.bind(1, std::string_view(number));
      if (code.step()) attempt.customerCode = code.text(0);
    }
    transaction.commit();
    ++m_ownCommits;
    return attempt;
  });
}

Result<void> SqliteCaseStore::clearCodeAttempts(const std::string& number) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot clear the customer code attempts of case", number, [&]() -> Result<void> {
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    SqliteStatement clear(*m_db, "DELETE FROM customer_lookup_attempt WHERE number = ?1");
    clear.bind(1, std::string_view(number));
    clear.run();
    const bool cleared = m_db->changes() > 0;
    transaction.commit();
    if (cleared) ++m_ownCommits;
    return {};
  });
}

}  // namespace kiosk
