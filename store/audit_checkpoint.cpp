#include "store/audit_checkpoint.hpp"

#include "crypto/blake2b.hpp"

namespace kiosk {
namespace {

void part(std::string& text, std::string_view name, std::string_view value) {
  text.append(name).append(" ").append(std::to_string(value.size())).append(":").append(value).append("\n");
}

}  // namespace

std::string checkpointHash(const StoredCheckpoint& c) {
  std::string text;
  part(text, "checkpoint", "kiosk-audit-checkpoint-v1");
  part(text, "previous", c.previousHash);
  part(text, "seq", std::to_string(c.seq));
  part(text, "at_ms", std::to_string(c.atMs));
  part(text, "log_seq", std::to_string(c.logSeq));
  part(text, "log_hash", c.logHash);
  part(text, "cases", std::to_string(c.cases.size()));
  for (const CaseHead& h : c.cases) {
    part(text, "case_seq", std::to_string(h.caseSeq));
    part(text, "number", h.number);
    part(text, "event_count", std::to_string(h.eventCount));
    part(text, "chain_hash", h.chainHash);
  }
  return blake2bHex(text);
}

std::vector<CaseHead> movedHeads(const std::vector<CaseHead>& current, const std::map<std::int64_t, CaseHead>& recorded) {
  std::vector<CaseHead> moved;
  for (const CaseHead& h : current) {
    const auto it = recorded.find(h.caseSeq);
    if (it == recorded.end() || it->second.eventCount != h.eventCount || it->second.chainHash != h.chainHash ||
        it->second.number != h.number) {
      moved.push_back(h);
    }
  }
  return moved;
}

std::optional<CheckpointState> checkpointState(const std::vector<StoredCheckpoint>& all, const std::string& head,
                                               std::vector<AuditFinding>& findings) {
  std::optional<CheckpointState> state;
  std::map<std::int64_t, CaseHead> heads;
  std::string previous;
  std::int64_t expectedSeq = 1;
  for (const StoredCheckpoint& c : all) {
    if (c.seq != expectedSeq) {
      findings.push_back(AuditFinding{"checkpoint", expectedSeq, "checkpoint missing (deleted)"});
    } else if (c.previousHash != previous) {
      findings.push_back(AuditFinding{"checkpoint", c.seq, "does not follow the checkpoint before it"});
    } else if (checkpointHash(c) != c.hash) {
      findings.push_back(AuditFinding{"checkpoint", c.seq, "checkpoint changed: it does not hash to its head"});
    }
    expectedSeq = c.seq + 1;
    previous = c.hash;
    if (state) continue;  // later ones only have to chain on
    for (const CaseHead& h : c.cases) heads[h.caseSeq] = h;
    if (c.hash == head) {
      state = CheckpointState{head, std::move(heads), c.logSeq, c.logHash};
      // It must still hash to H itself: rows added to or removed from it show here.
      if (checkpointHash(c) != head) {
        findings.push_back(AuditFinding{"checkpoint", c.seq, "the checkpoint with head " + head +
                                                                 " no longer hashes to it (its contents were changed)"});
      }
    }
  }
  if (!state) {
    findings.push_back(AuditFinding{"checkpoint", std::nullopt,
                                    "no checkpoint has head " + head +
                                        " (it was never recorded in this database, or was deleted)"});
  }
  return state;
}

void checkAgainstCheckpoint(const StoredCase& c, CheckpointState& state, std::vector<AuditFinding>& findings) {
  const auto it = state.cases.find(static_cast<std::int64_t>(c.row.sequence));
  if (it == state.cases.end()) return;
  const CaseHead recorded = it->second;
  state.cases.erase(it);
  const std::string number = recorded.number;
  const std::int64_t last = recorded.eventCount - 1;
  if (static_cast<std::int64_t>(c.events.size()) < recorded.eventCount) {
    findings.push_back(AuditFinding{number, last,
                                    "events cut off: checkpoint " + state.head.substr(0, 12) + "... recorded " +
                                        std::to_string(recorded.eventCount) + " events, " +
                                        std::to_string(c.events.size()) + " are left"});
    return;
  }
  const StoredEvent& e = c.events[static_cast<std::size_t>(last)];
  if (e.position != last || e.seal.chainHash != recorded.chainHash) {
    findings.push_back(AuditFinding{number, last, "event changed since checkpoint " + state.head.substr(0, 12) +
                                                      "...: its chain hash is not the one recorded"});
  }
}

void reportDeletedCases(const CheckpointState& state, std::vector<AuditFinding>& findings) {
  for (const auto& [seq, recorded] : state.cases) {
    findings.push_back(AuditFinding{recorded.number, std::nullopt,
                                    "case deleted: checkpoint " + state.head.substr(0, 12) + "... recorded it with " +
                                        std::to_string(recorded.eventCount) + " events"});
  }
}

void checkLogAgainstCheckpoint(const CheckpointState& state, const AuditEntry* entry,
                               std::vector<AuditFinding>& findings) {
  if (state.logSeq == 0) return;
  if (entry == nullptr) {
    findings.push_back(AuditFinding{"log", state.logSeq, "log entry missing: the checkpoint recorded it"});
  } else if (entry->chainHash != state.logHash) {
    findings.push_back(AuditFinding{"log", state.logSeq, "log entry changed since the checkpoint"});
  }
}

AuditEntry checkpointLogEntry(const StoredCheckpoint& c, const std::string& staff, std::size_t casesCovered) {
  AuditEntry entry;
  entry.atMs = c.atMs;
  entry.staff = staff;
  entry.kind = kCheckpointEntry;
  entry.subject = c.hash;
  entry.detail = std::to_string(casesCovered) + " cases, " + std::to_string(c.cases.size()) + " moved";
  return entry;
}

void verifyLogWalk(const AuditEntryFetch& fetch, const CheckpointState* state, AuditReport& report) {
  constexpr std::size_t kPage = 1000;
  LogCursor cursor;
  std::optional<AuditEntry> checkpointed;
  for (;;) {
    const auto entries = fetch(cursor.seq, kPage);
    verifyLogEntries(entries, cursor, report.findings);
    report.logEntries += entries.size();
    for (const auto& e : entries) {
      if (state != nullptr && e.seq == state->logSeq) checkpointed = e;
    }
    if (entries.size() < kPage) break;
  }
  if (state != nullptr) checkLogAgainstCheckpoint(*state, checkpointed ? &*checkpointed : nullptr, report.findings);
}

void verifyCaseWalk(const StoredCaseFetch& fetch, CheckpointState* state, AuditReport& report) {
  // A page of cases and their events at a time: a million cases never sit in memory at once.
  constexpr std::size_t kPage = 500;
  std::int64_t after = 0;
  for (;;) {
    const auto cases = fetch(after, kPage);
    for (const StoredCase& c : cases) {
      ++report.cases;
      report.events += c.events.size();
      verifyStoredCase(c, report.findings);
      if (state != nullptr) checkAgainstCheckpoint(c, *state, report.findings);
      after = static_cast<std::int64_t>(c.row.sequence);
    }
    if (cases.size() < kPage) break;
  }
  if (state != nullptr) reportDeletedCases(*state, report.findings);
}

}  // namespace kiosk
