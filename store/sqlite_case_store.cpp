#include "store/sqlite_case_store.hpp"

#include <algorithm>
#include <exception>
#include <limits>
#include <new>
#include <utility>

#include "store/audit_chain.hpp"
#include "store/case_change_rules.hpp"
#include "store/customer_codes.hpp"
#include "store/sqlite_audit.hpp"
#include "store/sqlite_audit_trail.hpp"
#include "store/sqlite_case_rows.hpp"
#include "store/sqlite_connection.hpp"
#include "store/sqlite_migrations.hpp"
#include "store/sqlite_open.hpp"
#include "store/sqlite_outbox_claims.hpp"
#include "store/sqlite_outbox_rows.hpp"
#include "store/sqlite_text_fold.hpp"
#include "workflow/case_number.hpp"

namespace kiosk {
namespace {

std::int64_t sqlCount(std::size_t n) {
  return n > static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max())
             ? std::numeric_limits<std::int64_t>::max()
             : static_cast<std::int64_t>(n);
}

std::optional<RepairCase> selectCase(SqliteConnection& db, const std::string& number) {
  SqliteStatement select(db, selectCasesSql("WHERE number = ?1"));
  select.bind(1, std::string_view(number));
  auto rows = readCaseRows(db, select);
  if (rows.empty()) return std::nullopt;
  RepairCase c = std::move(rows.front());
  c.events = selectEvents(db, c.sequence);
  return c;
}

// list() and countMatching() filter alike. Each filter has its own parameter number, so one
// statement text (and one cached prepared statement) serves each combination of filters.
constexpr int kLimitParameter = 6;
constexpr int kOffsetParameter = 7;

std::string whereOf(const CaseQuery& query) {
  // The terms are spelt as the indexes' are: "status <> 'closed'" is what lets SQLite use the
  // partial indexes (repair_case_open_due and the vendor and technician ones).
  std::string where;
  const auto andWhere = [&](std::string_view term) {
    where += (where.empty() ? "WHERE " : " AND ") + std::string(term);
  };
  if (query.status) {
    andWhere("status = ?1");
  } else if (!query.includeClosed) {
    andWhere("status <> 'closed'");
  }
  if (query.dueBefore) andWhere("due < ?2");
  if (query.dueOnOrBefore) andWhere("due <= ?3");
  if (query.vendor) andWhere("device_vendor = ?4");
  if (query.technician) andWhere("technician = ?5");
  // Spelt as repair_case_deviation_due's WHERE (migration 7), so the sweep reads only that index.
  if (query.awaitingDeviationNotice) andWhere("done_at IS NULL AND deviation_noticed_at IS NULL");
  return where;
}

void bindFilters(SqliteStatement& statement, const CaseQuery& query) {
  if (query.status) statement.bind(1, statusName(*query.status));
  if (query.dueBefore) statement.bind(2, std::string_view(formatDate(*query.dueBefore)));
  if (query.dueOnOrBefore) statement.bind(3, std::string_view(formatDate(*query.dueOnOrBefore)));
  if (query.vendor) statement.bind(4, std::string_view(*query.vendor));
  if (query.technician) statement.bind(5, std::string_view(*query.technician));
}

Date storedDate(const SqliteConnection& db, std::string_view column, const std::string& text) {
  const auto day = parseDate(text);
  if (!day) {
    throw SqliteError::corrupt(db.path() + ": column " + std::string(column) + " holds '" + text +
                               "', which is not a date");
  }
  return *day;
}

}  // namespace

SqliteCaseStore::SqliteCaseStore(std::unique_ptr<SqliteConnection> db) : m_db(std::move(db)) {}

SqliteCaseStore::~SqliteCaseStore() = default;

Result<std::unique_ptr<SqliteCaseStore>> SqliteCaseStore::open(const std::filesystem::path& file) {
  return guarded("cannot open the case database", {}, [&]() -> Result<std::unique_ptr<SqliteCaseStore>> {
    if (file.empty()) return storageError("cannot open the case database: no file given");
    // Absolute: error messages name the real file, and SQLite never reads it as a URI.
    const auto absolute = std::filesystem::absolute(file);
    prepareDatabaseFile(absolute);
    return openPath(absolute.string());
  });
}

Result<std::unique_ptr<SqliteCaseStore>> SqliteCaseStore::openInMemory() {
  return guarded("cannot open an in-memory case database", {},
                 [&]() { return openPath(std::string(kInMemoryDatabase)); });
}

