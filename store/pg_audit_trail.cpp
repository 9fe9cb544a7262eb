#include "store/pg_audit_trail.hpp"

#include <map>

#include "store/audit_checkpoint.hpp"
#include "store/audit_verify.hpp"
#include "store/pg_case_rows.hpp"
#include "store/pg_connection.hpp"

namespace kiosk {
namespace {

AuditEntry readEntry(const PgResult& rows, int row) {
  AuditEntry entry;
  entry.seq = rows.integer(row, 0);
  entry.atMs = rows.integer(row, 1);
  entry.staff = rows.text(row, 2);
  entry.kind = rows.text(row, 3);
  entry.subject = rows.text(row, 4);
  entry.detail = rows.text(row, 5);
  entry.chainHash = rows.text(row, 6);
  return entry;
}

// The events of cases with seq in [first, last], by case.
std::map<std::int64_t, std::vector<StoredEvent>> selectStoredEvents(PgConnection& db, std::int64_t first,
                                                                   std::int64_t last) {
  const PgResult rows = db.exec(
      "SELECT case_seq, position, at, staff, kind, detail, detail_commitment, state_digest, chain_hash "
      "FROM case_event WHERE case_seq BETWEEN $1 AND $2 ORDER BY case_seq, position",
      PgParams().integer(first).integer(last));
  std::map<std::int64_t, std::vector<StoredEvent>> events;
  for (int r = 0; r < rows.rows(); ++r) {
    StoredEvent e;
    e.position = rows.integer(r, 1);
    const auto at = parseLocalTime(rows.text(r, 2));
    // A time that is no time cannot be hashed as the program wrote it: the event was changed.
    e.event = CaseEvent{at.value_or(LocalTime{}), rows.text(r, 3), rows.text(r, 4), rows.text(r, 5)};
    e.seal = EventSeal{rows.text(r, 6), rows.text(r, 7), rows.text(r, 8)};
    events[rows.integer(r, 0)].push_back(std::move(e));
  }
  return events;
}

std::vector<CaseHead> readHeads(const PgResult& rows) {
  std::vector<CaseHead> heads;
  for (int r = 0; r < rows.rows(); ++r) {
    heads.push_back(CaseHead{rows.integer(r, 0), rows.text(r, 1), rows.integer(r, 2), rows.text(r, 3)});
  }
  return heads;
}

std::vector<StoredCheckpoint> selectCheckpoints(PgConnection& db) {
  std::vector<StoredCheckpoint> all;
  std::map<std::int64_t, std::size_t> index;
  const PgResult rows = db.exec(kCheckpointsSql);
  for (int r = 0; r < rows.rows(); ++r) {
    StoredCheckpoint c;
    c.seq = rows.integer(r, 0);
    c.atMs = rows.integer(r, 1);
    c.previousHash = rows.text(r, 2);
    c.logSeq = rows.integer(r, 3);
    c.logHash = rows.text(r, 4);
    c.hash = rows.text(r, 5);
    index[c.seq] = all.size();
    all.push_back(std::move(c));
  }
  const PgResult heads = db.exec(kCheckpointHeadsSql);
  for (int r = 0; r < heads.rows(); ++r) {
    const auto it = index.find(heads.integer(r, 0));
    if (it == index.end()) continue;
    all[it->second].cases.push_back(
        CaseHead{heads.integer(r, 1), heads.text(r, 2), heads.integer(r, 3), heads.text(r, 4)});
  }
  return all;
}

}  // namespace

AuditCheckpoint recordPgCheckpoint(PgConnection& db, std::int64_t atMs, const std::string& staff) {
  StoredCheckpoint c;
  c.seq = 1;
  c.atMs = atMs;
  const PgResult last = db.exec(kLastCheckpointSql);
  if (last.rows() > 0) {
    c.seq = last.integer(0, 0) + 1;
    c.previousHash = last.text(0, 1);
  }
  const PgResult log = db.exec(kLastLogEntrySql);
  if (log.rows() > 0) {
    c.logSeq = log.integer(0, 0);
    c.logHash = log.text(0, 1);
  }
  const auto current = readHeads(db.exec(kCurrentHeadsSql));
  std::map<std::int64_t, CaseHead> recorded;
  for (CaseHead& h : readHeads(db.exec(kRecordedHeadsSql))) recorded[h.caseSeq] = std::move(h);
  c.cases = movedHeads(current, recorded);
  c.hash = checkpointHash(c);
  db.exec("INSERT INTO audit_checkpoint (seq, at_ms, previous_hash, log_seq, log_hash, hash) VALUES ($1, $2, $3, $4, $5, $6)",
          PgParams().integer(c.seq).integer(c.atMs).text(c.previousHash).integer(c.logSeq).text(c.logHash).text(c.hash));
  for (const CaseHead& h : c.cases) {
    db.exec("INSERT INTO audit_checkpoint_case (checkpoint_seq, case_seq, number, event_count, chain_hash) "
            "VALUES ($1, $2, $3, $4, $5)",
            PgParams().integer(c.seq).integer(h.caseSeq).text(h.number).integer(h.eventCount).text(h.chainHash));
  }
  (void)appendPgAuditEntry(db, checkpointLogEntry(c, staff, current.size()));
  return AuditCheckpoint{c.seq, atMs, c.hash, current.size(), c.cases.size(), c.logSeq};
}

AuditEntry appendPgAuditEntry(PgConnection& db, AuditEntry entry) {
  const PgResult last = db.exec(kLastLogEntrySql);
  std::string previous;
  entry.seq = 1;
  if (last.rows() > 0) {
    entry.seq = last.integer(0, 0) + 1;
    previous = last.text(0, 1);
  }
  entry.chainHash = logChainHash(previous, entry);
  db.exec("INSERT INTO audit_log (seq, at_ms, staff, kind, subject, detail, chain_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)",
          PgParams()
              .integer(entry.seq)
              .integer(entry.atMs)
              .text(entry.staff)
              .text(entry.kind)
              .text(entry.subject)
              .text(entry.detail)
              .text(entry.chainHash));
  return entry;
}

std::vector<AuditEntry> selectPgAuditEntries(PgConnection& db, std::int64_t afterSeq, std::size_t limit) {
  const PgResult rows = db.exec(
      "SELECT seq, at_ms, staff, kind, subject, detail, chain_hash FROM audit_log WHERE seq > $1 ORDER BY seq "
      "LIMIT $2",
      PgParams().integer(afterSeq).optionalInteger(limit == 0 ? std::nullopt
                                                              : std::optional<std::int64_t>(static_cast<std::int64_t>(limit))));
  std::vector<AuditEntry> entries;
  for (int r = 0; r < rows.rows(); ++r) entries.push_back(readEntry(rows, r));
  return entries;
}

AuditReport verifyPgAudit(PgConnection& db, const std::optional<std::string>& head) {
  AuditReport report;
  std::optional<CheckpointState> state;
  if (head) state = checkpointState(selectCheckpoints(db), *head, report.findings);
  const auto fetch = [&](std::int64_t afterSeq, std::size_t limit) {
    const PgResult rows = db.exec(selectPgCasesSql("WHERE seq > $1 ORDER BY seq LIMIT $2", "audit_salt"),
                                  PgParams().integer(afterSeq).integer(static_cast<std::int64_t>(limit)));
    auto cases = readPgCaseRows(rows);
    std::vector<StoredCase> page(cases.size());
    if (cases.empty()) return page;
    // The page's events in one statement, not one per case.
    auto events = selectStoredEvents(db, static_cast<std::int64_t>(cases.front().sequence),
                                     static_cast<std::int64_t>(cases.back().sequence));
    for (std::size_t i = 0; i < cases.size(); ++i) {
      page[i].salt = rows.text(static_cast<int>(i), rows.columns() - 1);
      page[i].events = std::move(events[static_cast<std::int64_t>(cases[i].sequence)]);
      page[i].row = std::move(cases[i]);
    }
    return page;
  };
  verifyCaseWalk(fetch, state ? &*state : nullptr, report);
  verifyLogWalk([&](std::int64_t afterSeq, std::size_t limit) { return selectPgAuditEntries(db, afterSeq, limit); },
                state ? &*state : nullptr, report);
  return report;
}

}  // namespace kiosk
