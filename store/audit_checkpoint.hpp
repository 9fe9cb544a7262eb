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
#include <string_view>
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

// The statements checkpoints are made and read with. None takes a parameter, so both stores run
// the same text.
// The log's last entry: seq, chain_hash.
inline constexpr std::string_view kLastLogEntrySql = "SELECT seq, chain_hash FROM audit_log ORDER BY seq DESC LIMIT 1";
// The last checkpoint: seq, hash.
inline constexpr std::string_view kLastCheckpointSql = "SELECT seq, hash FROM audit_checkpoint ORDER BY seq DESC LIMIT 1";
// Every case's head now (CaseHead's columns), by case seq.
inline constexpr std::string_view kCurrentHeadsSql =
    "SELECT r.seq, r.number, e.position + 1, e.chain_hash FROM repair_case r JOIN case_event e "
    "ON e.case_seq = r.seq AND e.position = (SELECT max(position) FROM case_event WHERE case_seq = r.seq) "
    "ORDER BY r.seq";
// Each case's head as the last checkpoint that stored it recorded it (CaseHead's columns).
inline constexpr std::string_view kRecordedHeadsSql =
    "SELECT c.case_seq, c.number, c.event_count, c.chain_hash FROM audit_checkpoint_case c "
    "WHERE c.checkpoint_seq = (SELECT max(checkpoint_seq) FROM audit_checkpoint_case WHERE case_seq = c.case_seq)";
// Every checkpoint (StoredCheckpoint's columns but its cases), by seq; and every stored head, by
// checkpoint: checkpoint_seq, then CaseHead's columns.
inline constexpr std::string_view kCheckpointsSql =
    "SELECT seq, at_ms, previous_hash, log_seq, log_hash, hash FROM audit_checkpoint ORDER BY seq";
inline constexpr std::string_view kCheckpointHeadsSql =
    "SELECT checkpoint_seq, case_seq, number, event_count, chain_hash FROM audit_checkpoint_case "
    "ORDER BY checkpoint_seq, case_seq";

// The log entry that records checkpoint `c` (its head the subject), made by `staff`, covering
// `casesCovered` cases.
[[nodiscard]] AuditEntry checkpointLogEntry(const StoredCheckpoint& c, const std::string& staff,
                                            std::size_t casesCovered);

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
