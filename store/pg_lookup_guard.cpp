// PgCaseStore's CustomerLookupStore: the wrong customer codes per case number, in table
// customer_lookup_attempt (store/migrations/postgres/2_up.sql).
#include "store/case_change_rules.hpp"
#include "store/pg_case_store.hpp"
#include "store/pg_connection.hpp"
#include "store/pg_session.hpp"

namespace kiosk {
namespace {

// One statement, one round trip besides BEGIN and COMMIT: the attempt is counted as SQLite
// counts it (sqlite_lookup_guard.cpp: a first attempt makes the row; a lock that has ended
// starts the count again at 1; the count stops one past the limit; the lock is set when the
// count reaches the limit and kept while it lasts), and the case's code read beside it.
// Attempts at once on several stations wait for each other on the row (ON CONFLICT locks it),
// so each is counted. $1 number, $2 now (ms), $3 the limit, $4 the lock's length (ms).
constexpr std::string_view kCountAttempt =
    "WITH attempt AS (INSERT INTO customer_lookup_attempt AS a (number, attempts, locked_until_ms) "
    "VALUES ($1, 1, CASE WHEN $3::integer <= 1 THEN $2::bigint + $4::bigint END) "
    "ON CONFLICT (number) DO UPDATE SET "
    "attempts = CASE WHEN a.locked_until_ms <= $2::bigint THEN 1 ELSE least(a.attempts + 1, $3::integer + 1) END, "
    "locked_until_ms = CASE WHEN a.locked_until_ms > $2::bigint THEN a.locked_until_ms "
    "WHEN (CASE WHEN a.locked_until_ms <= $2::bigint THEN 1 ELSE a.attempts + 1 END) >= $3::integer "
    "THEN $2::bigint + $4::bigint END "
    "RETURNING attempts, locked_until_ms) "
    "SELECT attempt.attempts, attempt.locked_until_ms, "
    "(SELECT customer_code FROM repair_case WHERE number = $1) FROM attempt";

}  // namespace

Result<CodeAttempt> PgCaseStore::beginCodeAttempt(const std::string& number, const CodeAttemptPolicy& policy,
                                                  std::int64_t nowMs) {
  if (policy.maxWrongCodes < 1 || policy.lockMs < 0) {
    return badInput("policy", "a lookup lock needs at least 1 wrong code and a length of 0 ms or more");
  }
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot count a customer code attempt for case", number, [&]() -> Result<CodeAttempt> {
    return m_session->write<CodeAttempt>([&](PgConnection& db) -> Result<CodeAttempt> {
      const PgResult counted = db.exec(kCountAttempt, PgParams()
                                                          .text(number)
                                                          .integer(nowMs)
                                                          .integer(policy.maxWrongCodes)
                                                          .integer(policy.lockMs));
      if (counted.rows() != 1) throw PgError::corrupt("counting a lookup attempt returned no row");
      CodeAttempt attempt;
      attempt.attempts = static_cast<int>(counted.integer(0, 0));
      attempt.lockedUntilMs = counted.optionalInteger(0, 1);
      attempt.customerCode = counted.optionalText(0, 2).value_or("");
      attempt.allowed = attempt.attempts <= policy.maxWrongCodes;
      return attempt;
    });
  });
}

Result<void> PgCaseStore::clearCodeAttempts(const std::string& number) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot clear the customer code attempts of case", number, [&]() -> Result<void> {
    return m_session->write<void>([&](PgConnection& db) -> Result<void> {
      (void)db.exec("DELETE FROM customer_lookup_attempt WHERE number = $1", PgParams().text(number));
      return {};
    });
  });
}

}  // namespace kiosk
