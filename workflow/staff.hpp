#pragma once
// Staff accounts: who works at the stations, in which role, and the rules for their names and
// PINs. A PIN is never kept: only its Argon2id hash (workflow/pin_hasher.hpp), and this header
// has no field for the hash, so a StaffMember can be listed, logged or printed safely.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "workflow/error.hpp"

namespace kiosk {

enum class StaffRole {
  Counter,     // intake and the customer counter
  Technician,  // the bench: diagnosis, repair, reading a device's passcode
  Admin,       // accounts: adds, disables and unlocks staff
};

// "counter", "technician", "admin": as typed (--role) and as stored.
[[nodiscard]] std::string_view roleName(StaffRole role);
// Any letter case; anything else is a BadInput on `field` listing the roles.
[[nodiscard]] Result<StaffRole> parseStaffRole(std::string_view text, std::string_view field = "role");

// A staff member as every tool may see them: no PIN, no hash.
struct StaffMember {
  std::string name;
  StaffRole role = StaffRole::Counter;
  bool disabled = false;
  // Sign-ins counted since the last right PIN (or unlock, or the end of the last lock), the one in
  // progress included: workflow/staff_service.hpp counts an attempt before it judges the PIN.
  int failedPins = 0;
  // Set when failedPins reached the limit: no PIN is judged until then (UTC ms since the epoch).
  std::optional<std::int64_t> lockedUntilMs;
};

// Whether no PIN of `member` is judged at `nowMs` (UTC ms): a lock that has ended is no lock.
[[nodiscard]] inline bool isLocked(const StaffMember& member, std::int64_t nowMs) {
  return member.lockedUntilMs && *member.lockedUntilMs > nowMs;
}

inline constexpr std::size_t kMinPinDigits = 6;
// Long enough for any PIN a person remembers; the bound keeps a pasted novel from the hasher.
inline constexpr std::size_t kMaxPinDigits = 32;
inline constexpr std::size_t kMaxStaffNameLength = 60;

// A PIN is 6 to 32 digits 0-9 and nothing else. The error (on `field`) never quotes the PIN.
[[nodiscard]] Result<void> checkPinFormat(std::string_view pin, std::string_view field = "pin");

// A name as it is kept: spaces around it dropped. Empty, longer than kMaxStaffNameLength
// characters, with a control character or a ':' (the service account's events are
// "station:USER", so no staff name can read like one) is a BadInput on `field`.
[[nodiscard]] Result<std::string> normalizeStaffName(std::string_view text, std::string_view field = "name");

}  // namespace kiosk
