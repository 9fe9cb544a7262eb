#include "store/sqlite_audit.hpp"

#include <cstdint>
#include <vector>

#include "store/audit_chain.hpp"
#include "store/sqlite_case_rows.hpp"
#include "store/sqlite_connection.hpp"

namespace kiosk {

void sealUnsealedSqliteCases(SqliteConnection& db) {
  if (db.queryInteger("SELECT count(*) FROM audit_backfill") == 0) return;
  std::vector<std::int64_t> unsealed;
  {
    SqliteStatement select(db, "SELECT seq FROM repair_case WHERE audit_salt = '' AND purged_at IS NULL ORDER BY seq");
    while (select.step()) unsealed.push_back(select.integer(0));
  }
  SqliteStatement setSalt(db, "UPDATE repair_case SET audit_salt = ?2 WHERE seq = ?1");
  SqliteStatement setSeal(db,
                          "UPDATE case_event SET detail_commitment = ?3, state_digest = ?4, chain_hash = ?5 "
                          "WHERE case_seq = ?1 AND position = ?2");
  for (const std::int64_t seq : unsealed) {
    SqliteStatement select(db, selectCasesSql("WHERE seq = ?1"));
    select.bind(1, seq);
    auto rows = readCaseRows(db, select);
    if (rows.empty()) continue;
    RepairCase c = std::move(rows.front());
    c.events = selectEvents(db, c.sequence);
    // What the case was like after each earlier transaction is not known: every event gets the
    // digest of the case as it is now, which is what verify compares the last one with.
    CaseAudit audit{newAuditSalt(), {}};
    sealNewEvents(c, audit);
    setSalt.bind(1, seq);
    setSalt.bind(2, std::string_view(audit.salt));
    setSalt.run();
    setSalt.reset();
    for (std::size_t i = 0; i < audit.events.size(); ++i) {
      setSeal.bind(1, seq);
      setSeal.bind(2, static_cast<std::int64_t>(i));
      setSeal.bind(3, std::string_view(audit.events[i].detailCommitment));
      setSeal.bind(4, std::string_view(audit.events[i].stateDigest));
      setSeal.bind(5, std::string_view(audit.events[i].chainHash));
      setSeal.run();
      setSeal.reset();
    }
  }
  db.exec("DELETE FROM audit_backfill");
}

}  // namespace kiosk
