// kioskctl case passcode N --staff NAME --pin PIN|-: a device's passcode, for a technician with
// their own PIN, one case at a time. The PIN is judged by a sign-in (StaffService::signIn), so a
// wrong one counts toward the account's lock; every attempt, read or refused, goes on the case's
// timeline (workflow/passcode_service.hpp). The passcode is printed on standard output and
// nowhere else; the PIN never.
#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "workflow/outbox_relay.hpp"

namespace kiosk::cli {
namespace {

struct PasscodeOptions {
  std::string number, pin;
};

// Why a read was refused, in words (stderr; the event on the case says it too).
std::string refusal(const PasscodeReadAnswer& answer, const std::string& number) {
  switch (answer.verdict) {
    case PasscodeReadVerdict::Read: break;
    case PasscodeReadVerdict::NotTechnician:
      return "only a technician reads passcodes; " + answer.signIn.member->name + " is " +
             std::string(roleName(answer.signIn.member->role));
    case PasscodeReadVerdict::NoPasscode: return "case " + number + " holds no passcode (none was given, or it was erased when the case closed)";
    case PasscodeReadVerdict::Refused: break;
  }
  switch (answer.signIn.verdict) {
    case SignInVerdict::Ok: break;
    case SignInVerdict::WrongPin:
      return "wrong PIN; " + std::to_string(answer.signIn.pinsLeft) + " more wrong PINs lock the account";
    case SignInVerdict::Locked:
      return "locked after too many wrong PINs, until " + formatUtcMs(answer.signIn.lockedUntilMs.value_or(0)) +
             " (or an admin's staff unlock)";
    case SignInVerdict::Disabled: return "the account is disabled";
    case SignInVerdict::Unknown: return "no staff member by that name";
  }
  return "refused";
}

int readPasscode(Context& ctx, const PasscodeOptions& o) {
  if (ctx.options.staff.find_first_not_of(" \t") == std::string::npos) {
    return ctx.fail(Error{ErrorKind::BadInput, "staff", "name the technician who reads the passcode (with their --pin)"});
  }
  auto pin = ctx.pinOption(o.pin);
  if (!pin) return ctx.fail(pin.error());
  const auto at = ctx.asOf();
  if (!at) return ctx.fail(at.error());
  auto service = ctx.service();  // opens the store and seals what an older program left in clear
  if (!service) return ctx.fail(service.error());
  auto passcodes = ctx.passcodes();
  if (!passcodes) return ctx.fail(passcodes.error());
  const auto answer = (*passcodes)->read(o.number, ctx.options.staff, *pin, *at, systemUtcMs());
  if (!answer) return ctx.fail(answer.error());
  if (answer->verdict != PasscodeReadVerdict::Read) {
    ctx.err << "kioskctl: " << refusal(*answer, o.number) << '\n';
    return kRefused;
  }
  ctx.out << answer->passcode << '\n';
  return kOk;
}

}  // namespace

void addPasscodeCommand(CLI::App& cases, Context& ctx, Action& action) {
  auto o = std::make_shared<PasscodeOptions>();
  CLI::App* sub = cases.add_subcommand(
      "passcode", "A device's passcode, for a technician (--staff NAME) with their own PIN; every read is logged");
  sub->add_option("number", o->number, "Case number")->required();
  sub->add_option("--pin", o->pin, "The technician's PIN, or - to read it from standard input (preferred)")->required();
  sub->callback([&ctx, &action, o]() { action = [&ctx, o] { return readPasscode(ctx, *o); }; });
}

}  // namespace kiosk::cli
