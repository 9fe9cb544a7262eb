#include "store/pg_audit.hpp"

#include "store/audit_chain.hpp"
#include "store/pg_case_rows.hpp"
#include "store/pg_connection.hpp"

namespace kiosk {

void sealUnsealedPgCases(PgConnection& db) {
  if (db.exec("SELECT count(*) FROM audit_backfill").integer(0, 0) == 0) return;
  const PgResult unsealed =
      db.exec("SELECT seq FROM repair_case WHERE audit_salt = '' AND purged_at IS NULL ORDER BY seq");
  for (int row = 0; row < unsealed.rows(); ++row) {
    const std::int64_t seq = unsealed.integer(row, 0);
    auto cases = readPgCaseRows(db.exec(selectPgCasesSql("WHERE seq = $1"), PgParams().integer(seq)));
    if (cases.empty()) continue;
    RepairCase c = std::move(cases.front());
    c.events = selectPgEvents(db, c.sequence);
    // What the case was like after each earlier transaction is not known: every event gets the
    // digest of the case as it is now, which is what verify compares the last one with.
    CaseAudit audit{newAuditSalt(), {}};
    sealNewEvents(c, audit);
    db.exec("UPDATE repair_case SET audit_salt = $2 WHERE seq = $1", PgParams().integer(seq).text(audit.salt));
    for (std::size_t i = 0; i < audit.events.size(); ++i) {
      db.exec("UPDATE case_event SET detail_commitment = $3, state_digest = $4, chain_hash = $5 "
              "WHERE case_seq = $1 AND position = $2",
              PgParams()
                  .integer(seq)
                  .integer(static_cast<std::int64_t>(i))
                  .text(audit.events[i].detailCommitment)
                  .text(audit.events[i].stateDigest)
                  .text(audit.events[i].chainHash));
    }
  }
  db.exec("DELETE FROM audit_backfill");
}

}  // namespace kiosk
