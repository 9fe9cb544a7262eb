#pragma once
// The checksum kioskctl migrate prints: what a case history holds, hashed the same way whichever
// store it was read from, so the source and the target can be compared.
#include <string>
#include <vector>

#include "store/audit_chain.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk::cli {

// Every field of the case (its sequence, number and version too), its whole timeline with each
// event's audit seal and the case's audit salt (so the chains verify on the target), and its
// outbox messages without their store-local ids, sorted by (event position, channel), in a
// fixed order: one line per field, "name len:value" or "name ~" when absent. Lengths make it
// unambiguous whatever a value holds; nothing depends on a JSON library's formatting.
[[nodiscard]] std::string canonicalCase(const RepairCase& c, std::vector<OutboxMessage> messages,
                                        const CaseAudit& audit);

// BLAKE2b-256 (libsodium's crypto_generichash) of canonicalCase, as 64 lower-case hex digits.
[[nodiscard]] Result<std::string> caseDigest(const RepairCase& c, const std::vector<OutboxMessage>& messages,
                                             const CaseAudit& audit);

// The digest of a whole history: BLAKE2b-256 over the case digests in the order given (the
// caller sorts by sequence), each followed by a newline.
[[nodiscard]] Result<std::string> historyDigest(const std::vector<std::string>& caseDigests);

}  // namespace kiosk::cli
