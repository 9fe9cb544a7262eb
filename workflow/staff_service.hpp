#pragma once
// Staff accounts and their sign-in: kioskctl staff ..., and the kiosk's PIN pad later. A PIN is
// 6+ digits, kept only as its hash; five wrong PINs in a row lock the account for a while (an
// admin may unlock it sooner); a right PIN starts the count again; a disabled account never signs
// in. `--staff NAME` is checked here too: once any account exists, events are attributed to
// enabled staff only.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflow/audit.hpp"
#include "workflow/pin_hasher.hpp"
#include "workflow/staff.hpp"
#include "workflow/staff_store.hpp"

namespace kiosk {

enum class SignInVerdict {
  Ok,        // the right PIN: member says who, in which role
  WrongPin,  // pinsLeft more wrong ones lock the account
  Locked,    // too many wrong PINs: no PIN is judged until lockedUntilMs
  Disabled,  // the account is disabled: no PIN is judged
  Unknown,   // no account by that name
};

struct SignInAnswer {
  SignInVerdict verdict = SignInVerdict::Unknown;
  std::optional<StaffMember> member;          // every verdict but Unknown
  std::optional<std::int64_t> lockedUntilMs;  // Locked only: UTC milliseconds since the epoch
  int pinsLeft = 0;                           // WrongPin only
};

class StaffService {
 public:
  // With `audit`, every sign-in that reaches the store (right, wrong, locked, disabled, unknown)
  // is an audit log entry; the kiosk and kioskctl pass their store's log.
  StaffService(StaffStore& store, PinHasher& hasher, PinLockPolicy policy = {}, AuditLog* audit = nullptr);

  // A new enabled account. BadInput on "name" (malformed, or taken in any letter case), "role" or
  // "pin" (not 6+ digits); the PIN is hashed before it reaches the store and is kept nowhere.
  [[nodiscard]] Result<StaffMember> add(std::string_view name, std::string_view role, std::string_view pin);
  [[nodiscard]] Result<std::vector<StaffMember>> list();
  // BadInput on "name" when there is no such account.
  [[nodiscard]] Result<StaffMember> find(std::string_view name);
  [[nodiscard]] Result<StaffMember> disable(std::string_view name);
  [[nodiscard]] Result<StaffMember> enable(std::string_view name);
  // An admin's unlock: the wrong PINs are forgotten and the lock ends. BadInput on "name".
  [[nodiscard]] Result<StaffMember> unlock(std::string_view name);

  // `pin` as typed, `nowMs` UTC milliseconds (the lock's clock). A PIN that is not 6+ digits is
  // a BadInput on "pin" and not counted: it cannot be anyone's. The attempt is counted before the
  // PIN is judged (StaffStore::beginPinAttempt), so sign-ins at once on several stations never
  // get more than policy.maxWrongPins PINs judged per lock; the one that reaches the limit is
  // judged, and answered Locked when it is wrong. With an audit log, the sign-in is appended to it
  // (kind "sign-in", the account's name, the verdict; never the PIN) before it is answered; a
  // sign-in that cannot be logged is a Storage error, even with the right PIN.
  [[nodiscard]] Result<SignInAnswer> signIn(std::string_view name, std::string_view pin, std::int64_t nowMs);

  // A new PIN for `name`, proved by a sign-in of `by` with `byPin` (counted and locked like any
  // sign-in): `by` is `name` itself (its current PIN), or an admin's account. The answer is the
  // sign-in's: anything but Ok changed nothing. BadInput on "new-pin" (not 6+ digits; checked
  // before anything is counted) and on "name" (no such account); Refused when `by` signed in
  // right but is neither `name` nor an admin. A new PIN starts the count of wrong PINs again.
  [[nodiscard]] Result<SignInAnswer> changePin(std::string_view name, std::string_view newPin, std::string_view by,
                                               std::string_view byPin, std::int64_t nowMs);

  // Who `--staff NAME` attributes events to: with no account at all (a fresh install) the name as
  // given; otherwise an enabled account's name as stored, and a BadInput on `field` for an
  // unknown or disabled one.
  [[nodiscard]] Result<std::string> attributedName(std::string_view name, std::string_view field = "staff");
  // Who `--staff NAME` names on a change to staff accounts (add, disable, enable, unlock): as
  // attributedName, and the account must be an admin's (Refused otherwise). The station's service
  // account, which gives no --staff, is not asked.
  [[nodiscard]] Result<std::string> adminName(std::string_view name, std::string_view field = "staff");

  [[nodiscard]] const PinLockPolicy& policy() const { return m_policy; }

 private:
  [[nodiscard]] Result<StaffMember> existing(std::string_view name, const std::optional<StaffMember>& found);
  [[nodiscard]] Result<SignInAnswer> judgeSignIn(const std::string& name, std::string_view pin, std::int64_t nowMs);
  [[nodiscard]] Result<SignInAnswer> logged(Result<SignInAnswer> answer, std::int64_t nowMs);

  StaffStore& m_store;
  PinHasher& m_hasher;
  PinLockPolicy m_policy;
  AuditLog* m_audit;
};

}  // namespace kiosk
