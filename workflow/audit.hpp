#pragma once
// The audit trail's ports. Every case's timeline is a hash chain kept by the store (store/
// audit_chain.hpp); AuditLog is the one chained log of what happens outside cases (sign-ins,
// passcode reads, privacy exports and purges, checkpoints); AuditTrail verifies both and
// records checkpoints whose head can be kept elsewhere (kioskctl audit verify / head).
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "workflow/error.hpp"

namespace kiosk {

// One entry of the audit log. Nothing personal goes in: a case number or a staff name is fine,
// a customer's name, number or address is not.
struct AuditEntry {
  std::int64_t seq = 0;   // 1, 2, ...: set by the store
  std::int64_t atMs = 0;  // UTC milliseconds since the epoch
  std::string staff;      // who did it (or tried to): a staff name, or the station's account
  std::string kind;       // sign-in, passcode-read, privacy-export, privacy-purge, checkpoint, ...
  std::string subject;    // what it was about: a staff name, a case number, a checkpoint head
  std::string detail;     // the outcome in words (ok, wrong-pin, locked, ...)
  std::string chainHash;  // set by the store: BLAKE2b over the entry and the one before
};

// The kinds of entry the program appends, and all of them (kioskctl audit log --kind takes these).
inline constexpr const char* kSignInEntry = "sign-in";
inline constexpr const char* kPasscodeReadEntry = "passcode-read";
inline constexpr const char* kPrivacyExportEntry = "privacy-export";
inline constexpr const char* kPrivacyPurgeEntry = "privacy-purge";
inline constexpr const char* kCheckpointEntry = "checkpoint";
inline constexpr std::array<const char*, 5> kAuditLogKinds = {kSignInEntry, kPasscodeReadEntry, kPrivacyExportEntry,
                                                              kPrivacyPurgeEntry, kCheckpointEntry};

class AuditLog {
 public:
  AuditLog() = default;
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;
  virtual ~AuditLog() = default;

  // Appends the entry (its seq and chain hash set by the store) in a transaction of its own,
  // after every entry before it; returns it as stored.
  [[nodiscard]] virtual Result<AuditEntry> appendAuditEntry(AuditEntry entry) = 0;
  // Entries with seq > afterSeq, oldest first, at most `limit` (0: all).
  [[nodiscard]] virtual Result<std::vector<AuditEntry>> listAuditEntries(std::int64_t afterSeq,
                                                                         std::size_t limit) = 0;
};

// Something verify found: the case (or "log", "checkpoint") and the event position (or log
// seq) it is at, and what differs, in words.
struct AuditFinding {
  std::string subject;                  // a case number, "log" or "checkpoint"
  std::optional<std::int64_t> position; // the event's position, the log entry's seq
  std::string what;
};

struct AuditReport {
  std::size_t cases = 0;
  std::size_t events = 0;
  std::size_t logEntries = 0;
  std::vector<AuditFinding> findings;  // empty: intact
  [[nodiscard]] bool intact() const { return findings.empty(); }
};

// A recorded checkpoint; `head` is its hash, the H to keep elsewhere.
struct AuditCheckpoint {
  std::int64_t seq = 0;
  std::int64_t atMs = 0;
  std::string head;
  std::size_t casesCovered = 0;  // cases whose chain it commits to (all of them, through earlier ones)
  std::size_t casesMoved = 0;    // cases whose head moved since the checkpoint before (rows stored)
  std::int64_t logSeq = 0;
};

class AuditTrail {
 public:
  AuditTrail() = default;
  AuditTrail(const AuditTrail&) = delete;
  AuditTrail& operator=(const AuditTrail&) = delete;
  virtual ~AuditTrail() = default;

  // Walks every case's chain and the log. With a head, also proves against that checkpoint
  // that nothing it covers was cut off or deleted since (NotFound on "head" when no checkpoint
  // has that hash).
  [[nodiscard]] virtual Result<AuditReport> verifyAudit(const std::optional<std::string>& head) = 0;
  // Records a checkpoint now (and a log entry saying so); returns it with its head.
  [[nodiscard]] virtual Result<AuditCheckpoint> recordCheckpoint(std::int64_t atMs, const std::string& staff) = 0;
};

}  // namespace kiosk
