#include "store/pg_case_store.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "store/audit_chain.hpp"
#include "store/case_change_rules.hpp"
#include "store/pg_audit.hpp"
#include "store/pg_audit_trail.hpp"
#include "store/customer_codes.hpp"
#include "store/pg_case_queries.hpp"
#include "store/pg_case_rows.hpp"
#include "store/pg_connection.hpp"
#include "store/pg_migrations.hpp"
#include "store/pg_outbox_rows.hpp"
#include "store/pg_session.hpp"
#include "workflow/case_number.hpp"

namespace kiosk {
namespace {

struct AuditedCase {
  RepairCase c;
  CaseAudit audit;
};

// The case row, its salt and its whole timeline with the seals in one statement, so all come
// from one snapshot without the round trips of a transaction.
std::optional<AuditedCase> selectAuditedCase(PgConnection& db, const std::string& number) {
  const PgResult rows = db.exec(
      selectPgCasesSql("WHERE number = $1",
                       "audit_salt, (SELECT coalesce(json_agg(json_build_array(e.at, e.staff, e.kind, e.detail, "
                       "e.detail_commitment, e.state_digest, e.chain_hash) ORDER BY e.position), "
                       "'[]') FROM case_event e WHERE e.case_seq = repair_case.seq)"),
      PgParams().text(number));
  auto cases = readPgCaseRows(rows);
  if (cases.empty()) return std::nullopt;
  AuditedCase found{std::move(cases.front()), {}};
  found.audit.salt = rows.text(0, rows.columns() - 2);
  const std::string timeline = rows.text(0, rows.columns() - 1);
  for (const auto& e : nlohmann::json::parse(timeline)) {
    const auto at = parseLocalTime(e.at(0).get<std::string>());
    if (!at) throw PgError::corrupt("case " + found.c.number + ": an event's time is not a local time");
    found.c.events.push_back(
        CaseEvent{*at, e.at(1).get<std::string>(), e.at(2).get<std::string>(), e.at(3).get<std::string>()});
    found.audit.events.push_back(
        EventSeal{e.at(4).get<std::string>(), e.at(5).get<std::string>(), e.at(6).get<std::string>()});
  }
  return found;
}

std::optional<RepairCase> selectCase(PgConnection& db, const std::string& number) {
  auto found = selectAuditedCase(db, number);
  if (!found) return std::nullopt;
  return std::move(found->c);
}

Date storedDate(std::string_view column, const std::string& text) {
  const auto day = parseDate(text);
  if (!day) throw PgError::corrupt("column " + std::string(column) + " holds '" + text + "', which is not a date");
  return *day;
}

// FNV-1a: the advisory lock's key for a serial. Two serials with one key only wait for each other.
std::int64_t serialLockKey(const std::string& serial) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char ch : serial) {
    hash ^= static_cast<unsigned char>(ch);
    hash *= 1099511628211ULL;
  }
  return static_cast<std::int64_t>(hash);
}

std::string conflictMessage(PgConnection& db, const std::string& number) {
  const auto now = selectCase(db, number);
  std::string message = "case " + number + " was changed at another station while this step was being saved";
  if (now) {
    message += " (it is now " + std::string(statusName(now->status)) + ", version " + std::to_string(now->version) + ")";
  }
  return message + "; nothing was written: look at the case again and redo the step if it still applies";
}

}  // namespace

PgCaseStore::PgCaseStore(std::unique_ptr<PgSession> session) : m_session(std::move(session)) {}

PgCaseStore::~PgCaseStore() = default;

Result<std::unique_ptr<PgCaseStore>> PgCaseStore::open(const std::string& url, PgRetryPolicy retry) {
  return guarded("cannot open the case database", {}, [&]() -> Result<std::unique_ptr<PgCaseStore>> {
    auto session = std::make_unique<PgSession>(url, retry);
    migratePg(session->connection(), embeddedPgMigrations(), latestSchemaVersion(), sealUnsealedPgCases);
    return std::unique_ptr<PgCaseStore>(new PgCaseStore(std::move(session)));
  });
}

int PgCaseStore::latestSchemaVersion() { return static_cast<int>(embeddedPgMigrations().size()); }

std::string PgCaseStore::location() const { return m_session->where(); }

