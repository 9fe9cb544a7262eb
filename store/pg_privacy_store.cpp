// PgCaseStore's PrivacyStore: a customer's cases for an export, the purge of closed cases'
// personal data (each case's row locked while it is purged, so stations purging at once purge a
// case once), and VACUUM FULL of the tables a purge touched, so the table files keep no dead
// copy of the erased rows.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/audit_chain.hpp"
#include "store/case_change_rules.hpp"
#include "store/purge_shape.hpp"
#include "store/pg_case_rows.hpp"
#include "store/pg_case_store.hpp"
#include "store/pg_connection.hpp"
#include "store/pg_session.hpp"
#include "workflow/privacy.hpp"

namespace kiosk {
namespace {

// A closed case, closed before $1 (a day: 'YYYY-MM-DDTHH:MM:SS' sorts before 'YYYY-MM-DD' exactly
// when it lies before that day), not purged yet. The locking SELECT re-checks this on the row as
// another station's purge left it, so a case is purged once.
constexpr std::string_view kPurgeable = "status = 'closed' AND closed_at < $1 AND purged_at IS NULL";

// The case's salt and its events' seals, by position (store/audit_chain.hpp).
CaseAudit selectPgAudit(PgConnection& db, std::uint64_t sequence) {
  const auto seq = static_cast<std::int64_t>(sequence);
  CaseAudit audit;
  audit.salt = db.exec("SELECT audit_salt FROM repair_case WHERE seq = $1", PgParams().integer(seq)).text(0, 0);
  const PgResult seals = db.exec(
      "SELECT detail_commitment, state_digest, chain_hash FROM case_event WHERE case_seq = $1 ORDER BY position",
      PgParams().integer(seq));
  for (int r = 0; r < seals.rows(); ++r) {
    audit.events.push_back(EventSeal{seals.text(r, 0), seals.text(r, 1), seals.text(r, 2)});
  }
  return audit;
}

void erasePurgedTraces(PgConnection& db, std::uint64_t sequence, const std::string& number, PurgeCounts& counts) {
  const auto seq = static_cast<std::int64_t>(sequence);
  counts.events += static_cast<std::size_t>(
      db.exec("UPDATE case_event SET detail = '' WHERE case_seq = $1 AND detail <> ''", PgParams().integer(seq))
          .affected());
  // A message not yet sent would go out empty, to no one: it fails instead, and says why.
  counts.messages += static_cast<std::size_t>(
      db.exec("UPDATE outbox_message SET recipient = '', subject = '', body = '', claimed_by = '', "
              "last_error = CASE WHEN status IN ('queued', 'sending') THEN 'personal data purged' ELSE '' END, "
              "status = CASE WHEN status IN ('queued', 'sending') THEN 'failed' ELSE status END WHERE case_seq = $1",
              PgParams().integer(seq))
          .affected());
  counts.lookupAttempts += static_cast<std::size_t>(
      db.exec("DELETE FROM customer_lookup_attempt WHERE number = $1", PgParams().text(number)).affected());
}

}  // namespace

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

Result<std::vector<std::string>> PgCaseStore::purgeableCases(Date closedBefore, std::size_t limit) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot list the cases to purge", {}, [&]() -> Result<std::vector<std::string>> {
    return m_session->read([&](PgConnection& db) {
      PgParams params;
      params.text(formatDate(closedBefore));
      std::string sql = "SELECT number FROM repair_case WHERE " + std::string(kPurgeable) + " ORDER BY closed_at, seq";
      if (limit > 0) {
        sql += " LIMIT $2";
        params.integer(static_cast<std::int64_t>(limit));
      }
      const PgResult rows = db.exec(sql, params);
      std::vector<std::string> numbers;
      for (int r = 0; r < rows.rows(); ++r) numbers.push_back(rows.text(r, 0));
      return numbers;
    });
  });
}

Result<PurgeCounts> PgCaseStore::purgeCases(const std::vector<std::string>& numbers, Date closedBefore,
                                            const CaseEvent& purged) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot purge cases", {}, [&]() -> Result<PurgeCounts> {
    return m_session->write<PurgeCounts>([&](PgConnection& db) -> Result<PurgeCounts> {
      PurgeCounts counts;
      const std::string day = formatDate(closedBefore);
      for (const std::string& number : numbers) {
        auto rows = readPgCaseRows(db.exec(
            selectPgCasesSql("WHERE number = $2 AND " + std::string(kPurgeable) + " FOR UPDATE"),
            PgParams().text(day).text(number)));
        if (rows.empty()) continue;
        RepairCase c = std::move(rows.front());
        c.events = selectPgEvents(db, c.sequence);
        CaseAudit audit = selectPgAudit(db, c.sequence);
        const std::size_t before = c.events.size();
        auto erased = purgedRow(c, audit, purged.at);
        if (!erased) return tl::unexpected(erased.error());
        if (!updatePgCaseRow(db, *erased, c.version)) {
          return conflict("case " + number + " changed while it was being purged; nothing was purged");
        }
        erasePurgedTraces(db, c.sequence, c.number, counts);
        db.exec("UPDATE repair_case SET audit_salt = '' WHERE seq = $1",
                PgParams().integer(static_cast<std::int64_t>(c.sequence)));
        appendPurgedEvent(*erased, audit, purged);
        insertPgEvents(db, c.sequence, erased->events, audit.events, before);
        counts.cases.push_back(c.number);
      }
      return counts;
    });
  });
}

Result<void> PgCaseStore::reclaimErasedSpace() {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot reclaim the space of purged data", {}, [&]() -> Result<void> {
    // Outside a transaction (VACUUM refuses to run in one). FULL writes each table anew, so the
    // dead row versions the purge left (the old personal data) are not in the new files, and the
    // old files are removed. It holds an exclusive lock on each table while it rewrites it.
    m_session->read([&](PgConnection& db) {
      db.exec("VACUUM FULL repair_case, case_event, outbox_message, customer_lookup_attempt");
      return 0;
    });
    return {};
  });
}

}  // namespace kiosk
