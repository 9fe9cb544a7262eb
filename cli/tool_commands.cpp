#include <memory>
#include <ostream>

#include "cli/case_json.hpp"
#include "cli/commands.hpp"
#include "workflow/demo_cases.hpp"
#include "workflow/field_rules.hpp"
#include "workflow/working_days.hpp"

namespace kiosk::cli {
namespace {

struct WarrantyOptions {
  std::string vendor, family, purchased, seller = "other", country = "NO", on, damage, aceUntil, contractUntil;
};

int warrantyCheck(Context& ctx, WarrantyOptions o) {
  o.vendor = keyword(o.vendor);
  o.family = keyword(o.family);
  o.seller = keyword(o.seller);

  auto vendors = ctx.vendors();
  if (!vendors) return ctx.fail(vendors.error());
  const auto vendor = (*vendors)->resolve(o.vendor, o.family);
  if (!vendor) return ctx.fail(vendor.error());
  const auto purchased = dateOption("purchased", o.purchased);
  if (!purchased) return ctx.fail(purchased.error());
  const auto on = dateOption("on", o.on);
  if (!on) return ctx.fail(on.error());
  if (date::sys_days{*on} < date::sys_days{*purchased}) {
    return ctx.fail(Error{ErrorKind::BadInput, "on", o.on + " is before the purchase date " + o.purchased});
  }
  const auto damage = parseDamage(o.damage);
  if (!damage) return ctx.fail(damage.error());
  const auto ace = optionalDateOption("ace-until", o.aceUntil);
  if (!ace) return ctx.fail(ace.error());
  const auto contract = optionalDateOption("contract-until", o.contractUntil);
  if (!contract) return ctx.fail(contract.error());
  const auto country = normalizeCountry("country", o.country);
  if (!country) return ctx.fail(country.error());
  if (o.seller != "atea" && o.seller != "other") {
    return ctx.fail(Error{ErrorKind::BadInput, "seller", "'" + o.seller + "' is neither 'atea' nor 'other'"});
  }
  const WarrantyQuery q{o.family, *purchased, o.seller, *country, *on, *damage, *ace, *contract};
  ctx.out << warrantyJson(decideWarranty(**vendor, q)).dump(2) << '\n';
  return kOk;
}

struct WorkdaysOptions {
  int year = 0;
  std::string day;
  int count = 0;
};

int printHolidays(Context& ctx, int year) {
  if (year < kFirstCalendarYear || year > kLastCalendarYear) {
    return ctx.fail(Error{ErrorKind::BadInput, "year",
                          std::to_string(year) + " is outside the calendar's years 1900-2200"});
  }
  for (const auto& h : norwegianHolidays(year)) ctx.out << formatDate(h.day) << '\t' << h.name << '\n';
  return kOk;
}

int printAddedDays(Context& ctx, const WorkdaysOptions& o) {
  const auto day = dateOption("date", o.day);
  if (!day) return ctx.fail(day.error());
  const auto year = static_cast<int>(day->year());
  if (year < kFirstCalendarYear || year > kLastCalendarYear || o.count > 100000 || o.count < -100000) {
    return ctx.fail(Error{ErrorKind::BadInput, "date", "dates and results stay within 1900-2200"});
  }
  ctx.out << formatDate(addWorkingDays(*day, o.count)) << '\n';
  return kOk;
}

}  // namespace

void addWarrantyCommands(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* warranty = app.add_subcommand("warranty", "Warranty decisions");
  warranty->require_subcommand(1);
  auto o = std::make_shared<WarrantyOptions>();
  CLI::App* check = warranty->add_subcommand("check", "The warranty decision for a device, as JSON");
  check->add_option("--vendor", o->vendor, "apple, hp or lenovo")->required();
  check->add_option("--family", o->family, "Device family")->required();
  check->add_option("--purchased", o->purchased, "Purchase date YYYY-MM-DD")->required();
  check->add_option("--seller", o->seller, "atea or other (default other)");
  check->add_option("--country", o->country, "Country of purchase (default NO)");
  check->add_option("--on", o->on, "The day the fault was reported")->required();
  check->add_option("--damage", o->damage, "liquid, impact or cracked-screen");
  check->add_option("--ace-until", o->aceUntil, "AppleCare for Enterprise end date");
  check->add_option("--contract-until", o->contractUntil, "Service contract end date (HP)");
  check->callback([&ctx, &action, o]() { action = [&ctx, o]() { return warrantyCheck(ctx, *o); }; });
}

void addWorkdaysCommands(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* workdays = app.add_subcommand("workdays", "Norwegian working days and public holidays");
  workdays->require_subcommand(1);
  auto o = std::make_shared<WorkdaysOptions>();
  CLI::App* holidays = workdays->add_subcommand("holidays", "The public holidays of a year");
  holidays->add_option("year", o->year, "Year")->required();
  holidays->callback([&ctx, &action, o]() { action = [&ctx, o]() { return printHolidays(ctx, o->year); }; });
  CLI::App* add = workdays->add_subcommand("add", "The date N working days after DATE");
  add->add_option("date", o->day, "YYYY-MM-DD")->required();
  add->add_option("n", o->count, "Working days (may be negative)")->required();
  add->callback([&ctx, &action, o]() { action = [&ctx, o]() { return printAddedDays(ctx, *o); }; });
}

void addDemoCommand(CLI::App& app, Context& ctx, Action& action) {
  auto count = std::make_shared<int>(40);
  CLI::App* demo = app.add_subcommand("demo", "Fill the database with realistic cases in every status");
  demo->add_option("--cases", *count, "How many cases (default 40)")->check(CLI::Range(1, 2000000));
  demo->callback([&ctx, &action, count]() {
    action = [&ctx, count]() {
      auto service = ctx.serviceWithoutMessages();
      if (!service) return ctx.fail(service.error());
      const auto actor = ctx.actor();
      if (!actor) return ctx.fail(actor.error());
      const auto made = fillWithDemoCases(**service, static_cast<std::size_t>(*count), actor->at);
      if (!made) return ctx.fail(made.error());
      ctx.err << "kioskctl: " << *made << " demo cases added to " << ctx.databaseLocation() << '\n';
      return static_cast<int>(kOk);
    };
  });
}

}  // namespace kiosk::cli