Result<RepairCase> PgCaseStore::create(RepairCase draft) {
  // Drawn once, before the transaction: a retried write stores the same code.
  auto code = guarded("cannot store the new case", {}, []() -> Result<std::string> { return drawCustomerCode(); });
  if (!code) return tl::unexpected(code.error());
  draft.customerCode = std::move(*code);
  auto drawnSalt = guarded("cannot store the new case", {}, []() -> Result<std::string> { return newAuditSalt(); });
  if (!drawnSalt) return tl::unexpected(drawnSalt.error());
  const std::string salt = std::move(*drawnSalt);
  for (const OutboxMessage& m : draft.newMessages) {
    if (m.eventPosition >= draft.events.size()) {
      return storageError("cannot store the new case: a message is queued for an event it does not have");
    }
  }
  // One open case per device: two counters registering one serial at once are put in single
  // file by a lock on the serial, taken with BEGIN (one round trip) and held to the commit. The
  // key is a hash computed here, so no typed text is spelt into the statement.
  const bool checksOpenCase = !draft.device.serial.empty() && draft.intake.secondCaseReason.empty();
  const std::string begin =
      checksOpenCase ? "BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(serialLockKey(draft.device.serial)) + ")"
                     : "BEGIN";
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot store the new case", {}, [&]() -> Result<RepairCase> {
    return m_session->write<RepairCase>(
        [&](PgConnection& db) -> Result<RepairCase> {
          RepairCase c = draft;
          // After the lock (a statement of its own, so its snapshot sees what the lock waited
          // for); the number is taken only when there is no open case, so a refusal burns none.
          const PgResult taken =
              checksOpenCase
                  ? db.exec("SELECT o.number, CASE WHEN o.number IS NULL THEN nextval('case_number_seq') END FROM "
                            "(SELECT (SELECT number FROM repair_case WHERE device_serial = $1 AND status <> 'closed' "
                            "ORDER BY seq DESC LIMIT 1) AS number) AS o",
                            PgParams().text(c.device.serial))
                  : db.exec("SELECT NULL::text, nextval('case_number_seq')");
          if (const auto open = taken.optionalText(0, 0)) {
            return refused("serial " + c.device.serial + " already has open case " + *open);
          }
          const std::int64_t next = taken.integer(0, 1);
          if (next <= 0 || static_cast<std::uint64_t>(next) >= kCaseNumberCapacity) {
            return storageError("cannot store the new case: case numbers are exhausted");
          }
          c.sequence = static_cast<std::uint64_t>(next);
          c.number = formatCaseNumber(c.sequence);
          c.version = 1;
          addressNewMessages(c);
          CaseAudit audit{salt, {}};
          sealNewEvents(c, audit);
          insertPgNewCase(db, c, audit, false);
          return c;
        },
        begin);
  });
}

Result<RepairCase> PgCaseStore::load(const std::string& number) {
  const auto normalized = lookupNumber(number);
  if (!normalized) return tl::unexpected(normalized.error());
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot read case", number, [&]() -> Result<RepairCase> {
    auto found = m_session->read([&](PgConnection& db) { return selectCase(db, *normalized); });
    if (!found) return notFound("case", "no case " + *normalized);
    return std::move(*found);
  });
}

Result<RepairCase> PgCaseStore::update(const std::string& number, const Change& change) {
  const auto normalized = lookupNumber(number);
  if (!normalized) return tl::unexpected(normalized.error());
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot update case", number, [&]() -> Result<RepairCase> {
    return m_session->write<RepairCase>(
        [&](PgConnection& db) -> Result<RepairCase> {
          // Optimistic: read without a lock, write only if the version is still the one read.
          auto read = selectAuditedCase(db, *normalized);
          if (!read) return notFound("case", "no case " + *normalized);
          const RepairCase* stored = &read->c;
          RepairCase changed = *stored;
          if (auto applied = change(changed); !applied) return tl::unexpected(applied.error());
          if (auto checked = checkChange(*stored, changed); !checked) return tl::unexpected(checked.error());
          if (auto kept = appendsOrKeeps(*stored, changed); !kept) return tl::unexpected(kept.error());
          if (changed.events.size() == stored->events.size()) return read->c;  // nothing to write
          changed.version = stored->version + 1;
          if (!updatePgCaseRow(db, changed, stored->version)) return conflict(conflictMessage(db, *normalized));
          // The seals were read with the row; the version check above makes them still the last.
          sealNewEvents(changed, read->audit);
          insertPgEvents(db, changed.sequence, changed.events, read->audit.events, stored->events.size());
          addressNewMessages(changed);
          insertPgOutboxMessages(db, changed.sequence, changed.newMessages);
          return changed;
        });
  });
}