Result<std::unique_ptr<SqliteCaseStore>> SqliteCaseStore::openPath(const std::string& path) {
  auto db = openCaseDatabase(path, SqliteBusyPolicy{});
  return std::unique_ptr<SqliteCaseStore>(new SqliteCaseStore(std::move(db)));
}

int SqliteCaseStore::latestSchemaVersion() { return static_cast<int>(embeddedSqliteMigrations().size()); }

Result<RepairCase> SqliteCaseStore::create(RepairCase draft) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot store the new case", {}, [&]() -> Result<RepairCase> {
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    // Checked under the write lock, so two counters cannot both open a case for one device.
    // A device without a serial cannot be matched, so the rule does not apply to it.
    if (!draft.device.serial.empty() && draft.intake.secondCaseReason.empty()) {
      SqliteStatement open(*m_db,
                           "SELECT number FROM repair_case WHERE device_serial = ?1 AND status <> 'closed' "
                           "ORDER BY seq DESC LIMIT 1");
      open.bind(1, std::string_view(draft.device.serial));
      if (open.step()) {
        return refused("serial " + draft.device.serial + " already has open case " + open.text(0));
      }
    }
    // AUTOINCREMENT's own rule (past both the highest key and the highest ever used), read
    // ahead so the number can be written with the row.
    const auto next = m_db->queryInteger(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'repair_case'), 0), "
        "coalesce((SELECT max(seq) FROM repair_case), 0)) + 1");
    if (next <= 0 || static_cast<std::uint64_t>(next) >= kCaseNumberCapacity) {
      return storageError("cannot store the new case: case numbers are exhausted");
    }
    draft.sequence = static_cast<std::uint64_t>(next);
    draft.number = formatCaseNumber(draft.sequence);
    draft.customerCode = drawCustomerCode();
    draft.version = 1;
    for (const OutboxMessage& m : draft.newMessages) {
      if (m.eventPosition >= draft.events.size()) {
        return storageError("cannot store the new case: a message is queued for an event it does not have");
      }
    }
    addressNewMessages(draft);
    CaseAudit audit{newAuditSalt(), {}};
    sealNewEvents(draft, audit);
    insertCaseRow(*m_db, draft, audit.salt);
    insertEvents(*m_db, draft.sequence, draft.events, audit.events, 0);
    insertOutboxMessages(*m_db, draft.sequence, draft.newMessages);
    transaction.commit();
    ++m_ownCommits;
    return draft;
  });
}

Result<RepairCase> SqliteCaseStore::load(const std::string& number) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot read case", number, [&]() -> Result<RepairCase> {
    const auto normalized = lookupNumber(number);
    if (!normalized) return tl::unexpected(normalized.error());
    auto found = m_db->retryWhileBusy([&] {
      // One snapshot for the row and its events.
      SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Deferred);
      return selectCase(*m_db, *normalized);
    });
    if (!found) return notFound("case", "no case " + *normalized);
    return std::move(*found);
  });
}

Result<RepairCase> SqliteCaseStore::update(const std::string& number, const Change& change) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot update case", number, [&]() -> Result<RepairCase> {
    const auto normalized = lookupNumber(number);
    if (!normalized) return tl::unexpected(normalized.error());
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    auto stored = selectCase(*m_db, *normalized);
    if (!stored) return notFound("case", "no case " + *normalized);
    RepairCase changed = *stored;
    // A refused or failed change returns here; the transaction rolls back having written nothing.
    if (auto applied = change(changed); !applied) return tl::unexpected(applied.error());
    if (auto checked = checkChange(*stored, changed); !checked) return tl::unexpected(checked.error());
    if (auto unchanged = appendsOrKeeps(*stored, changed); !unchanged) return tl::unexpected(unchanged.error());
    if (changed.events.size() == stored->events.size()) return std::move(*stored);  // nothing to write
    changed.version = stored->version + 1;
    if (!updateCaseRow(*m_db, changed, stored->version)) {
      // Cannot happen under the write lock; if it does, someone bypassed it.
      return conflict("case " + changed.number + " was changed by someone else; reload and retry");
    }
    CaseAudit audit = selectAudit(*m_db, changed.sequence);
    if (audit.events.size() != stored->events.size()) {
      return storageError("case " + changed.number + ": its events and their seals do not match; run kioskctl audit verify");
    }
    sealNewEvents(changed, audit);
    insertEvents(*m_db, changed.sequence, changed.events, audit.events, stored->events.size());
    addressNewMessages(changed);
    insertOutboxMessages(*m_db, changed.sequence, changed.newMessages);
    transaction.commit();
    ++m_ownCommits;
    return changed;
  });
}

