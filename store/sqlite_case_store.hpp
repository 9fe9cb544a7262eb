#pragma once
// The embedded default CaseStore: one SQLite file (WAL, fully synced), shared safely by several
// kiosk and kioskctl processes at once.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/audit_chain.hpp"
#include "store/case_database.hpp"

namespace kiosk {

class SqliteConnection;

// Calls from several threads are serialised. A Change runs inside the store's write
// transaction and lock, so it must not call back into the same store. The outbox relay's
// claims take the file's write lock, so relays in several processes never share a message.
class SqliteCaseStore final : public CaseDatabase {
 public:
  // Opens the case database at `file`, creating it and its parent folders when missing, and
  // brings its schema up to date. Refuses (Storage error naming the path, file untouched) a
  // file that is not SQLite, another program's SQLite database, or a newer schema.
  [[nodiscard]] static Result<std::unique_ptr<SqliteCaseStore>> open(const std::filesystem::path& file);
  // A private database that lives as long as the store: for tests and dry runs.
  [[nodiscard]] static Result<std::unique_ptr<SqliteCaseStore>> openInMemory();

  ~SqliteCaseStore() override;

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
  [[nodiscard]] Result<std::uint64_t> changeStamp() override;
  [[nodiscard]] Result<std::vector<OpenCaseGroup>> groupOpenCases() override;
  [[nodiscard]] Result<std::vector<DueOutcomeGroup>> groupDueOutcomes(Date from, Date to) override;
  [[nodiscard]] Result<std::vector<OutboxMessage>> listOutbox(const OutboxQuery& query) override;

  // OutboxStore. A lease held until T has ended at T: claimable then, and nextOutboxDueMs says T.
  [[nodiscard]] Result<std::vector<OutboxMessage>> claimOutbox(const OutboxClaim& claim) override;
  [[nodiscard]] Result<bool> recordOutboxOutcome(const OutboxOutcome& outcome) override;
  [[nodiscard]] Result<std::vector<bool>> recordOutboxOutcomes(const std::vector<OutboxOutcome>& outcomes) override;
  [[nodiscard]] Result<OutboxMessage> retryOutbox(std::int64_t id, std::int64_t nowMs) override;
  [[nodiscard]] Result<std::optional<std::int64_t>> nextOutboxDueMs(const std::vector<std::string>& channels) override;

  // CustomerLookupStore: wrong customer codes per case number, in their own table
  // (sqlite_lookup_guard.cpp), under the file's write lock.
  [[nodiscard]] Result<CodeAttempt> beginCodeAttempt(const std::string& number, const CodeAttemptPolicy& policy,
                                                     std::int64_t nowMs) override;
  [[nodiscard]] Result<void> clearCodeAttempts(const std::string& number) override;

  // StaffStore: staff accounts in table staff (sqlite_staff_store.cpp); a sign-in is counted by one
  // statement under the file's write lock.
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

  // PrivacyStore (sqlite_privacy_store.cpp): a customer's cases, and the purge of closed cases' personal data.
  [[nodiscard]] Result<std::vector<RepairCase>> findCustomerCases(const CustomerKey& key) override;
  [[nodiscard]] Result<std::vector<std::string>> purgeableCases(Date closedBefore, std::size_t limit) override;
  [[nodiscard]] Result<PurgeCounts> purgeCases(const std::vector<std::string>& numbers, Date closedBefore,
                                               const CaseEvent& purged) override;
  [[nodiscard]] Result<void> reclaimErasedSpace() override;

  // AuditLog and AuditTrail (workflow/audit.hpp): the audit log's chain, verify, checkpoints.
  [[nodiscard]] Result<AuditEntry> appendAuditEntry(AuditEntry entry) override;
  [[nodiscard]] Result<std::vector<AuditEntry>> listAuditEntries(std::int64_t afterSeq, std::size_t limit) override;
  [[nodiscard]] Result<AuditReport> verifyAudit(const std::optional<std::string>& head) override;
  [[nodiscard]] Result<AuditCheckpoint> recordCheckpoint(std::int64_t atMs, const std::string& staff) override;

  // The case's audit salt and the seals of its events, by position (kioskctl migrate).
  [[nodiscard]] Result<CaseAudit> loadAudit(const std::string& number) override;
  // PasscodeStore: clear and sealed passcodes in repair_case.intake_passcode (sqlite_passcode_store.cpp).
  [[nodiscard]] Result<std::vector<std::string>> casesWithClearPasscodes(std::size_t limit,
                                                                        bool openOnly) override;
  [[nodiscard]] Result<bool> hasSealedPasscodes() override;
  [[nodiscard]] Result<void> eraseFreedCopies() override;

  // The schema version of the open file (PRAGMA user_version).
  [[nodiscard]] Result<int> schemaVersion() override;
  // The file's absolute path (":memory:" for a private database).
  [[nodiscard]] std::string location() const override;
  // Runs up or down migrations to reach `version` (0: empty), in one transaction. For tests and
  // repairs; the store expects the latest version for everything else.
  [[nodiscard]] Result<void> migrateTo(int version);
  // The newest schema version this program knows.
  [[nodiscard]] static int latestSchemaVersion();

 private:
  explicit SqliteCaseStore(std::unique_ptr<SqliteConnection> db);
  [[nodiscard]] static Result<std::unique_ptr<SqliteCaseStore>> openPath(const std::string& path);

  // One connection, one caller at a time: a transaction must not interleave with another
  // thread's statements on the same handle.
  std::mutex m_mutex;
  std::unique_ptr<SqliteConnection> m_db;
  // Transactions this store committed. PRAGMA data_version only moves for other connections'
  // commits, so changeStamp() adds this to see its own.
  std::uint64_t m_ownCommits = 0;
};

}  // namespace kiosk