Result<std::vector<RepairCase>> PgCaseStore::findBySerial(const std::string& serial) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot search by serial", {}, [&]() -> Result<std::vector<RepairCase>> {
    return m_session->read([&](PgConnection& db) {
      const PgStatement find = pgFindBySerialStatement(serial);
      return readPgCaseRows(db.exec(find.sql, find.params));
    });
  });
}

Result<std::vector<RepairCase>> PgCaseStore::findByMobile(const std::string& mobile) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot search by mobile number", {}, [&]() -> Result<std::vector<RepairCase>> {
    return m_session->read([&](PgConnection& db) {
      return readPgCaseRows(db.exec(selectPgCasesSql("WHERE customer_mobile = $1 ORDER BY seq DESC"), PgParams().text(mobile)));
    });
  });
}

Result<std::vector<RepairCase>> PgCaseStore::findByCustomerName(const std::string& fragment, std::size_t limit) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot search by customer name", {}, [&]() -> Result<std::vector<RepairCase>> {
    const PgStatement find = pgFindByCustomerNameStatement(fragment, limit);
    return m_session->read([&](PgConnection& db) { return readPgCaseRows(db.exec(find.sql, find.params)); });
  });
}

Result<std::vector<RepairCase>> PgCaseStore::list(const CaseQuery& query) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot list cases", {}, [&]() -> Result<std::vector<RepairCase>> {
    const PgStatement list = pgListStatement(query);
    return m_session->read([&](PgConnection& db) { return readPgCaseRows(db.exec(list.sql, list.params)); });
  });
}

Result<std::size_t> PgCaseStore::countMatching(const CaseQuery& query) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot count cases", {}, [&]() -> Result<std::size_t> {
    const PgStatement count = pgCountStatement(query);
    return m_session->read(
        [&](PgConnection& db) { return static_cast<std::size_t>(db.exec(count.sql, count.params).integer(0, 0)); });
  });
}

Result<std::size_t> PgCaseStore::count() {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot count cases", {}, [&]() -> Result<std::size_t> {
    return m_session->read(
        [&](PgConnection& db) { return static_cast<std::size_t>(db.exec("SELECT count(*) FROM repair_case").integer(0, 0)); });
  });
}

Result<std::uint64_t> PgCaseStore::changeStamp() {
  // Not under m_mutex: the watcher's poll must not wait behind a slow query or a reconnect.
  return guarded("cannot reach the case database", {}, [&]() -> Result<std::uint64_t> { return m_session->changeStamp(); });
}

Result<std::vector<OpenCaseGroup>> PgCaseStore::groupOpenCases() {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot count open cases", {}, [&]() -> Result<std::vector<OpenCaseGroup>> {
    return m_session->read([&](PgConnection& db) {
      const PgResult rows = db.exec(
          "SELECT status, device_vendor, technician, due, late_report, done_at IS NOT NULL, count(*) "
          "FROM repair_case WHERE status <> 'closed' GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6");
      std::vector<OpenCaseGroup> groups;
      for (int r = 0; r < rows.rows(); ++r) {
        OpenCaseGroup g;
        const std::string status = rows.text(r, 0);
        const auto parsed = parseStatus(status);
        if (!parsed) throw PgError::corrupt("a case has status '" + status + "'");
        g.status = *parsed;
        g.vendor = rows.text(r, 1);
        g.technician = rows.text(r, 2);
        if (const auto due = rows.optionalText(r, 3)) g.due = storedDate("due", *due);
        g.lateReport = rows.boolean(r, 4);
        g.done = rows.boolean(r, 5);
        g.count = static_cast<std::size_t>(rows.integer(r, 6));
        groups.push_back(std::move(g));
      }
      return groups;
    });
  });
}

Result<std::vector<DueOutcomeGroup>> PgCaseStore::groupDueOutcomes(Date from, Date to) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot count met and missed due dates", {}, [&]() -> Result<std::vector<DueOutcomeGroup>> {
    return m_session->read([&](PgConnection& db) {
      // Times are 'YYYY-MM-DDTHH:MM:SS', so their first ten characters are the day.
      const PgResult rows = db.exec(
          "SELECT due, left(done_at, 10), device_vendor, technician, count(*) FROM repair_case "
          "WHERE due BETWEEN $1 AND $2 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
          PgParams().text(formatDate(from)).text(formatDate(to)));
      std::vector<DueOutcomeGroup> groups;
      for (int r = 0; r < rows.rows(); ++r) {
        DueOutcomeGroup g;
        g.due = storedDate("due", rows.text(r, 0));
        if (const auto done = rows.optionalText(r, 1)) g.doneOn = storedDate("done_at", *done);
        g.vendor = rows.text(r, 2);
        g.technician = rows.text(r, 3);
        g.count = static_cast<std::size_t>(rows.integer(r, 4));
        groups.push_back(std::move(g));
      }
      return groups;
    });
  });
}