Result<CaseAudit> SqliteCaseStore::loadAudit(const std::string& number) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot read the audit trail of case", number, [&]() -> Result<CaseAudit> {
    const auto normalized = lookupNumber(number);
    if (!normalized) return tl::unexpected(normalized.error());
    auto found = m_db->retryWhileBusy([&]() -> std::optional<CaseAudit> {
      SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Deferred);
      const auto c = selectCase(*m_db, *normalized);
      if (!c) return std::nullopt;
      return selectAudit(*m_db, c->sequence);
    });
    if (!found) return notFound("case", "no case " + *normalized);
    return std::move(*found);
  });
}

Result<AuditEntry> SqliteCaseStore::appendAuditEntry(AuditEntry entry) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot append to the audit log", {}, [&]() -> Result<AuditEntry> {
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    AuditEntry stored = appendSqliteAuditEntry(*m_db, std::move(entry));
    transaction.commit();
    ++m_ownCommits;
    return stored;
  });
}

Result<std::vector<AuditEntry>> SqliteCaseStore::listAuditEntries(std::int64_t afterSeq, std::size_t limit) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot read the audit log", {}, [&]() -> Result<std::vector<AuditEntry>> {
    return m_db->retryWhileBusy([&] { return selectSqliteAuditEntries(*m_db, afterSeq, limit); });
  });
}

Result<AuditReport> SqliteCaseStore::verifyAudit(const std::optional<std::string>& head) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot verify the audit trail", {}, [&]() -> Result<AuditReport> {
    return m_db->retryWhileBusy([&] {
      // One snapshot: a step committed meanwhile is either wholly seen or not at all.
      SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Deferred);
      return verifySqliteAudit(*m_db, head);
    });
  });
}

Result<AuditCheckpoint> SqliteCaseStore::recordCheckpoint(std::int64_t atMs, const std::string& staff) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot record an audit checkpoint", {}, [&]() -> Result<AuditCheckpoint> {
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    AuditCheckpoint checkpoint = recordSqliteCheckpoint(*m_db, atMs, staff);
    transaction.commit();
    ++m_ownCommits;
    return checkpoint;
  });
}

Result<std::vector<RepairCase>> SqliteCaseStore::findBySerial(const std::string& serial) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot search by serial", {}, [&]() -> Result<std::vector<RepairCase>> {
    return m_db->retryWhileBusy([&] {
      SqliteStatement select(*m_db, selectCasesSql("WHERE device_serial = ?1 ORDER BY seq DESC"));
      select.bind(1, std::string_view(serial));
      return readCaseRows(*m_db, select);
    });
  });
}

Result<std::vector<RepairCase>> SqliteCaseStore::findByMobile(const std::string& mobile) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot search by mobile number", {}, [&]() -> Result<std::vector<RepairCase>> {
    return m_db->retryWhileBusy([&] {
      SqliteStatement select(*m_db, selectCasesSql("WHERE customer_mobile = ?1 ORDER BY seq DESC"));
      select.bind(1, std::string_view(mobile));
      return readCaseRows(*m_db, select);
    });
  });
}

Result<std::vector<RepairCase>> SqliteCaseStore::findByCustomerName(const std::string& fragment,
                                                                    std::size_t limit) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot search by customer name", {}, [&]() -> Result<std::vector<RepairCase>> {
    return m_db->retryWhileBusy([&] {
      // A substring can start anywhere, so no index helps: this scans, newest first.
      SqliteStatement select(*m_db, selectCasesSql("WHERE kiosk_contains_folded(customer_name, ?1) "
                                                   "ORDER BY seq DESC LIMIT ?2"));
      select.bind(1, std::string_view(foldCase(fragment)));
      select.bind(2, limit == 0 ? std::int64_t{-1} : sqlCount(limit));
      return readCaseRows(*m_db, select);
    });
  });
}

