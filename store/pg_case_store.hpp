#pragma once
// The shared CaseStore on PostgreSQL: every station and site of a reseller on one server.
// Chosen with --db-url postgresql://user@host:port/dbname; SQLite stays the default.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/audit_chain.hpp"
#include "store/case_database.hpp"

namespace kiosk {

class PgSession;

// How a lost connection is retried (a server restart, a network cut).
struct PgRetryPolicy {
  int connectTimeoutSeconds = 5;       // libpq connect_timeout per attempt
  std::int64_t giveUpAfterMs = 30'000; // reconnecting stops after this long: the call fails
};

// What importCase did with one case of an SQLite history (kioskctl migrate).
enum class ImportOutcome {
  Imported,        // written: the case, its events and its outbox messages
  AlreadyPresent,  // the same case (number, registration time, serial) was there: nothing written
};

// Calls from several threads are serialised on the one connection. Writes are optimistic: an
// update whose case changed (version moved) since it was read is refused with a Conflict that
// names the new state, and writes nothing. Case numbers come from a PostgreSQL sequence: unique
// across every station, never reused; an intake that fails after taking a number leaves that
// number unused (see store/migrations/postgres/1_up.sql for why that gap is allowed).
//
// A lost connection is reconnected and the call retried when its outcome is known (a read, or a
// write that failed before COMMIT was sent). When COMMIT was sent and no answer came, the store
// asks the server what became of that transaction (by its id; a session the server still holds
// open is ended first), returns the result if it committed and writes again only if it did not:
// never twice. A write needs PostgreSQL 13 or newer (pg_xact_status, xid8).
class PgCaseStore final : public CaseDatabase {
 public:
  // Connects, creates the schema or brings it up to date (under an advisory lock, so stations
  // starting together migrate once). A newer schema than this program knows is refused with a
  // Storage error naming both versions. The URL's password never appears in an error.
  [[nodiscard]] static Result<std::unique_ptr<PgCaseStore>> open(const std::string& url, PgRetryPolicy retry = {});

  ~PgCaseStore() override;

  [[nodiscard]] Result<RepairCase> create(RepairCase draft) override;
  [[nodiscard]] Result<RepairCase> load(const std::string& number) override;
  [[nodiscard]] Result<RepairCase> update(const std::string& number, const Change& change) override;
  [[nodiscard]] Result<std::vector<RepairCase>> findBySerial(const std::string& serial) override;
  [[nodiscard]] Result<std::vector<RepairCase>> findByMobile(const std::string& mobile) override;
  [[nodiscard]] Result<std::vector<RepairCase>> findByCustomerName(const std::string& fragment,
                                                                   std::size_t limit) override;
  [[nodiscard]] Result<std::vector<RepairCase>> list(const CaseQuery& query) override;
  [[nodiscard]] Result<std::size_t> countMatching(const CaseQuery& query) override;
  [[nodiscard]] Result<std::size_t> count() override;
  // Counts the commits of this store plus the change notifications (LISTEN kiosk_case_changed)
  // that other connections' commits sent; reads no table, so polling it often costs nothing.
  // A Storage error while the server cannot be reached (the kiosk shows "offline").
  [[nodiscard]] Result<std::uint64_t> changeStamp() override;
  [[nodiscard]] Result<std::vector<OpenCaseGroup>> groupOpenCases() override;
  [[nodiscard]] Result<std::vector<DueOutcomeGroup>> groupDueOutcomes(Date from, Date to) override;
  [[nodiscard]] Result<std::vector<OutboxMessage>> listOutbox(const OutboxQuery& query) override;

  // OutboxStore; claims use FOR UPDATE SKIP LOCKED, so relays on many stations never wait on
  // each other nor share a message.
  [[nodiscard]] Result<std::vector<OutboxMessage>> claimOutbox(const OutboxClaim& claim) override;
  [[nodiscard]] Result<bool> recordOutboxOutcome(const OutboxOutcome& outcome) override;
  [[nodiscard]] Result<std::vector<bool>> recordOutboxOutcomes(const std::vector<OutboxOutcome>& outcomes) override;
  [[nodiscard]] Result<OutboxMessage> retryOutbox(std::int64_t id, std::int64_t nowMs) override;
  [[nodiscard]] Result<std::optional<std::int64_t>> nextOutboxDueMs(const std::vector<std::string>& channels) override;

