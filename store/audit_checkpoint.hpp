#pragma once
// Checkpoints of the audit trail, for both stores (kioskctl audit head, audit verify --head).
// A checkpoint commits to the log's last entry, to the heads (event count, last chain hash) of
// the cases whose chain moved since the checkpoint before, and to that checkpoint's hash; so
// its hash H commits, through the checkpoints before it, to every case's head at that time,
// while a daily checkpoint stores only a row per case that changed. Internal to store/.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/audit_verify.hpp"
#include "workflow/audit.hpp"

namespace kiosk {

struct CaseHead {
  std::int64_t caseSeq = 0;
  std::string number;
  std::int64_t eventCount = 0;
  std::string chainHash;  // of the event at position eventCount - 1
};

struct StoredCheckpoint {
  std::int64_t seq = 0;
  std::int64_t atMs = 0;
  std::string previousHash;  // "" for the first
  std::int64_t logSeq = 0;   // 0: the log was empty
  std::string logHash;
  std::vector<CaseHead> cases;  // the heads that moved, by case seq
  std::string hash;
};

// BLAKE2b over everything in the checkpoint but its hash.
[[nodiscard]] std::string checkpointHash(const StoredCheckpoint& c);

// The heads in `current` that differ from (or are missing in) `recorded`, by case seq.
[[nodiscard]] std::vector<CaseHead> movedHeads(const std::vector<CaseHead>& current,
                                               const std::map<std::int64_t, CaseHead>& recorded);

// What checkpoint `head` covers: every case's head as of it, and the log's last entry.
struct CheckpointState {
  std::string head;
  std::map<std::int64_t, CaseHead> cases;
  std::int64_t logSeq = 0;
  std::string logHash;
};

// Checks the chain of checkpoints (`all`, by seq): each hashes to its stored hash and follows
// the one before. Returns what `head` covers, or nullopt (with a finding) when no checkpoint
// has that head.
[[nodiscard]] std::optional<CheckpointState> checkpointState(const std::vector<StoredCheckpoint>& all,
                                                             const std::string& head,
                                                             std::vector<AuditFinding>& findings);
// The stored case against what the checkpoint recorded of it (then forgotten from `state`).
void checkAgainstCheckpoint(const StoredCase& c, CheckpointState& state, std::vector<AuditFinding>& findings);
// Cases the checkpoint covers that checkAgainstCheckpoint never saw: deleted.
void reportDeletedCases(const CheckpointState& state, std::vector<AuditFinding>& findings);
// The log's entry `state.logSeq` against the checkpoint; `entry` is null when it is not there.
void checkLogAgainstCheckpoint(const CheckpointState& state, const AuditEntry* entry,
                               std::vector<AuditFinding>& findings);

// Reads the entries after a seq, oldest first, at most `limit` (each store's own statement).
using AuditEntryFetch = std::function<std::vector<AuditEntry>(std::int64_t afterSeq, std::size_t limit)>;
// The whole log, a page at a time: its chain (verifyLogEntries), counted in `report`, and with a
// checkpoint (`state` not null) the entry that checkpoint recorded. One walk for both stores.
void verifyLogWalk(const AuditEntryFetch& fetch, const CheckpointState* state, AuditReport& report);

// Reads the cases with seq > afterSeq, by seq, at most `limit`, each with its salt and its events
// as stored (each store's own statements).
using StoredCaseFetch = std::function<std::vector<StoredCase>(std::int64_t afterSeq, std::size_t limit)>;
// Every case, a page at a time: its chain (verifyStoredCase), counted in `report`, and with a
// checkpoint (`state` not null) against what it recorded, then the cases it covers that are gone.
// One walk for both stores.
void verifyCaseWalk(const StoredCaseFetch& fetch, CheckpointState* state, AuditReport& report);

}  // namespace kiosk