Result<std::vector<OutboxMessage>> PgCaseStore::listOutbox(const OutboxQuery& query) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot list the outbox", {}, [&]() -> Result<std::vector<OutboxMessage>> {
    return m_session->read([&](PgConnection& db) { return selectPgOutboxMessages(db, query); });
  });
}

Result<std::vector<OutboxMessage>> PgCaseStore::claimOutbox(const OutboxClaim& claim) {
  if (claim.relay.empty()) return badInput("relay", "a claim needs the relay's name");
  if (claim.leaseMs <= 0) return badInput("lease", "a claim's lease must be longer than 0 ms");
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot claim outbox messages", {}, [&]() -> Result<std::vector<OutboxMessage>> {
    return m_session->write<std::vector<OutboxMessage>>(
        [&](PgConnection& db) -> Result<std::vector<OutboxMessage>> { return claimPgOutboxRows(db, claim); });
  });
}

Result<bool> PgCaseStore::recordOutboxOutcome(const OutboxOutcome& outcome) {
  auto written = recordOutboxOutcomes({outcome});
  if (!written) return tl::unexpected(written.error());
  return written->front();
}

Result<std::vector<bool>> PgCaseStore::recordOutboxOutcomes(const std::vector<OutboxOutcome>& outcomes) {
  for (const OutboxOutcome& outcome : outcomes) {
    if (outcome.status == OutboxStatus::Sending) {
      return badInput("status", "the outcome of outbox message " + std::to_string(outcome.id) +
                                    " is sending; an attempt's outcome is delivered, queued or failed");
    }
  }
  if (outcomes.empty()) return std::vector<bool>{};
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot record the outcomes of outbox messages", {}, [&]() -> Result<std::vector<bool>> {
    return m_session->write<std::vector<bool>>(
        [&](PgConnection& db) -> Result<std::vector<bool>> {
          std::vector<bool> written;
          written.reserve(outcomes.size());
          for (const OutboxOutcome& outcome : outcomes) written.push_back(recordPgOutboxRow(db, outcome));
          return written;
        });
  });
}

Result<OutboxMessage> PgCaseStore::retryOutbox(std::int64_t id, std::int64_t nowMs) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot retry outbox message", std::to_string(id), [&]() -> Result<OutboxMessage> {
    return m_session->write<OutboxMessage>(
        [&](PgConnection& db) -> Result<OutboxMessage> {
          const auto refuse = [&](const std::optional<OutboxMessage>& m) -> Result<OutboxMessage> {
            if (!m) return notFound("id", "no outbox message " + std::to_string(id));
            if (auto refused = whyNotRetryable(id, *m)) return tl::unexpected(std::move(*refused));
            return storageError("outbox message " + std::to_string(id) + " could not be queued again");
          };
          const auto stored = selectPgOutboxMessage(db, id);
          if (!stored || whyNotRetryable(id, *stored)) return refuse(stored);
          // Read without a lock: by the time the row is ours it may have been retried elsewhere and
          // claimed by a relay, whose claim must stand.
          if (!requeuePgOutboxRow(db, id, nowMs)) return refuse(selectPgOutboxMessage(db, id));
          auto requeued = selectPgOutboxMessage(db, id);
          if (!requeued) return storageError("outbox message " + std::to_string(id) + " vanished while it was retried");
          return std::move(*requeued);
        });
  });
}

Result<std::optional<std::int64_t>> PgCaseStore::nextOutboxDueMs(const std::vector<std::string>& channels) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot read when the outbox is next due", {}, [&]() -> Result<std::optional<std::int64_t>> {
    return m_session->read([&](PgConnection& db) { return selectPgNextOutboxDueMs(db, channels); });
  });
}

Result<int> PgCaseStore::schemaVersion() {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot read the schema version", {}, [&]() -> Result<int> {
    return m_session->read([&](PgConnection& db) { return pgSchemaVersion(db); });
  });
}

Result<void> PgCaseStore::migrateTo(int version) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot migrate the case database", {}, [&]() -> Result<void> {
    migratePg(m_session->connection(), embeddedPgMigrations(), version, sealUnsealedPgCases);
    return {};
  });
}

