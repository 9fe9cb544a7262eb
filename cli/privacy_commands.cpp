// kioskctl privacy ...: personal data (GDPR, issue 8). export gives a customer everything held
// about them, as JSON. The passcode is never in it (has_passcode only).
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
  PrivacyService privacy(**store, **store);
  const auto exported = privacy.exportCustomer(o.customer);
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

}  // namespace

void addPrivacyCommands(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* privacy = app.add_subcommand("privacy", "Personal data: a customer's export");
  privacy->require_subcommand(1);
  auto o = std::make_shared<PrivacyOptions>();

  CLI::App* exported = privacy->add_subcommand(
      "export", "Everything held about a customer, as JSON: cases, timelines, messages, customer codes");
  exported->add_option("--customer", o->customer, "The customer's mobile number or e-mail address")->required();
  exported->callback([&ctx, &action, o]() { action = [&ctx, o]() { return exportCustomer(ctx, *o); }; });
}

}  // namespace kiosk::cli
