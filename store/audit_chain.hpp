#pragma once
// The per-case hash chains of the audit trail, shared by both stores (README "Audit trail").
// Each case has a random salt; each event stores
//   detail_commitment = keyed BLAKE2b(salt, detail)          (a detail may name the customer)
//   state_digest      = BLAKE2b(the case row as the event's transaction left it, canonical, its
//                       personal columns replaced by one keyed commitment, and the event count)
//   chain_hash        = BLAKE2b("kiosk-audit-v1", the previous event's chain hash (the first:
//                       BLAKE2b("genesis", number)), number, position, at, staff, kind,
//                       detail_commitment, state_digest)
// so the chain commits to the personal fields without holding them, and the salt keeps them
// from being guessed (a mobile number has only 10^8 values). Internal to store/.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "workflow/privacy_store.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk {

// What one event adds to the chain.
struct EventSeal {
  std::string detailCommitment;
  std::string stateDigest;
  std::string chainHash;
};

// A case's salt and the seals of its events, by position. A purged case has no salt.
struct CaseAudit {
  std::string salt;
  std::vector<EventSeal> events;
};

// The columns that hold personal data: in the state digest only through the personal commitment,
// so that a purge may empty them and the chain still verifies. One list for both stores.
inline constexpr std::array<std::string_view, 8> kPersonalColumns = {
    "customer_name", "customer_mobile",  "customer_email", "customer_address",
    "intake_ecase",  "intake_passcode",  "accepted_by",    "acceptance_signature"};

// The personal commitment of a purged case (it has no salt left to key one with).
inline constexpr std::string_view kPurgedCommitment = "purged";
// The kind of the last event of a purged case: kPurgedEventKind (workflow/privacy_store.hpp).

// 32 random bytes as 64 hex digits. Throws std::runtime_error without secure randomness.
[[nodiscard]] std::string newAuditSalt();
// keyed BLAKE2b(salt, canonical personal columns); kPurgedCommitment when `salt` is empty.
[[nodiscard]] std::string personalCommitment(const std::string& salt, const RepairCase& c);
// keyed BLAKE2b(salt, detail); without a salt (a purged case), plain BLAKE2b.
[[nodiscard]] std::string detailCommitment(const std::string& salt, std::string_view detail);
[[nodiscard]] std::string stateDigest(const RepairCase& c, std::string_view personal, std::size_t eventCount);
[[nodiscard]] std::string genesisHash(std::string_view number);
[[nodiscard]] std::string chainHash(std::string_view previous, std::string_view number, std::size_t position,
                                    const CaseEvent& e, std::string_view detailCommitment, std::string_view stateDigest);

// Seals c.events[audit.events.size()..], c being the case as its transaction leaves it (its final
// version and every event), and appends the seals to audit.events.
void sealNewEvents(const RepairCase& c, CaseAudit& audit);

// Whether two states of a case are the same but for their version: a change that appended no
// event must leave the case so (an update that changed it without an event is refused).
[[nodiscard]] bool sameRow(const RepairCase& a, const RepairCase& b);

}  // namespace kiosk