Result<std::vector<RepairCase>> SqliteCaseStore::list(const CaseQuery& query) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot list cases", {}, [&]() -> Result<std::vector<RepairCase>> {
    const std::string sql =
        selectCasesSql(whereOf(query) + " ORDER BY due NULLS LAST, seq LIMIT ?" + std::to_string(kLimitParameter) +
                       " OFFSET ?" + std::to_string(kOffsetParameter));
    return m_db->retryWhileBusy([&] {
      SqliteStatement select(*m_db, sql);
      bindFilters(select, query);
      select.bind(kLimitParameter, query.limit == 0 ? std::int64_t{-1} : sqlCount(query.limit));
      select.bind(kOffsetParameter, sqlCount(query.offset));
      return readCaseRows(*m_db, select);
    });
  });
}

Result<std::size_t> SqliteCaseStore::countMatching(const CaseQuery& query) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot count cases", {}, [&]() -> Result<std::size_t> {
    const std::string sql = "SELECT count(*) FROM repair_case " + whereOf(query);
    return m_db->retryWhileBusy([&] {
      SqliteStatement select(*m_db, sql);
      bindFilters(select, query);
      if (!select.step()) throw SqliteError::failure(m_db->path() + ": no result from " + sql);
      return static_cast<std::size_t>(select.integer(0));
    });
  });
}

Result<std::size_t> SqliteCaseStore::count() {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot count cases", {}, [&]() -> Result<std::size_t> {
    return m_db->retryWhileBusy(
        [&] { return static_cast<std::size_t>(m_db->queryInteger("SELECT count(*) FROM repair_case")); });
  });
}

Result<std::uint64_t> SqliteCaseStore::changeStamp() {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot read the database's change stamp", {}, [&]() -> Result<std::uint64_t> {
    // data_version moves when another connection (this process or another) commits, and never
    // for this connection's own commits, which m_ownCommits counts instead. Both only grow, so
    // their sum changes whenever either does.
    const auto dataVersion = m_db->retryWhileBusy([&] { return m_db->queryInteger("PRAGMA data_version"); });
    return static_cast<std::uint64_t>(dataVersion) + m_ownCommits;
  });
}

Result<std::vector<OpenCaseGroup>> SqliteCaseStore::groupOpenCases() {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot count open cases", {}, [&]() -> Result<std::vector<OpenCaseGroup>> {
    return m_db->retryWhileBusy([&] {
      SqliteStatement select(*m_db,
                             "SELECT status, device_vendor, technician, due, late_report, done_at IS NOT NULL, "
                             "count(*) FROM repair_case WHERE status <> 'closed' "
                             "GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6");
      std::vector<OpenCaseGroup> groups;
      while (select.step()) {
        OpenCaseGroup g;
        const std::string status = select.text(0);
        const auto parsed = parseStatus(status);
        if (!parsed) throw SqliteError::corrupt(m_db->path() + ": a case has status '" + status + "'");
        g.status = *parsed;
        g.vendor = select.text(1);
        g.technician = select.text(2);
        if (const auto due = select.optionalText(3)) g.due = storedDate(*m_db, "due", *due);
        g.lateReport = select.integer(4) != 0;
        g.done = select.integer(5) != 0;
        g.count = static_cast<std::size_t>(select.integer(6));
        groups.push_back(std::move(g));
      }
      return groups;
    });
  });
}

Result<std::vector<DueOutcomeGroup>> SqliteCaseStore::groupDueOutcomes(Date from, Date to) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot count met and missed due dates", {}, [&]() -> Result<std::vector<DueOutcomeGroup>> {
    return m_db->retryWhileBusy([&] {
      // Times are 'YYYY-MM-DDTHH:MM:SS', so their first ten characters are the day.
      SqliteStatement select(*m_db,
                             "SELECT due, substr(done_at, 1, 10), device_vendor, technician, count(*) "
                             "FROM repair_case WHERE due BETWEEN ?1 AND ?2 "
                             "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
      select.bind(1, std::string_view(formatDate(from)));
      select.bind(2, std::string_view(formatDate(to)));
      std::vector<DueOutcomeGroup> groups;
      while (select.step()) {
        DueOutcomeGroup g;
        g.due = storedDate(*m_db, "due", select.text(0));
        if (const auto done = select.optionalText(1)) g.doneOn = storedDate(*m_db, "done_at", *done);
        g.vendor = select.text(2);
        g.technician = select.text(3);
        g.count = static_cast<std::size_t>(select.integer(4));
        groups.push_back(std::move(g));
      }
      return groups;
    });
  });
}

