// KioskBackend's staff sign-in: the roster the PIN pad offers, sign-in and sign-out, and who a
// write is attributed to. The sign-in itself is StaffService::signIn (counting, locking and,
// later, its audit entry live there), run on the worker like every store call.
#include <utility>

#include "kiosk/app/kiosk_backend.hpp"
#include "workflow/staff_roles.hpp"

namespace kiosk {

void KioskBackend::setStaff(std::string staff) {
  const std::scoped_lock lock(m_staffMutex);
  m_staff = std::move(staff);
}

std::string KioskBackend::staff() const {
  const std::scoped_lock lock(m_staffMutex);
  if (m_signedIn) return m_signedIn->name;
  return m_accountsExist ? std::string() : m_staff;
}

std::string KioskBackend::stationStaff() const {
  const std::scoped_lock lock(m_staffMutex);
  return m_staff;
}

std::optional<SignedInStaff> KioskBackend::signedIn() const {
  const std::scoped_lock lock(m_staffMutex);
  return m_signedIn;
}

void KioskBackend::signOut() {
  const std::scoped_lock lock(m_staffMutex);
  m_signedIn.reset();
}

void KioskBackend::signOutBecause(const std::string& name, SignInAnswer why) {
  const std::scoped_lock lock(m_staffMutex);
  if (!m_signedIn || m_signedIn->name != name) return;
  m_signedIn.reset();
  m_signOutReason = std::move(why);
}

std::optional<SignInAnswer> KioskBackend::takeSignOutReason() {
  const std::scoped_lock lock(m_staffMutex);
  return std::exchange(m_signOutReason, std::nullopt);
}

Result<bool> KioskBackend::lookForAccounts() {
  const auto accounts = m_staffService.list();
  if (!accounts) return tl::unexpected(accounts.error());
  m_accountsExist = !accounts->empty();
  return m_accountsExist.load();
}

std::future<Result<StaffRoster>> KioskBackend::staffRoster() {
  return storeCall<StaffRoster>([this]() -> Result<StaffRoster> {
    const auto accounts = m_staffService.list();
    if (!accounts) return tl::unexpected(accounts.error());
    m_accountsExist = !accounts->empty();
    StaffRoster roster;
    roster.accountsExist = !accounts->empty();
    for (const StaffMember& member : *accounts) {
      if (!member.disabled) roster.enabled.push_back(member);
    }
    return roster;
  });
}

std::future<Result<SignInAnswer>> KioskBackend::signIn(std::string name, std::string pin) {
  return storeCall<SignInAnswer>([this, name = std::move(name), pin = std::move(pin)]() -> Result<SignInAnswer> {
    auto answer = m_staffService.signIn(name, pin, systemUtcMs());
    if (answer && answer->verdict == SignInVerdict::Ok) {
      const std::scoped_lock lock(m_staffMutex);
      m_signedIn = SignedInStaff{answer->member->name, answer->member->role};
      m_accountsExist = true;
    }
    return answer;
  });
}

Result<void> KioskBackend::checkStartStaff(const std::string& name) {
  setStaff(name);
  const auto accounts = lookForAccounts();
  if (!accounts) return tl::unexpected(accounts.error());
  if (!*accounts || name.find_first_not_of(" \t") == std::string::npos) return {};
  // Once accounts exist --staff picks nobody (sign-in does), but a name that is no enabled
  // account is a mistake in the station's setup: said at start, as kioskctl says it.
  const auto attributed = m_staffService.attributedName(name, "staff");
  if (!attributed) return tl::unexpected(attributed.error());
  setStaff(*attributed);  // the PIN pad offers it first
  return {};
}

Result<void> KioskBackend::signInForScreenshots(const std::string& name) {
  const auto attributed = m_staffService.attributedName(name, "staff");
  if (!attributed) return tl::unexpected(attributed.error());
  const auto member = m_staffService.find(*attributed);
  if (!member) return badInput("staff", member.error().message);
  const std::scoped_lock lock(m_staffMutex);
  m_signedIn = SignedInStaff{member->name, member->role};
  return {};
}

Result<Actor> KioskBackend::actorFor(std::optional<Step> step) {
  const auto signedIn = this->signedIn();
  if (!signedIn) {
    // Accounts may have been added (kioskctl staff add) since the kiosk last looked.
    const auto accounts = lookForAccounts();
    if (!accounts) return tl::unexpected(accounts.error());
    if (*accounts) return refused("nobody is signed in at this station; sign in with your PIN first");
    return Actor{staff(), m_clock.now()};
  }
  // The account as it is now: disabled since the sign-in, or given another role, counts.
  const auto found = m_staffService.find(signedIn->name);
  if (!found && found.error().kind == ErrorKind::Storage) return tl::unexpected(found.error());
  if (!found || found->disabled) {
    // The pad says why, in the sign-in's words: disabled, or (the account gone from the store) no
    // such member, named as they were signed in.
    SignInAnswer why;
    why.verdict = found ? SignInVerdict::Disabled : SignInVerdict::Unknown;
    StaffMember named;
    named.name = signedIn->name;
    named.role = signedIn->role;
    why.member = found ? *found : named;
    signOutBecause(signedIn->name, std::move(why));
    return refused("'" + signedIn->name + "' can no longer sign in (the account is disabled or gone); nothing was saved");
  }
  if (auto may = checkRoleMay(found->name, found->role, step); !may) return tl::unexpected(may.error());
  return Actor{found->name, m_clock.now()};
}

}  // namespace kiosk
