// kioskctl staff ...: the staff accounts. add, list, disable, enable, unlock, pin (a new PIN), and
// check (a sign-in with a PIN, for scripts and tests: the kiosk's PIN pad does the same). Every
// --pin takes "-" for standard input (cli/pin_input.hpp). A PIN is read
// only to be hashed or judged: it is never printed, nor is its hash.
#include <memory>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "workflow/outbox.hpp"
#include "workflow/outbox_relay.hpp"

namespace kiosk::cli {
namespace {

struct StaffOptions {
  std::string name, role, pin, newPin;
};

nlohmann::json memberJson(const StaffMember& m, std::int64_t nowMs) {
  const bool locked = isLocked(m, nowMs);
  return {{"name", m.name},
          {"role", std::string(roleName(m.role))},
          {"disabled", m.disabled},
          {"locked", locked},
          // UTC ("2026-11-24T08:15:00.000Z"); "" when not locked.
          {"locked_until", locked ? formatUtcMs(*m.lockedUntilMs) : std::string()},
          // Wrong PINs since the last right one; a lock that has ended starts the count again.
          {"wrong_pins", m.lockedUntilMs && !locked ? 0 : m.failedPins}};
}

// One line a member: name, role, and "disabled" or "locked until ..." when so.
void printMemberLine(Context& ctx, const StaffMember& m, std::int64_t nowMs) {
  ctx.out << m.name << "  " << roleName(m.role);
  if (m.disabled) ctx.out << "  disabled";
  if (isLocked(m, nowMs)) ctx.out << "  locked until " << formatUtcMs(*m.lockedUntilMs);
  ctx.out << '\n';
}

int printMember(Context& ctx, const Result<StaffMember>& member) {
  if (!member) return ctx.fail(member.error());
  const std::int64_t now = systemUtcMs();
  if (ctx.options.json) {
    ctx.out << memberJson(*member, now).dump(2) << '\n';
  } else {
    printMemberLine(ctx, *member, now);
  }
  return kOk;
}

int listStaff(Context& ctx) {
  auto staff = ctx.staff();
  if (!staff) return ctx.fail(staff.error());
  const auto members = (*staff)->list();
  if (!members) return ctx.fail(members.error());
  const std::int64_t now = systemUtcMs();
  if (ctx.options.json) {
    auto array = nlohmann::json::array();
    for (const auto& m : *members) array.push_back(memberJson(m, now));
    ctx.out << array.dump(2) << '\n';
    return kOk;
  }
  for (const auto& m : *members) printMemberLine(ctx, m, now);
  return kOk;
}

// A change to accounts: `--staff`, when given, must name an admin once accounts exist.
template <class Change>
int changeStaff(Context& ctx, Change change) {
  auto staff = ctx.staff();
  if (!staff) return ctx.fail(staff.error());
  if (!ctx.options.staff.empty()) {
    const auto admin = (*staff)->adminName(ctx.options.staff);
    if (!admin) return ctx.fail(admin.error());
  }
  return printMember(ctx, change(**staff));
}

// A sign-in's verdict as JSON ("result") and in words; "ok NAME ROLE" when it was right.
struct VerdictText {
  nlohmann::json json;
  std::string words;
};

VerdictText verdictText(const SignInAnswer& answer, const std::string& name) {
  switch (answer.verdict) {
    case SignInVerdict::Ok: {
      const std::string role(roleName(answer.member->role));
      return {{{"result", "ok"}, {"name", answer.member->name}, {"role", role}},
              "ok " + answer.member->name + " " + role};
    }
    case SignInVerdict::WrongPin:
      return {{{"result", "wrong"}, {"pins_left", answer.pinsLeft}},
              "wrong PIN; " + std::to_string(answer.pinsLeft) + " more wrong PINs lock the account"};
    case SignInVerdict::Locked: {
      const std::string until = formatUtcMs(answer.lockedUntilMs.value_or(0));
      return {{{"result", "locked"}, {"locked_until", until}},
              "locked after too many wrong PINs, until " + until + " (or an admin's staff unlock)"};
    }
    case SignInVerdict::Disabled:
      return {{{"result", "disabled"}}, "disabled"};
    case SignInVerdict::Unknown:
      break;
  }
  return {{{"result", "unknown"}}, "no staff member is called '" + name + "'"};
}

// staff check: ok (exit 0), or wrong, locked, disabled, unknown (exit 1); a PIN that is not 6+
// digits is bad input naming --pin (2), and not counted.
int checkPin(Context& ctx, const StaffOptions& o) {
  auto staff = ctx.staff();
  if (!staff) return ctx.fail(staff.error());
  const auto pin = ctx.pinOption(o.pin);
  if (!pin) return ctx.fail(pin.error());
  const auto answer = (*staff)->signIn(o.name, *pin, systemUtcMs());
  if (!answer) return ctx.fail(answer.error());
  const VerdictText text = verdictText(*answer, o.name);
  const bool ok = answer->verdict == SignInVerdict::Ok;
  if (ctx.options.json) {
    ctx.out << text.json.dump(2) << '\n';
  } else if (ok) {
    ctx.out << text.words << '\n';
  }
  if (!ok) ctx.err << "kioskctl: " << text.words << '\n';
  return ok ? kOk : kRefused;
}

// staff pin NAME --pin P --new-pin N: P is NAME's current PIN, or with --staff ADMIN that
// admin's. Both "-": --pin is the first line of standard input, --new-pin the second.
int changePin(Context& ctx, const StaffOptions& o) {
  auto staff = ctx.staff();
  if (!staff) return ctx.fail(staff.error());
  const auto pin = ctx.pinOption(o.pin, "pin");
  if (!pin) return ctx.fail(pin.error());
  const auto newPin = ctx.pinOption(o.newPin, "new-pin");
  if (!newPin) return ctx.fail(newPin.error());
  const std::string& by = ctx.options.staff.empty() ? o.name : ctx.options.staff;
  const auto answer = (*staff)->changePin(o.name, *newPin, by, *pin, systemUtcMs());
  if (!answer) return ctx.fail(answer.error());
  if (answer->verdict != SignInVerdict::Ok) {
    const VerdictText text = verdictText(*answer, by);
    if (ctx.options.json) ctx.out << text.json.dump(2) << '\n';
    ctx.err << "kioskctl: " << (by == o.name ? "" : by + ": ") << text.words << "; the PIN was not changed\n";
    return kRefused;
  }
  if (ctx.options.json) {
    ctx.out << nlohmann::json{{"result", "changed"}, {"name", answer->member->name}}.dump(2) << '\n';
  } else {
    ctx.out << "PIN changed for " << answer->member->name << '\n';
  }
  return kOk;
}

}  // namespace

void addStaffCommands(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* staff = app.add_subcommand("staff", "Staff accounts: roles, PINs, lockout");
  staff->require_subcommand(1);
  auto o = std::make_shared<StaffOptions>();

  CLI::App* add = staff->add_subcommand("add", "Add a staff member (PIN: 6 or more digits, kept only as a hash)");
  add->add_option("--name", o->name, "Name, unique in any letter case")->required();
  add->add_option("--role", o->role, "counter, technician or admin")->required();
  add->add_option("--pin", o->pin, "6 or more digits; - reads it from standard input")->required();
  add->callback([&ctx, &action, o]() {
    action = [&ctx, o]() {
      const auto pin = ctx.pinOption(o->pin);
      if (!pin) return ctx.fail(pin.error());
      return changeStaff(ctx, [o, &pin](StaffService& s) { return s.add(o->name, o->role, *pin); });
    };
  });

  CLI::App* list = staff->add_subcommand("list", "Every staff member: name, role, disabled, locked (no PINs)");
  list->callback([&ctx, &action]() { action = [&ctx]() { return listStaff(ctx); }; });

  // NAME as an argument, or as --name.
  const auto named = [&](const char* command, const char* description, auto run) {
    CLI::App* sub = staff->add_subcommand(command, description);
    sub->add_option("name,--name", o->name, "The staff member's name")->required();
    sub->callback([&ctx, &action, o, run]() {
      action = [&ctx, o, run]() { return changeStaff(ctx, [o, run](StaffService& s) { return run(s, o->name); }); };
    });
  };
  named("disable", "Disable an account: it can no longer sign in or name events",
        [](StaffService& s, const std::string& n) { return s.disable(n); });
  named("enable", "Enable a disabled account again", [](StaffService& s, const std::string& n) { return s.enable(n); });
  named("unlock", "Unlock an account locked by wrong PINs (an admin's task)",
        [](StaffService& s, const std::string& n) { return s.unlock(n); });

  CLI::App* check = staff->add_subcommand("check", "Sign in with a PIN: ok (exit 0), wrong, locked, disabled (exit 1)");
  check->add_option("--name", o->name, "The staff member's name")->required();
  check->add_option("--pin", o->pin, "The PIN; - reads it from standard input")->required();
  check->callback([&ctx, &action, o]() { action = [&ctx, o]() { return checkPin(ctx, *o); }; });

  CLI::App* pin = staff->add_subcommand(
      "pin", "Change a PIN: the member's own current PIN, or an admin's (--staff ADMIN) PIN, proves it");
  pin->add_option("name,--name", o->name, "Whose PIN")->required();
  pin->add_option("--pin", o->pin,
                  "NAME's current PIN, or with --staff ADMIN that admin's; - reads it from standard input")
      ->required();
  pin->add_option("--new-pin", o->newPin, "The new PIN, 6 or more digits; - reads it from standard input (after "
                                          "--pin's line when both are -)")
      ->required();
  pin->callback([&ctx, &action, o]() { action = [&ctx, o]() { return changePin(ctx, *o); }; });
}

}  // namespace kiosk::cli
