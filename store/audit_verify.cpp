#include "store/audit_verify.hpp"

#include <optional>

#include "crypto/blake2b.hpp"

namespace kiosk {
namespace {

bool isSalt(const std::string& salt) {
  return salt.size() == 64 && salt.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// The position the event's seal was made for: the one at which it continues the genesis or
// another stored event's chain hash. nullopt when it continues none of them (then the event
// itself was changed, or the one it was chained to is gone). Only run on a mismatch: a case
// holds a few dozen events.
std::optional<std::size_t> sealedPosition(const StoredCase& c, const StoredEvent& e) {
  const auto continues = [&](const std::string& previous, std::size_t position) {
    return chainHash(previous, c.row.number, position, e.event, e.seal.detailCommitment, e.seal.stateDigest) ==
           e.seal.chainHash;
  };
  if (continues(genesisHash(c.row.number), 0)) return 0;
  for (const StoredEvent& before : c.events) {
    for (std::size_t position = 1; position <= c.events.size() + 1; ++position) {
      if (continues(before.seal.chainHash, position)) return position;
    }
  }
  return std::nullopt;
}

bool purgedShape(const StoredCase& c) {
  if (!c.row.purgedAt || c.events.empty() || c.events.back().event.kind != kPurgedEventKind) return false;
  for (const StoredEvent& e : c.events) {
    if (!e.event.detail.empty()) return false;
  }
  return true;
}

}  // namespace

void verifyStoredCase(const StoredCase& c, std::vector<AuditFinding>& findings) {
  const auto found = [&](std::optional<std::int64_t> position, std::string what) {
    findings.push_back(AuditFinding{c.row.number, position, std::move(what)});
  };
  const bool purged = c.salt.empty() && purgedShape(c);
  if (c.salt.empty() && !purged) {
    found(std::nullopt, "salt removed: the case has no audit salt and was not purged");
    return;
  }
  if (!purged && !isSalt(c.salt)) {
    found(std::nullopt, "salt changed: the case's audit salt is not 64 hex digits");
    return;
  }
  if (c.events.empty()) {
    found(std::nullopt, "event missing: the case has no events at all");
    return;
  }
  std::string previous = genesisHash(c.row.number);
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    const StoredEvent& e = c.events[i];
    const auto position = static_cast<std::int64_t>(i);
    if (e.position != position) {
      found(position, e.position > position
                          ? "event missing: no event at position " + std::to_string(i) +
                                (e.position > position + 1 ? " to " + std::to_string(e.position - 1) : "") +
                                " (deleted)"
                          : "order changed: two events are stored under one position");
      return;
    }
    // A purged case's details are gone; its earlier events keep the commitments made to them.
    const bool checkDetail = !purged || i + 1 == c.events.size();
    if (checkDetail && e.seal.detailCommitment != detailCommitment(c.salt, e.event.detail)) {
      found(position, "text changed: the event's detail does not match its commitment");
      return;
    }
    const std::string expected =
        chainHash(previous, c.row.number, i, e.event, e.seal.detailCommitment, e.seal.stateDigest);
    if (expected != e.seal.chainHash) {
      const auto sealedAt = sealedPosition(c, e);
      if (sealedAt && *sealedAt != i) {
        found(position, "order changed: the event stored here was sealed at position " + std::to_string(*sealedAt));
      } else if (sealedAt) {
        found(position, "event missing: the event before it is not the one it was chained to (deleted or replaced)");
      } else {
        found(position, "event changed: its time, staff, kind or seal does not match its chain hash");
      }
      return;
    }
    previous = e.seal.chainHash;
  }
  const StoredEvent& last = c.events.back();
  const std::string personal = purged ? std::string(kPurgedCommitment) : personalCommitment(c.salt, c.row);
  if (last.seal.stateDigest != stateDigest(c.row, personal, c.events.size())) {
    found(last.position,
          "field changed: the case does not match the state its last event sealed (a field was changed, or "
          "events after this one were deleted)");
  }
}

std::string logChainHash(const std::string& previous, const AuditEntry& entry) {
  std::string text;
  const auto part = [&](std::string_view name, std::string_view value) {
    text.append(name).append(" ").append(std::to_string(value.size())).append(":").append(value).append("\n");
  };
  part("log", "kiosk-audit-log-v1");
  part("previous", previous);
  part("seq", std::to_string(entry.seq));
  part("at_ms", std::to_string(entry.atMs));
  part("staff", entry.staff);
  part("kind", entry.kind);
  part("subject", entry.subject);
  part("detail", entry.detail);
  return blake2bHex(text);
}

void verifyLogEntries(const std::vector<AuditEntry>& entries, LogCursor& cursor, std::vector<AuditFinding>& findings) {
  for (const AuditEntry& entry : entries) {
    if (entry.seq != cursor.seq + 1) {
      findings.push_back(AuditFinding{"log", cursor.seq + 1,
                                      entry.seq > cursor.seq + 1 ? "log entry missing (deleted)"
                                                                 : "log entries out of order"});
    } else if (logChainHash(cursor.hash, entry) != entry.chainHash) {
      findings.push_back(AuditFinding{"log", entry.seq, "log entry changed: it does not match its chain hash"});
    }
    cursor.seq = entry.seq;
    cursor.hash = entry.chainHash;
  }
}

}  // namespace kiosk
