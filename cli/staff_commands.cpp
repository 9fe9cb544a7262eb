// kioskctl staff ...: the staff accounts. add, list, disable, enable, unlock, and check (a
// sign-in with a PIN, for scripts and tests: the kiosk's PIN pad does the same). A PIN is read
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
  std::string name, role, pin;
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

// staff check: ok (exit 0), or wrong, locked, disabled, unknown (exit 1); a PIN that is not 6+
// digits is bad input naming --pin (2), and not counted.
int checkPin(Context& ctx, const StaffOptions& o) {
  auto staff = ctx.staff();
  if (!staff) return ctx.fail(staff.error());
  const auto answer = (*staff)->signIn(o.name, o.pin, systemUtcMs());
  if (!answer) return ctx.fail(answer.error());
  nlohmann::json json;
  std::string words;
  switch (answer->verdict) {
    case SignInVerdict::Ok:
      json = {{"result", "ok"}, {"name", answer->member->name}, {"role", std::string(roleName(answer->member->role))}};
      words = "ok " + answer->member->name + " " + std::string(roleName(answer->member->role));
      break;
    case SignInVerdict::WrongPin:
      json = {{"result", "wrong"}, {"pins_left", answer->pinsLeft}};
      words = "wrong PIN; " + std::to_string(answer->pinsLeft) + " more wrong PINs lock the account";
      break;
    case SignInVerdict::Locked:
      json = {{"result", "locked"}, {"locked_until", formatUtcMs(answer->lockedUntilMs.value_or(0))}};
      words = "locked after too many wrong PINs, until " + formatUtcMs(answer->lockedUntilMs.value_or(0)) +
              " (or an admin's staff unlock)";
      break;
    case SignInVerdict::Disabled:
      json = {{"result", "disabled"}};
      words = "disabled";
      break;
    case SignInVerdict::Unknown:
      json = {{"result", "unknown"}};
      words = "no staff member is called '" + o.name + "'";
      break;
  }
  const bool ok = answer->verdict == SignInVerdict::Ok;
  if (ctx.options.json) {
    ctx.out << json.dump(2) << '\n';
  } else if (ok) {
    ctx.out << words << '\n';
  }
  if (!ok) ctx.err << "kioskctl: " << words << '\n';
  return ok ? kOk : kRefused;
}

}  // namespace

void addStaffCommands(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* staff = app.add_subcommand("staff", "Staff accounts: roles, PINs, lockout");
  staff->require_subcommand(1);
  auto o = std::make_shared<StaffOptions>();

  CLI::App* add = staff->add_subcommand("add", "Add a staff member (PIN: 6 or more digits, kept only as a hash)");
  add->add_option("--name", o->name, "Name, unique in any letter case")->required();
  add->add_option("--role", o->role, "counter, technician or admin")->required();
  add->add_option("--pin", o->pin, "6 or more digits")->required();
  add->callback([&ctx, &action, o]() {
    action = [&ctx, o]() {
      return changeStaff(ctx, [o](StaffService& s) { return s.add(o->name, o->role, o->pin); });
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
  check->add_option("--pin", o->pin, "The PIN")->required();
  check->callback([&ctx, &action, o]() { action = [&ctx, o]() { return checkPin(ctx, *o); }; });
}

}  // namespace kiosk::cli
