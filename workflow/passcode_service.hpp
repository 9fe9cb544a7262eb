#pragma once
// Device passcodes after intake: reading one (a technician, with their own PIN, one case at a
// time, every attempt on the case's timeline) and sealing the clear-text passcodes an older
// program left in the store. Intake seals (CaseService::registerCase) and close erases
// (CaseService::close); nothing else ever sees a passcode.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "workflow/audit.hpp"
#include "workflow/case_service.hpp"
#include "workflow/passcode_store.hpp"
#include "workflow/passcode_vault.hpp"
#include "workflow/staff_service.hpp"

namespace kiosk {

// The timeline's event kinds for passcodes (their details never hold one).
inline constexpr const char* kPasscodeReadEvent = kPasscodeReadEntry;  // the audit log's word too
inline constexpr const char* kPasscodeSealedEvent = "passcode-sealed";
inline constexpr const char* kPasscodeErasedEvent = "passcode-erased";

enum class PasscodeReadVerdict {
  Read,           // passcode holds it
  NotTechnician,  // the right PIN, but the role may not read passcodes
  NoPasscode,     // the right PIN of a technician, but the case holds none (not given, or closed)
  Refused,        // the sign-in failed: signIn says how (wrong PIN, locked, disabled, unknown)
};

struct PasscodeReadAnswer {
  PasscodeReadVerdict verdict = PasscodeReadVerdict::Refused;
  SignInAnswer signIn;
  std::string passcode;  // Read only
};

// Seals every clear-text passcode an older program stored (event "passcode-sealed"), and erases
// those of cases already closed ("passcode-erased"), each through a normal CaseStore::update.
// Returns how many cases changed. kioskctl and the kiosk run it whenever they open the store:
// the open cases always (through their index: cheap), and every case (which reads every row)
// only when open ones were found, i.e. at the first open after an upgrade from a program that
// kept passcodes in clear.
[[nodiscard]] Result<std::size_t> sealClearPasscodes(CaseStore& cases, PasscodeStore& passcodes,
                                                     PasscodeVault& vault, const Actor& actor);

class PasscodeService {
 public:
  // With `audit`, every attempt is also an entry of the audit log (kind "passcode-read", the case
  // number, the verdict in one word): the case's own timeline can be purged, the log cannot.
  PasscodeService(CaseStore& cases, PasscodeVault& vault, StaffService& staff, AuditLog* audit = nullptr);

  // Who may read: technicians only (the issue: "only a technician reads it"); an admin manages
  // accounts and a counter takes devices in, neither needs a device's passcode.
  [[nodiscard]] static bool mayRead(StaffRole role) { return role == StaffRole::Technician; }

  // `number` as typed; `name` and `pin` as typed at the prompt; `at` the event's time, `nowMs` the
  // PIN lock's clock (UTC ms). A malformed number or PIN is BadInput (nothing counted, nothing
  // written); an unknown case NotFound, checked before the PIN is asked for. Otherwise the PIN is
  // judged by StaffService::signIn (a wrong one counts toward the lock) and the attempt, read or
  // refused, is appended to the case's timeline as a "passcode-read" event naming the staff
  // member and never the passcode, then to the audit log.
  [[nodiscard]] Result<PasscodeReadAnswer> read(std::string_view number, std::string_view name, std::string_view pin,
                                                LocalTime at, std::int64_t nowMs);

 private:
  CaseStore& m_cases;
  PasscodeVault& m_vault;
  StaffService& m_staff;
  AuditLog* m_audit;
};

// The audit log's word for a read's outcome: read, no-passcode, not-technician, wrong-pin,
// locked, disabled, unknown.
[[nodiscard]] const char* passcodeReadOutcome(const PasscodeReadAnswer& answer);

}  // namespace kiosk
