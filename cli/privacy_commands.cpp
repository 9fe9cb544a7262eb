// kioskctl privacy ...: personal data (GDPR, issue 8). export gives a customer everything held
// about them, as JSON (the passcode is never in it: has_passcode only); purge erases the personal
// data of cases closed before a day, or before the retention period of --config.
#include <memory>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/case_json.hpp"
#include "cli/commands.hpp"
#include "workflow/privacy.hpp"

namespace kiosk::cli {
namespace {

struct PrivacyOptions {
  std::string customer;
  std::string closedBefore;
  bool retention = false;
  bool dryRun = false;
};

int exportCustomer(Context& ctx, const PrivacyOptions& o) {
  // Who asks is checked before anything is read: once staff accounts exist, --staff must name an
  // enabled one.
  auto actor = ctx.actor();
  if (!actor) return ctx.fail(actor.error());
  auto service = ctx.service();
  if (!service) return ctx.fail(service.error());
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  PrivacyService privacy(**store, **store, *store);
  const auto exported = privacy.exportCustomer(o.customer, actor->staff);
  if (!exported) return ctx.fail(exported.error());
  nlohmann::json customer = exported->key.mobile.empty() ? nlohmann::json{{"email", exported->key.email}}
                                                           : nlohmann::json{{"mobile", exported->key.mobile}};
  auto cases = nlohmann::json::array();
  for (const RepairCase& c : exported->cases) {
    cases.push_back(caseDetailJson(c, (*service)->vendorOf(c), actor->at));
  }
  auto messages = nlohmann::json::array();
  for (const OutboxMessage& m : exported->messages) messages.push_back(outboxJson(m));
  const nlohmann::json out{{"customer", customer},
                           {"exported_at", formatLocalTime(actor->at)},
                           {"cases", cases},
                           {"messages", messages}};
  ctx.out << out.dump(2) << '\n';
  return kOk;
}

// --closed-before DAY, or --retention: today less [privacy] retain_closed_days of --config.
Result<Date> purgeDay(Context& ctx, const PrivacyOptions& o, LocalTime now) {
  if (o.retention == !o.closedBefore.empty()) {
    return badInput("closed-before", "give either --closed-before YYYY-MM-DD or --retention");
  }
  if (!o.retention) return dateOption("closed-before", o.closedBefore);
  auto config = ctx.gatewayConfig();
  if (!config) return tl::unexpected(config.error());
  if (!(*config)->retainClosedDays) {
    return badInput("privacy.retain_closed_days", "is not set in --config (or KIOSK_CONFIG); --retention purges by it");
  }
  return retentionCutoff(dateOf(now), *(*config)->retainClosedDays);
}

int purgeCases(Context& ctx, const PrivacyOptions& o) {
  auto actor = ctx.actor();
  if (!actor) return ctx.fail(actor.error());
  const auto day = purgeDay(ctx, o, actor->at);
  if (!day) return ctx.fail(day.error());
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  PrivacyService privacy(**store, **store, *store);
  PurgeRequest request;
  request.closedBefore = *day;
  request.dryRun = o.dryRun;
  request.actor = *actor;
  const auto report = privacy.purge(request);
  if (!report) return ctx.fail(report.error());
  const PurgeCounts& c = report->counts;
  if (ctx.options.json) {
    nlohmann::json j{{"closed_before", formatDate(report->closedBefore)}, {"dry_run", report->dryRun}, {"cases", c.cases}};
    if (!report->dryRun) {
      j["events"] = c.events;
      j["messages"] = c.messages;
      j["lookup_attempts"] = c.lookupAttempts;
    }
    ctx.out << j.dump(2) << '\n';
    return kOk;
  }
  const std::string cases = std::to_string(c.cases.size()) + (c.cases.size() == 1 ? " case" : " cases");
  if (report->dryRun) {
    ctx.out << "would purge " << cases << " closed before " << formatDate(report->closedBefore) << '\n';
  } else {
    ctx.out << "purged " << cases << " closed before " << formatDate(report->closedBefore) << " (" << c.events
            << " event details, " << c.messages << " messages, " << c.lookupAttempts << " lookup counts)\n";
  }
  for (const auto& number : c.cases) ctx.out << number << '\n';
  return kOk;
}

}  // namespace

void addPrivacyCommands(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* privacy = app.add_subcommand("privacy", "Personal data: a customer's export, the purge of closed cases");
  privacy->require_subcommand(1);
  auto o = std::make_shared<PrivacyOptions>();

  CLI::App* exported = privacy->add_subcommand(
      "export", "Everything held about a customer, as JSON: cases, timelines, messages, customer codes");
  exported->add_option("--customer", o->customer, "The customer's mobile number or e-mail address")->required();
  exported->callback([&ctx, &action, o]() { action = [&ctx, o]() { return exportCustomer(ctx, *o); }; });

  CLI::App* purge = privacy->add_subcommand(
      "purge", "Erase the personal data of cases closed before a day; keeps what the statistics need");
  purge->add_option("--closed-before", o->closedBefore, "Cases closed before this day, YYYY-MM-DD");
  purge->add_flag("--retention", o->retention, "Cases closed before today less [privacy] retain_closed_days of --config");
  purge->add_flag("--dry-run", o->dryRun, "Only list the cases it would purge");
  purge->callback([&ctx, &action, o]() { action = [&ctx, o]() { return purgeCases(ctx, *o); }; });
}

}  // namespace kiosk::cli
