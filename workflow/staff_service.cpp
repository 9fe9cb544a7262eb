#include "workflow/staff_service.hpp"

#include <algorithm>
#include <utility>

namespace kiosk {
namespace {

Error noSuchStaff(const std::string& name, std::string_view field) {
  return Error{ErrorKind::BadInput, std::string(field), "no staff member is called '" + name + "' (staff list)"};
}

}  // namespace

StaffService::StaffService(StaffStore& store, PinHasher& hasher, PinLockPolicy policy, AuditLog* audit)
    : m_store(store), m_hasher(hasher), m_policy(policy), m_audit(audit) {}

Result<StaffMember> StaffService::add(std::string_view nameText, std::string_view roleText, std::string_view pin) {
  auto name = normalizeStaffName(nameText, "name");
  if (!name) return tl::unexpected(name.error());
  const auto role = parseStaffRole(roleText, "role");
  if (!role) return tl::unexpected(role.error());
  if (auto format = checkPinFormat(pin, "pin"); !format) return tl::unexpected(format.error());
  auto hash = m_hasher.hashPin(pin);
  if (!hash) return tl::unexpected(hash.error());
  StaffMember member;
  member.name = std::move(*name);
  member.role = *role;
  const auto added = m_store.addStaff(member, *hash);
  if (!added) return tl::unexpected(added.error());
  if (!*added) return badInput("name", "there is already a staff member called '" + member.name + "'");
  return member;
}

Result<std::vector<StaffMember>> StaffService::list() { return m_store.listStaff(); }

Result<StaffMember> StaffService::existing(std::string_view name, const std::optional<StaffMember>& found) {
  if (!found) return tl::unexpected(noSuchStaff(std::string(name), "name"));
  return *found;
}

Result<StaffMember> StaffService::find(std::string_view nameText) {
  const auto name = normalizeStaffName(nameText, "name");
  if (!name) return tl::unexpected(name.error());
  const auto found = m_store.findStaff(*name);
  if (!found) return tl::unexpected(found.error());
  return existing(*name, *found);
}

Result<StaffMember> StaffService::disable(std::string_view nameText) {
  const auto name = normalizeStaffName(nameText, "name");
  if (!name) return tl::unexpected(name.error());
  const auto changed = m_store.setStaffDisabled(*name, true);
  if (!changed) return tl::unexpected(changed.error());
  return existing(*name, *changed);
}

Result<StaffMember> StaffService::enable(std::string_view nameText) {
  const auto name = normalizeStaffName(nameText, "name");
  if (!name) return tl::unexpected(name.error());
  const auto changed = m_store.setStaffDisabled(*name, false);
  if (!changed) return tl::unexpected(changed.error());
  return existing(*name, *changed);
}

Result<StaffMember> StaffService::unlock(std::string_view nameText) {
  const auto name = normalizeStaffName(nameText, "name");
  if (!name) return tl::unexpected(name.error());
  const auto cleared = m_store.clearPinFailures(*name);
  if (!cleared) return tl::unexpected(cleared.error());
  return existing(*name, *cleared);
}

Result<SignInAnswer> StaffService::signIn(std::string_view nameText, std::string_view pin, std::int64_t nowMs) {
  const auto name = normalizeStaffName(nameText, "name");
  if (!name) return tl::unexpected(name.error());
  if (auto format = checkPinFormat(pin, "pin"); !format) return tl::unexpected(format.error());
  return logged(judgeSignIn(*name, pin, nowMs), nowMs);
}

Result<SignInAnswer> StaffService::logged(Result<SignInAnswer> answer, std::int64_t nowMs) {
  if (m_audit == nullptr || !answer) return answer;
  AuditEntry entry;
  entry.atMs = nowMs;
  entry.kind = kSignInEntry;
  // The account's name as stored; a name that is no account is not written down (it may be
  // anything someone typed).
  if (answer->member) entry.staff = entry.subject = answer->member->name;
  switch (answer->verdict) {
    case SignInVerdict::Ok: entry.detail = "ok"; break;
    case SignInVerdict::WrongPin: entry.detail = "wrong-pin"; break;
    case SignInVerdict::Locked: entry.detail = "locked"; break;
    case SignInVerdict::Disabled: entry.detail = "disabled"; break;
    case SignInVerdict::Unknown: entry.detail = "unknown"; break;
  }
  if (auto appended = m_audit->appendAuditEntry(std::move(entry)); !appended) return tl::unexpected(appended.error());
  return answer;
}

Result<SignInAnswer> StaffService::judgeSignIn(const std::string& name, std::string_view pin, std::int64_t nowMs) {
  const auto attempt = m_store.beginPinAttempt(name, m_policy, nowMs);
  if (!attempt) return tl::unexpected(attempt.error());
  SignInAnswer answer;
  if (!*attempt) return answer;  // Unknown
  const PinAttempt& counted = **attempt;
  answer.member = counted.member;
  const auto locked = [&] {
    answer.verdict = SignInVerdict::Locked;
    answer.lockedUntilMs = counted.member.lockedUntilMs;
    return answer;
  };
  if (!counted.allowed) {
    if (counted.member.disabled) {
      answer.verdict = SignInVerdict::Disabled;
      return answer;
    }
    return locked();
  }
  if (!m_hasher.pinMatches(counted.pinHash, pin)) {
    // The wrong PIN that reached the limit is answered with the lock at once.
    if (counted.member.lockedUntilMs) return locked();
    answer.verdict = SignInVerdict::WrongPin;
    answer.pinsLeft = std::max(0, m_policy.maxWrongPins - counted.member.failedPins);
    return answer;
  }
  const auto cleared = m_store.clearPinFailures(name);
  if (!cleared) return tl::unexpected(cleared.error());
  if (!*cleared) return SignInAnswer{};  // removed meanwhile
  answer.member = **cleared;
  // Disabled by an admin between the count and now: the PIN was right, the account is not.
  answer.verdict = answer.member->disabled ? SignInVerdict::Disabled : SignInVerdict::Ok;
  return answer;
}

Result<SignInAnswer> StaffService::changePin(std::string_view nameText, std::string_view newPin, std::string_view by,
                                             std::string_view byPin, std::int64_t nowMs) {
  const auto name = normalizeStaffName(nameText, "name");
  if (!name) return tl::unexpected(name.error());
  if (auto format = checkPinFormat(newPin, "new-pin"); !format) return tl::unexpected(format.error());
  const auto target = m_store.findStaff(*name);
  if (!target) return tl::unexpected(target.error());
  if (!*target) return tl::unexpected(noSuchStaff(*name, "name"));

  auto proof = signIn(by, byPin, nowMs);
  if (!proof || proof->verdict != SignInVerdict::Ok) return proof;
  const StaffMember& signedIn = *proof->member;
  // Both names as stored: one account, one spelling.
  const bool self = signedIn.name == (*target)->name;
  if (!self && signedIn.role != StaffRole::Admin) {
    return refused("'" + signedIn.name + "' is " + std::string(roleName(signedIn.role)) +
                   " staff; only the member themself or an admin changes a PIN");
  }
  auto hash = m_hasher.hashPin(newPin);
  if (!hash) return tl::unexpected(hash.error());
  const auto changed = m_store.setStaffPinHash((*target)->name, *hash);
  if (!changed) return tl::unexpected(changed.error());
  if (!*changed) return tl::unexpected(noSuchStaff(*name, "name"));  // removed meanwhile
  SignInAnswer answer;
  answer.verdict = SignInVerdict::Ok;
  answer.member = **changed;
  return answer;
}

Result<std::string> StaffService::attributedName(std::string_view nameText, std::string_view field) {
  const auto staff = m_store.listStaff();
  if (!staff) return tl::unexpected(staff.error());
  if (staff->empty()) return std::string(nameText);  // no accounts yet: as before there were any
  const auto name = normalizeStaffName(nameText, field);
  if (!name) return tl::unexpected(name.error());
  const auto found = m_store.findStaff(*name);
  if (!found) return tl::unexpected(found.error());
  if (!*found) return tl::unexpected(noSuchStaff(*name, field));
  if ((*found)->disabled) {
    return badInput(std::string(field), "the staff member '" + (*found)->name + "' is disabled");
  }
  return (*found)->name;
}

Result<std::string> StaffService::adminName(std::string_view nameText, std::string_view field) {
  auto name = attributedName(nameText, field);
  if (!name) return tl::unexpected(name.error());
  const auto found = m_store.findStaff(*name);
  if (!found) return tl::unexpected(found.error());
  if (*found && (*found)->role != StaffRole::Admin) {
    return refused("'" + (*found)->name + "' is " + std::string(roleName((*found)->role)) +
                   " staff; only an admin changes staff accounts");
  }
  return name;
}

}  // namespace kiosk