Result<std::vector<OutboxMessage>> SqliteCaseStore::listOutbox(const OutboxQuery& query) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot list the outbox", {}, [&]() -> Result<std::vector<OutboxMessage>> {
    return m_db->retryWhileBusy([&] { return selectOutboxMessages(*m_db, query); });
  });
}

Result<std::vector<OutboxMessage>> SqliteCaseStore::claimOutbox(const OutboxClaim& claim) {
  if (claim.relay.empty()) return badInput("relay", "a claim needs the relay's name");
  if (claim.leaseMs <= 0) return badInput("lease", "a claim's lease must be longer than 0 ms");
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot claim outbox messages", {}, [&]() -> Result<std::vector<OutboxMessage>> {
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    auto claimed = claimOutboxRows(*m_db, claim);
    transaction.commit();
    if (!claimed.empty()) ++m_ownCommits;
    return claimed;
  });
}

Result<bool> SqliteCaseStore::recordOutboxOutcome(const OutboxOutcome& outcome) {
  if (outcome.status == OutboxStatus::Sending) {
    return badInput("status", "an attempt's outcome is delivered, queued or failed, not sending");
  }
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot record the outcome of outbox message", std::to_string(outcome.id), [&]() -> Result<bool> {
    const bool written = m_db->retryWhileBusy([&] { return recordOutboxRow(*m_db, outcome); });
    if (written) ++m_ownCommits;
    return written;
  });
}

Result<std::vector<bool>> SqliteCaseStore::recordOutboxOutcomes(const std::vector<OutboxOutcome>& outcomes) {
  for (const OutboxOutcome& outcome : outcomes) {
    if (outcome.status == OutboxStatus::Sending) {
      return badInput("status", "the outcome of outbox message " + std::to_string(outcome.id) +
                                    " is sending; an attempt's outcome is delivered, queued or failed");
    }
  }
  if (outcomes.empty()) return std::vector<bool>{};
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot record the outcomes of outbox messages", {}, [&]() -> Result<std::vector<bool>> {
    // IMMEDIATE: the write lock first, so no statement inside can meet another writer.
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    std::vector<bool> written;
    written.reserve(outcomes.size());
    for (const OutboxOutcome& outcome : outcomes) written.push_back(recordOutboxRow(*m_db, outcome));
    transaction.commit();
    if (std::find(written.begin(), written.end(), true) != written.end()) ++m_ownCommits;
    return written;
  });
}

Result<OutboxMessage> SqliteCaseStore::retryOutbox(std::int64_t id, std::int64_t nowMs) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot retry outbox message", std::to_string(id), [&]() -> Result<OutboxMessage> {
    SqliteTransaction transaction(*m_db, SqliteTransaction::Mode::Immediate);
    const auto stored = selectOutboxMessage(*m_db, id);
    if (!stored) return notFound("id", "no outbox message " + std::to_string(id));
    if (auto refused = whyNotRetryable(id, *stored)) return tl::unexpected(std::move(*refused));
    requeueOutboxRow(*m_db, id, nowMs);
    auto requeued = selectOutboxMessage(*m_db, id);
    if (!requeued) return storageError("outbox message " + std::to_string(id) + " vanished while it was retried");
    transaction.commit();
    ++m_ownCommits;
    return std::move(*requeued);
  });
}

Result<std::optional<std::int64_t>> SqliteCaseStore::nextOutboxDueMs(const std::vector<std::string>& channels) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot read when the outbox is next due", {}, [&]() -> Result<std::optional<std::int64_t>> {
    return m_db->retryWhileBusy([&] { return selectNextOutboxDueMs(*m_db, channels); });
  });
}

Result<int> SqliteCaseStore::schemaVersion() {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot read the schema version", {}, [&]() -> Result<int> {
    return m_db->retryWhileBusy([&] { return sqliteSchemaVersion(*m_db); });
  });
}

std::string SqliteCaseStore::location() const { return m_db->path(); }

Result<void> SqliteCaseStore::migrateTo(int version) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot migrate the case database", {}, [&]() -> Result<void> {
    const int before = m_db->retryWhileBusy([&] { return sqliteSchemaVersion(*m_db); });
    migrateSqlite(*m_db, embeddedSqliteMigrations(), version, sealUnsealedSqliteCases);
    // Dropping or creating the tables changes what every reader sees.
    if (before != version) ++m_ownCommits;
    return {};
  });
}

}  // namespace kiosk
