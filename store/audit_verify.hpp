#pragma once
// What kioskctl audit verify checks, for both stores: a case's chain against its row and
// timeline as stored, and the audit log's chain. The stores read, this judges. Internal to store/.
#include <cstdint>
#include <string>
#include <vector>

#include "store/audit_chain.hpp"
#include "workflow/audit.hpp"

namespace kiosk {

// One event as stored, with the position it is stored under.
struct StoredEvent {
  std::int64_t position = 0;
  CaseEvent event;
  EventSeal seal;
};

// A case as stored: its row, its salt, its events in position order.
struct StoredCase {
  RepairCase row;
  std::string salt;
  std::vector<StoredEvent> events;
};

// The first thing wrong with the case's chain, if any, appended to `findings`.
void verifyStoredCase(const StoredCase& c, std::vector<AuditFinding>& findings);

// The log's chain hash of `entry` (its seq, time, staff, kind, subject, detail) after `previous`
// ("" for the first).
[[nodiscard]] std::string logChainHash(const std::string& previous, const AuditEntry& entry);

// Checks a run of log entries in seq order, starting after `previous` (seq and hash of the entry
// before the run; 0 and "" at the start), and returns the last seq and hash checked.
struct LogCursor {
  std::int64_t seq = 0;
  std::string hash;
};
void verifyLogEntries(const std::vector<AuditEntry>& entries, LogCursor& cursor, std::vector<AuditFinding>& findings);

}  // namespace kiosk
