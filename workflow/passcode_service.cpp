#include "workflow/passcode_service.hpp"

#include <algorithm>

#include "workflow/case_number.hpp"
#include "workflow/case_status.hpp"

namespace kiosk {
namespace {

// How many cases one round of sealing looks up: the store is asked again until none is left.
constexpr std::size_t kSealBatch = 200;

// A passcode event never goes before the case's last one: a --at in the past would otherwise
// put it out of order.
LocalTime eventTime(const RepairCase& c, LocalTime at) {
  return c.events.empty() ? at : std::max(at, c.events.back().at);
}

std::string refusalDetail(const SignInAnswer& answer) {
  switch (answer.verdict) {
    case SignInVerdict::Ok: break;
    case SignInVerdict::WrongPin: return "refused: wrong PIN";
    case SignInVerdict::Locked: return "refused: the account is locked after wrong PINs";
    case SignInVerdict::Disabled: return "refused: the account is disabled";
    case SignInVerdict::Unknown: return "refused: no staff account by that name";
  }
  return "refused";
}

}  // namespace

PasscodeService::PasscodeService(CaseStore& cases, PasscodeVault& vault, StaffService& staff, AuditLog* audit)
    : m_cases(cases), m_vault(vault), m_staff(staff), m_audit(audit) {}

const char* passcodeReadOutcome(const PasscodeReadAnswer& answer) {
  switch (answer.verdict) {
    case PasscodeReadVerdict::Read: return "read";
    case PasscodeReadVerdict::NoPasscode: return "no-passcode";
    case PasscodeReadVerdict::NotTechnician: return "not-technician";
    case PasscodeReadVerdict::Refused: break;
  }
  switch (answer.signIn.verdict) {
    case SignInVerdict::WrongPin: return "wrong-pin";
    case SignInVerdict::Locked: return "locked";
    case SignInVerdict::Disabled: return "disabled";
    case SignInVerdict::Unknown: return "unknown";
    case SignInVerdict::Ok: break;
  }
  return "refused";
}

Result<PasscodeReadAnswer> PasscodeService::read(std::string_view number, std::string_view name,
                                                 std::string_view pin, LocalTime at, std::int64_t nowMs) {
  const auto canonical = normalizeCaseNumber(std::string(number));
  if (!canonical) return tl::unexpected(canonical.error());
  // An unknown case is said before any PIN is judged: there is no timeline to record it on.
  if (auto existing = m_cases.load(*canonical); !existing) return tl::unexpected(existing.error());

  auto signIn = m_staff.signIn(name, pin, nowMs);
  if (!signIn) return tl::unexpected(signIn.error());

  PasscodeReadAnswer answer;
  answer.signIn = *signIn;
  std::string staff = signIn->member ? signIn->member->name : std::string(name);
  std::string detail;
  if (signIn->verdict != SignInVerdict::Ok) {
    answer.verdict = PasscodeReadVerdict::Refused;
    detail = refusalDetail(*signIn);
  } else if (!mayRead(signIn->member->role)) {
    answer.verdict = PasscodeReadVerdict::NotTechnician;
    detail = "refused: " + std::string(roleName(signIn->member->role)) + " accounts may not read passcodes";
  }

  auto written = m_cases.update(*canonical, [&](RepairCase& c) -> Result<void> {
    if (detail.empty()) {
      const std::string& kept = c.intake.passcode;
      if (kept.empty()) {
        answer.verdict = PasscodeReadVerdict::NoPasscode;
        detail = isOpen(c.status) ? "asked; the case holds no passcode"
                                  : "asked; the case holds no passcode (erased when it closed)";
      } else {
        // A clear one from before sealing (not yet sealed by sealClearPasscodes) reads as it is.
        auto plain = m_vault.isSealed(kept) ? m_vault.open(kept) : Result<std::string>(kept);
        if (!plain) return tl::unexpected(plain.error());
        answer.verdict = PasscodeReadVerdict::Read;
        answer.passcode = std::move(*plain);
        detail = "read by " + staff;
      }
    }
    c.events.push_back({eventTime(c, at), staff, kPasscodeReadEvent, detail});
    return {};
  });
  if (!written) return tl::unexpected(written.error());
  if (m_audit != nullptr) {
    AuditEntry entry;
    entry.atMs = nowMs;
    // As the sign-in's entry: a name that is no account is not written down.
    if (signIn->member) entry.staff = signIn->member->name;
    entry.kind = kPasscodeReadEntry;
    entry.subject = *canonical;
    entry.detail = passcodeReadOutcome(answer);
    // Not shown unless logged: a read the log does not hold would be a read no one can account for.
    if (auto appended = m_audit->appendAuditEntry(std::move(entry)); !appended) return tl::unexpected(appended.error());
  }
  return answer;
}

namespace {

// One sweep over the cases the store lists (open ones only, or all), until none is left.
Result<std::size_t> sweep(CaseStore& cases, PasscodeStore& passcodes, PasscodeVault& vault, const Actor& actor,
                          bool openOnly) {
  std::size_t changed = 0;
  for (;;) {
    auto numbers = passcodes.casesWithClearPasscodes(kSealBatch, openOnly);
    if (!numbers) return tl::unexpected(numbers.error());
    if (numbers->empty()) return changed;
    std::size_t changedNow = 0;
    for (const std::string& number : *numbers) {
      bool wrote = false;
      auto updated = cases.update(number, [&](RepairCase& c) -> Result<void> {
        // Judged again inside the transaction: another station may have sealed it since.
        std::string& kept = c.intake.passcode;
        if (kept.empty() || vault.isSealed(kept)) return {};
        if (!isOpen(c.status)) {
          kept.clear();
          c.events.push_back({eventTime(c, actor.at), actor.staff, kPasscodeErasedEvent,
                              "the passcode kept in clear before passcodes were sealed is erased: the case is closed"});
        } else {
          auto sealed = vault.seal(kept);
          if (!sealed) return tl::unexpected(sealed.error());
          kept = std::move(*sealed);
          c.events.push_back({eventTime(c, actor.at), actor.staff, kPasscodeSealedEvent,
                              "the passcode kept in clear before passcodes were sealed is now sealed"});
        }
        wrote = true;
        return {};
      });
      if (!updated) return tl::unexpected(updated.error());
      if (wrote) ++changedNow;
    }
    changed += changedNow;
    // Nothing changed in a whole round: what the store still lists is not ours to seal (it
    // would be listed forever), so stop rather than loop.
    if (changedNow == 0) return changed;
  }
}

}  // namespace

Result<std::size_t> sealClearPasscodes(CaseStore& cases, PasscodeStore& passcodes, PasscodeVault& vault,
                                       const Actor& actor) {
  auto open = sweep(cases, passcodes, vault, actor, /*openOnly=*/true);
  if (!open || *open == 0) return open;
  auto all = sweep(cases, passcodes, vault, actor, /*openOnly=*/false);
  if (!all) return all;
  return *open + *all;
}

}  // namespace kiosk
