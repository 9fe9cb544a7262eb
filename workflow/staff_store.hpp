#pragma once
// The port a store gives staff accounts (workflow/staff_service.hpp): the accounts, their PIN
// hashes and the count of sign-ins that lock an account.
//
// The count is kept on the account's row and changed only by single statements that read and
// write it together (under the row's lock), so sign-ins at once on several stations are each
// counted: between them they never get more PINs judged than the limit allows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "workflow/error.hpp"
#include "workflow/staff.hpp"

namespace kiosk {

// How many wrong PINs in a row lock an account, and for how long.
struct PinLockPolicy {
  int maxWrongPins = 5;
  std::int64_t lockMs = 15 * 60 * 1000;
};

// One sign-in, counted before its PIN is judged.
struct PinAttempt {
  // False when the account is disabled or locked: nothing was counted, and the PIN must not even
  // be compared.
  bool allowed = false;
  // The account after this attempt was counted (failedPins includes it; lockedUntilMs is set
  // when it reached the limit; the attempt that reached it is still judged).
  StaffMember member;
  // The hash to judge the PIN against. Only here: never in a StaffMember.
  std::string pinHash;
};

// Names are kept as given (normalizeStaffName) and compared without regard to letter case
// ("kari" finds "Kari", and no second "KARI" can be added); every method takes the name so.
class StaffStore {
 public:
  StaffStore() = default;
  StaffStore(const StaffStore&) = delete;
  StaffStore& operator=(const StaffStore&) = delete;
  virtual ~StaffStore() = default;

  // Adds an enabled account with no failed PINs; false (nothing written) when the name is taken.
  [[nodiscard]] virtual Result<bool> addStaff(const StaffMember& member, const std::string& pinHash) = 0;
  [[nodiscard]] virtual Result<std::optional<StaffMember>> findStaff(const std::string& name) = 0;
  // Every account, disabled ones too, by name.
  [[nodiscard]] virtual Result<std::vector<StaffMember>> listStaff() = 0;
  // The account as changed; nullopt when there is none by that name.
  [[nodiscard]] virtual Result<std::optional<StaffMember>> setStaffDisabled(const std::string& name,
                                                                            bool disabled) = 0;
  // Counts a sign-in of `name` at `nowMs` (UTC ms) as a wrong PIN, in one statement, unless the
  // account is disabled or locked until after nowMs; nullopt when there is no such account. A lock
  // that has ended starts the count again (this attempt is the first).
  [[nodiscard]] virtual Result<std::optional<PinAttempt>> beginPinAttempt(const std::string& name,
                                                                          const PinLockPolicy& policy,
                                                                          std::int64_t nowMs) = 0;
  // A right PIN, or an admin's unlock: the count starts again from zero and any lock ends. The
  // account as it now is; nullopt when there is none by that name.
  [[nodiscard]] virtual Result<std::optional<StaffMember>> clearPinFailures(const std::string& name) = 0;
  // A new PIN (its hash) for `name`, in one statement that also starts the count of wrong PINs
  // again and ends any lock: whoever set it proved they may (workflow/staff_service.hpp). The
  // account as it now is; nullopt (nothing written) when there is none by that name.
  [[nodiscard]] virtual Result<std::optional<StaffMember>> setStaffPinHash(const std::string& name,
                                                                           const std::string& pinHash) = 0;
};

}  // namespace kiosk
