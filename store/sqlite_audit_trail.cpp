#include "store/sqlite_audit_trail.hpp"

#include <limits>
#include <map>

#include "store/audit_checkpoint.hpp"
#include "store/audit_verify.hpp"
#include "store/sqlite_case_rows.hpp"
#include "store/sqlite_connection.hpp"

namespace kiosk {
namespace {

std::vector<StoredEvent> selectStoredEvents(SqliteConnection& db, std::uint64_t sequence) {
  SqliteStatement select(db,
                         "SELECT position, at, staff, kind, detail, detail_commitment, state_digest, chain_hash "
                         "FROM case_event WHERE case_seq = ?1 ORDER BY position");
  select.bind(1, static_cast<std::int64_t>(sequence));
  std::vector<StoredEvent> events;
  while (select.step()) {
    StoredEvent e;
    e.position = select.integer(0);
    const auto at = parseLocalTime(select.text(1));
    // A time that is no time cannot be hashed as the program wrote it: the event was changed.
    e.event = CaseEvent{at.value_or(LocalTime{}), select.text(2), select.text(3), select.text(4)};
    e.seal = EventSeal{select.text(5), select.text(6), select.text(7)};
    events.push_back(std::move(e));
  }
  return events;
}

AuditEntry readEntry(const SqliteStatement& row) {
  AuditEntry entry;
  entry.seq = row.integer(0);
  entry.atMs = row.integer(1);
  entry.staff = row.text(2);
  entry.kind = row.text(3);
  entry.subject = row.text(4);
  entry.detail = row.text(5);
  entry.chainHash = row.text(6);
  return entry;
}

std::vector<CaseHead> currentHeads(SqliteConnection& db) {
  SqliteStatement select(db, kCurrentHeadsSql);
  std::vector<CaseHead> heads;
  while (select.step()) heads.push_back(CaseHead{select.integer(0), select.text(1), select.integer(2), select.text(3)});
  return heads;
}

std::map<std::int64_t, CaseHead> recordedHeads(SqliteConnection& db) {
  SqliteStatement select(db, kRecordedHeadsSql);
  std::map<std::int64_t, CaseHead> heads;
  while (select.step()) {
    heads[select.integer(0)] = CaseHead{select.integer(0), select.text(1), select.integer(2), select.text(3)};
  }
  return heads;
}

std::vector<StoredCheckpoint> selectCheckpoints(SqliteConnection& db) {
  std::vector<StoredCheckpoint> all;
  std::map<std::int64_t, std::size_t> index;
  {
    SqliteStatement select(db, kCheckpointsSql);
    while (select.step()) {
      StoredCheckpoint c;
      c.seq = select.integer(0);
      c.atMs = select.integer(1);
      c.previousHash = select.text(2);
      c.logSeq = select.integer(3);
      c.logHash = select.text(4);
      c.hash = select.text(5);
      index[c.seq] = all.size();
      all.push_back(std::move(c));
    }
  }
  SqliteStatement rows(db, kCheckpointHeadsSql);
  while (rows.step()) {
    const auto it = index.find(rows.integer(0));
    if (it == index.end()) continue;
    all[it->second].cases.push_back(CaseHead{rows.integer(1), rows.text(2), rows.integer(3), rows.text(4)});
  }
  return all;
}

}  // namespace

AuditCheckpoint recordSqliteCheckpoint(SqliteConnection& db, std::int64_t atMs, const std::string& staff) {
  StoredCheckpoint c;
  c.seq = 1;
  c.atMs = atMs;
  {
    SqliteStatement last(db, kLastCheckpointSql);
    if (last.step()) {
      c.seq = last.integer(0) + 1;
      c.previousHash = last.text(1);
    }
    SqliteStatement log(db, kLastLogEntrySql);
    if (log.step()) {
      c.logSeq = log.integer(0);
      c.logHash = log.text(1);
    }
  }
  const auto current = currentHeads(db);
  c.cases = movedHeads(current, recordedHeads(db));
  c.hash = checkpointHash(c);
  SqliteStatement insert(db,
                         "INSERT INTO audit_checkpoint (seq, at_ms, previous_hash, log_seq, log_hash, hash) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  insert.bind(1, c.seq);
  insert.bind(2, c.atMs);
  insert.bind(3, std::string_view(c.previousHash));
  insert.bind(4, c.logSeq);
  insert.bind(5, std::string_view(c.logHash));
  insert.bind(6, std::string_view(c.hash));
  insert.run();
  SqliteStatement row(db,
                      "INSERT INTO audit_checkpoint_case (checkpoint_seq, case_seq, number, event_count, chain_hash) "
                      "VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const CaseHead& h : c.cases) {
    row.bind(1, c.seq);
    row.bind(2, h.caseSeq);
    row.bind(3, std::string_view(h.number));
    row.bind(4, h.eventCount);
    row.bind(5, std::string_view(h.chainHash));
    row.run();
    row.reset();
  }
  (void)appendSqliteAuditEntry(db, checkpointLogEntry(c, staff, current.size()));
  return AuditCheckpoint{c.seq, atMs, c.hash, current.size(), c.cases.size(), c.logSeq};
}

AuditEntry appendSqliteAuditEntry(SqliteConnection& db, AuditEntry entry) {
  SqliteStatement last(db, kLastLogEntrySql);
  std::string previous;
  entry.seq = 1;
  if (last.step()) {
    entry.seq = last.integer(0) + 1;
    previous = last.text(1);
  }
  entry.chainHash = logChainHash(previous, entry);
  SqliteStatement insert(db,
                         "INSERT INTO audit_log (seq, at_ms, staff, kind, subject, detail, chain_hash) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  insert.bind(1, entry.seq);
  insert.bind(2, entry.atMs);
  insert.bind(3, std::string_view(entry.staff));
  insert.bind(4, std::string_view(entry.kind));
  insert.bind(5, std::string_view(entry.subject));
  insert.bind(6, std::string_view(entry.detail));
  insert.bind(7, std::string_view(entry.chainHash));
  insert.run();
  return entry;
}

std::vector<AuditEntry> selectSqliteAuditEntries(SqliteConnection& db, std::int64_t afterSeq, std::size_t limit) {
  SqliteStatement select(db,
                         "SELECT seq, at_ms, staff, kind, subject, detail, chain_hash FROM audit_log "
                         "WHERE seq > ?1 ORDER BY seq LIMIT ?2");
  select.bind(1, afterSeq);
  select.bind(2, limit == 0 || limit > static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max())
                     ? std::int64_t{-1}
                     : static_cast<std::int64_t>(limit));
  std::vector<AuditEntry> entries;
  while (select.step()) entries.push_back(readEntry(select));
  return entries;
}

AuditReport verifySqliteAudit(SqliteConnection& db, const std::optional<std::string>& head) {
  AuditReport report;
  std::optional<CheckpointState> state;
  if (head) state = checkpointState(selectCheckpoints(db), *head, report.findings);
  const auto fetch = [&](std::int64_t afterSeq, std::size_t limit) {
    SqliteStatement select(db, selectCasesSql("WHERE seq > ?1 ORDER BY seq LIMIT ?2"));
    select.bind(1, afterSeq);
    select.bind(2, static_cast<std::int64_t>(limit));
    auto rows = readCaseRows(db, select);
    std::vector<StoredCase> page(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      page[i].salt = selectAudit(db, rows[i].sequence).salt;
      page[i].events = selectStoredEvents(db, rows[i].sequence);
      page[i].row = std::move(rows[i]);
    }
    return page;
  };
  verifyCaseWalk(fetch, state ? &*state : nullptr, report);
  verifyLogWalk([&](std::int64_t afterSeq, std::size_t limit) { return selectSqliteAuditEntries(db, afterSeq, limit); },
                state ? &*state : nullptr, report);
  return report;
}

}  // namespace kiosk