Result<CaseAudit> PgCaseStore::loadAudit(const std::string& number) {
  const auto normalized = lookupNumber(number);
  if (!normalized) return tl::unexpected(normalized.error());
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot read the audit trail of case", number, [&]() -> Result<CaseAudit> {
    auto found = m_session->read([&](PgConnection& db) { return selectAuditedCase(db, *normalized); });
    if (!found) return notFound("case", "no case " + *normalized);
    return std::move(found->audit);
  });
}

Result<AuditEntry> PgCaseStore::appendAuditEntry(AuditEntry entry) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot append to the audit log", {}, [&]() -> Result<AuditEntry> {
    // The log is one chain: appends from every station go in single file behind this lock
    // (sign-ins, reads and checkpoints are few; case events have chains of their own).
    return m_session->write<AuditEntry>(
        [&](PgConnection& db) -> Result<AuditEntry> { return appendPgAuditEntry(db, entry); },
        "BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kAuditLogLock) + ")");
  });
}

Result<std::vector<AuditEntry>> PgCaseStore::listAuditEntries(std::int64_t afterSeq, std::size_t limit) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot read the audit log", {}, [&]() -> Result<std::vector<AuditEntry>> {
    return m_session->read([&](PgConnection& db) { return selectPgAuditEntries(db, afterSeq, limit); });
  });
}

Result<AuditReport> PgCaseStore::verifyAudit(const std::optional<std::string>& head) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot verify the audit trail", {}, [&]() -> Result<AuditReport> {
    return m_session->read([&](PgConnection& db) {
      // One snapshot for every case, event and entry: a step committed meanwhile at another
      // station is either wholly seen or not at all.
      db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        AuditReport report = verifyPgAudit(db, head);
        db.exec("COMMIT");
        return report;
      } catch (...) {
        if (!db.broken()) {
          try {
            db.exec("ROLLBACK");
          } catch (const PgError&) {
          }
        }
        throw;
      }
    });
  });
}

Result<AuditCheckpoint> PgCaseStore::recordCheckpoint(std::int64_t atMs, const std::string& staff) {
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot record an audit checkpoint", {}, [&]() -> Result<AuditCheckpoint> {
    return m_session->write<AuditCheckpoint>(
        [&](PgConnection& db) -> Result<AuditCheckpoint> { return recordPgCheckpoint(db, atMs, staff); },
        "BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kAuditLogLock) + ")");
  });
}

Result<ImportOutcome> PgCaseStore::importCase(const RepairCase& c, const std::vector<OutboxMessage>& messages,
                                              const CaseAudit& audit) {
  if (c.sequence == 0 || c.sequence >= kCaseNumberCapacity || c.number != formatCaseNumber(c.sequence)) {
    return badInput("case", "case " + c.number + " does not match its sequence number " + std::to_string(c.sequence));
  }
  if (audit.events.size() != c.events.size()) {
    return badInput("case", "case " + c.number + " has " + std::to_string(c.events.size()) + " events but " +
                                std::to_string(audit.events.size()) + " seals");
  }
  const std::scoped_lock lock(m_mutex);
  return guarded("cannot import case", c.number, [&]() -> Result<ImportOutcome> {
    return m_session->write<ImportOutcome>(
        [&](PgConnection& db) -> Result<ImportOutcome> {
          const PgResult there = db.exec(
              "SELECT number, registered_at, device_serial FROM repair_case WHERE seq = $1 OR number = $2",
              PgParams().integer(static_cast<std::int64_t>(c.sequence)).text(c.number));
          if (there.rows() > 0) {
            if (there.rows() == 1 && there.text(0, 0) == c.number && there.text(0, 1) == formatLocalTime(c.registeredAt) &&
                there.text(0, 2) == c.device.serial) {
              return ImportOutcome::AlreadyPresent;
            }
            return conflict("case " + c.number + " (registered " + formatLocalTime(c.registeredAt) + ", serial " +
                            c.device.serial + ") cannot be imported: the shared store already has case " +
                            there.text(0, 0) + " (registered " + there.text(0, 1) + ", serial " + there.text(0, 2) +
                            ") under that number");
          }
          RepairCase imported = c;
          imported.newMessages = messages;
          // Salt and seals as they are: the chains verify on the shared store as they did in the file.
          insertPgNewCase(db, imported, audit, true);
          // The sequence moves past every imported number, so new intakes never take one.
          db.exec("SELECT setval('case_number_seq', $1) FROM case_number_seq WHERE "
                  "$1 > CASE WHEN is_called THEN last_value ELSE 0 END",
                  PgParams().integer(static_cast<std::int64_t>(c.sequence)));
          return ImportOutcome::Imported;
        });
  });
}

}  // namespace kiosk
