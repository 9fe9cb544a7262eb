// SqliteCaseStore's PrivacyStore: a customer's cases for an export, and the purge of closed
// cases' personal data under the file's write lock, then the space the purge freed reclaimed so
// that neither the database file nor its WAL keeps a copy (the store's connections run with
// secure_delete, store/sqlite_open.cpp, so a freed cell is zeroed where it lay).
#include <string>
#include <vector>

#include "store/audit_chain.hpp"
#include "store/case_change_rules.hpp"
#include "store/purge_shape.hpp"
#include "store/sqlite_case_rows.hpp"
#include "store/sqlite_case_store.hpp"
#include "store/sqlite_connection.hpp"
#include "workflow/privacy.hpp"

namespace kiosk {
namespace {

// A closed case, closed before ?1 (a day: 'YYYY-MM-DDTHH:MM:SS' sorts before 'YYYY-MM-DD' exactly
// when it lies before that day), not purged yet.
constexpr std::string_view kPurgeable = "status = 'closed' AND closed_at < ?1 AND purged_at IS NULL";

void erasePurgedTraces(SqliteConnection& db, std::uint64_t sequence, const std::string& number, PurgeCounts& counts) {
  const auto seq = static_cast<std::int64_t>(sequence);
  SqliteStatement events(db, "UPDATE case_event SET detail = '' WHERE case_seq = ?1 AND detail <> ''");
  events.bind(1, seq);
  events.run();
  counts.events += static_cast<std::size_t>(db.changes());
  // A message not yet sent would go out empty, to no one: it fails instead, and says why.
  SqliteStatement messages(db,
                           "UPDATE outbox_message SET recipient = '', subject = '', body = '', claimed_by = '', "
                           "last_error = CASE WHEN status IN ('queued', 'sending') THEN 'personal data purged' "
                           "ELSE '' END, status = CASE WHEN status IN ('queued', 'sending') THEN 'failed' "
                           "ELSE status END WHERE case_seq = ?1");
  messages.bind(1, seq);
  messages.run();
  counts.messages += static_cast<std::size_t>(db.changes());
  SqliteStatement attempts(db, "DELETE FROM customer_lookup_attempt WHERE number = ?1");
  attempts.bind(1, std::string_view(number));
  attempts.run();
  counts.lookupAttempts += static_cast<std::size_t>(db.changes());
}

}  // namespace

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

Result<std::vector<std::string>> SqliteCaseStore::purgeableCases(Date closedBefore, std::size_t limit) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot list the cases to purge", {}, [&]() -> Result<std::vector<std::string>> {
    return m_db->retryWhileBusy([&] {
      SqliteStatement select(*m_db, "SELECT number FROM repair_case WHERE " + std::string(kPurgeable) +
                                        " ORDER BY closed_at, seq LIMIT ?2");
      select.bind(1, std::string_view(formatDate(closedBefore)));
      select.bind(2, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
      std::vector<std::string> numbers;
      while (select.step()) numbers.push_back(select.text(0));
      return numbers;
    });
  });
}

Result<PurgeCounts> SqliteCaseStore::purgeCases(const std::vector<std::string>& numbers, Date closedBefore,
                                                const CaseEvent& purged) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot purge cases", {}, [&]() -> Result<PurgeCounts> {
    PurgeCounts counts;
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    const std::string day = formatDate(closedBefore);
    for (const std::string& number : numbers) {
      // Judged again under the write lock: reopened, or purged by another station meanwhile.
      SqliteStatement select(*m_db, selectCasesSql("WHERE number = ?2 AND " + std::string(kPurgeable)));
      select.bind(1, std::string_view(day));
      select.bind(2, std::string_view(number));
      auto rows = readCaseRows(*m_db, select);
      if (rows.empty()) continue;
      RepairCase c = std::move(rows.front());
      c.events = selectEvents(*m_db, c.sequence);
      CaseAudit audit = selectAudit(*m_db, c.sequence);
      const std::size_t before = c.events.size();
      auto erased = purgedRow(c, audit, purged.at);
      if (!erased) return tl::unexpected(erased.error());
      if (!updateCaseRow(*m_db, *erased, c.version)) {
        return conflict("case " + number + " changed while it was being purged; nothing was purged");
      }
      erasePurgedTraces(*m_db, c.sequence, c.number, counts);
      // The salt erased, so nothing keyed by it can be tested any more.
      SqliteStatement salt(*m_db, "UPDATE repair_case SET audit_salt = '' WHERE seq = ?1");
      salt.bind(1, static_cast<std::int64_t>(c.sequence));
      salt.run();
      appendPurgedEvent(*erased, audit, purged);
      insertEvents(*m_db, c.sequence, erased->events, audit.events, before);
      counts.cases.push_back(c.number);
    }
    transaction.commit();
    if (!counts.cases.empty()) ++m_ownCommits;
    return counts;
  });
}

Result<void> SqliteCaseStore::reclaimErasedSpace() {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot reclaim the space of purged data", {}, [&]() -> Result<void> {
    const auto checkpoint = [&] {
      // TRUNCATE waits (busy handler) for readers to leave the WAL, copies it into the file and
      // cuts it to 0 bytes: the old pages' frames are gone from the WAL file, not just marked.
      SqliteStatement pragma(*m_db, "PRAGMA wal_checkpoint(TRUNCATE)");
      if (!pragma.step()) throw SqliteError::failure(m_db->path() + ": no answer from wal_checkpoint");
      if (pragma.integer(0) != 0) {
        throw SqliteError::failure(m_db->path() +
                                   ": another connection kept the WAL busy; the purge is done, but its old pages "
                                   "may stay in the WAL until SQLite reuses it or the next purge");
      }
    };
    m_db->retryWhileBusy(checkpoint);
    // VACUUM rewrites the file without its free pages (secure_delete zeroed the cells on the
    // pages themselves; VACUUM also drops freelist pages and their slack). In WAL mode it goes
    // through the WAL, so the WAL is checkpointed and cut once more after it.
    m_db->retryWhileBusy([&] { m_db->exec("VACUUM"); });
    m_db->retryWhileBusy(checkpoint);
    ++m_ownCommits;
    return {};
  });
}

}  // namespace kiosk