  // CustomerLookupStore: wrong customer codes per case number, in their own table
  // (pg_lookup_guard.cpp); attempts at once on several stations are each counted.
  [[nodiscard]] Result<CodeAttempt> beginCodeAttempt(const std::string& number, const CodeAttemptPolicy& policy,
                                                     std::int64_t nowMs) override;
  [[nodiscard]] Result<void> clearCodeAttempts(const std::string& number) override;

  // StaffStore: staff accounts in table staff (pg_staff_store.cpp); a sign-in is counted by one
  // statement holding the row's lock.
  [[nodiscard]] Result<bool> addStaff(const StaffMember& member, const std::string& pinHash) override;
  [[nodiscard]] Result<std::optional<StaffMember>> findStaff(const std::string& name) override;
  [[nodiscard]] Result<std::vector<StaffMember>> listStaff() override;
  [[nodiscard]] Result<std::optional<StaffMember>> setStaffDisabled(const std::string& name,
                                                                    bool disabled) override;
  [[nodiscard]] Result<std::optional<PinAttempt>> beginPinAttempt(const std::string& name, const PinLockPolicy& policy,
                                                                  std::int64_t nowMs) override;
  [[nodiscard]] Result<std::optional<StaffMember>> clearPinFailures(const std::string& name) override;
  [[nodiscard]] Result<std::optional<StaffMember>> setStaffPinHash(const std::string& name,
                                                                   const std::string& pinHash) override;

  // PrivacyStore (pg_privacy_store.cpp): a customer's cases, and the purge of closed cases' personal data.
  [[nodiscard]] Result<std::vector<RepairCase>> findCustomerCases(const CustomerKey& key) override;
  [[nodiscard]] Result<std::vector<std::string>> purgeableCases(Date closedBefore, std::size_t limit) override;
  [[nodiscard]] Result<PurgeCounts> purgeCases(const std::vector<std::string>& numbers, Date closedBefore,
                                               const CaseEvent& purged) override;
  [[nodiscard]] Result<void> reclaimErasedSpace() override;
  // PasscodeStore: clear and sealed passcodes in repair_case.intake_passcode (pg_passcode_store.cpp).
  [[nodiscard]] Result<std::vector<std::string>> casesWithClearPasscodes(std::size_t limit,
                                                                        bool openOnly) override;
  [[nodiscard]] Result<bool> hasSealedPasscodes() override;
  [[nodiscard]] Result<void> eraseFreedCopies() override;

  [[nodiscard]] Result<int> schemaVersion() override;
  [[nodiscard]] std::string location() const override;

  // Runs up or down migrations to reach `version` (0: empty), in one transaction. For tests.
  [[nodiscard]] Result<void> migrateTo(int version);
  [[nodiscard]] static int latestSchemaVersion();

  // kioskctl migrate: writes one case from another store as it is (its sequence, number,
  // version, whole timeline in c.events, and `messages` with their status and attempts), in
  // one transaction, and moves the case-number sequence past it. The same case already there
  // is AlreadyPresent (nothing written); a different case under its number or sequence is a
  // Conflict naming both, and writes nothing.
  // The case's audit salt and seals (store/audit_chain.hpp) travel with it unchanged.
  [[nodiscard]] Result<ImportOutcome> importCase(const RepairCase& c, const std::vector<OutboxMessage>& messages,
                                                 const CaseAudit& audit);
  // AuditLog and AuditTrail (workflow/audit.hpp): the audit log's chain, verify, checkpoints.
  [[nodiscard]] Result<AuditEntry> appendAuditEntry(AuditEntry entry) override;
  [[nodiscard]] Result<std::vector<AuditEntry>> listAuditEntries(std::int64_t afterSeq, std::size_t limit) override;
  [[nodiscard]] Result<AuditReport> verifyAudit(const std::optional<std::string>& head) override;
  [[nodiscard]] Result<AuditCheckpoint> recordCheckpoint(std::int64_t atMs, const std::string& staff) override;

  // The case's audit salt and the seals of its events, by position (kioskctl migrate).
  [[nodiscard]] Result<CaseAudit> loadAudit(const std::string& number) override;

 private:
  explicit PgCaseStore(std::unique_ptr<PgSession> session);

  std::mutex m_mutex;
  std::unique_ptr<PgSession> m_session;
};

}  // namespace kiosk
