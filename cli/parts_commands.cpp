// kioskctl parts sync: the parts supplier (orders out, arrivals in); and the carrier booking
// behind kioskctl case ship N --book. Both need their gateway in the --config file.
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/case_output.hpp"
#include "cli/commands.hpp"
#include "gateways/carrier_http.hpp"
#include "gateways/parts_supplier_http.hpp"
#include "workflow/parts_desk.hpp"
#include "workflow/return_booking.hpp"

namespace kiosk::cli {
namespace {

Error notConfigured(const std::string& section, const std::string& what) {
  return Error{ErrorKind::BadInput, "config",
               "no [" + section + "] url is configured, so " + what + " (give --config FILE with [" + section +
                   "] url = \"...\"; see gateways/README.md)"};
}

int printActions(Context& ctx, const std::vector<PartsDeskAction>& actions) {
  bool failed = false;
  auto array = nlohmann::json::array();
  for (const auto& a : actions) {
    failed = failed || a.kind == PartsDeskAction::Kind::Failed;
    if (ctx.options.json) {
      array.push_back({{"case", a.caseNumber}, {"action", partsDeskActionName(a.kind)}, {"detail", a.detail}});
    } else {
      ctx.out << a.caseNumber << "  " << partsDeskActionName(a.kind) << "  " << a.detail << '\n';
    }
  }
  if (ctx.options.json) {
    ctx.out << array.dump(2) << '\n';
  } else if (actions.empty()) {
    ctx.out << "no parts order to send or follow\n";
  }
  // Every case was tried; a failed one is tried again on the next sync.
  if (failed) ctx.err << "kioskctl: the parts supplier failed for some cases (see 'failed' above); sync again later\n";
  return failed ? kGatewayFailed : kOk;
}

int syncParts(Context& ctx) {
  auto config = ctx.gatewayConfig();
  if (!config) return ctx.fail(config.error());
  if (!(*config)->parts) return ctx.fail(notConfigured("parts", "parts cannot be ordered from the supplier"));
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  const auto actor = ctx.actor();
  if (!actor) return ctx.fail(actor.error());
  HttpPartsSupplier supplier(*(*config)->parts);
  PartsDesk desk(**store, supplier);
  auto sent = desk.submitOrders(*actor);
  if (!sent) return ctx.fail(sent.error());
  auto polled = desk.pollArrivals(*actor);
  if (!polled) return ctx.fail(polled.error());
  // An order just sent is polled in the same run: a supplier with the parts in stock may say
  // arrived at once.
  sent->insert(sent->end(), polled->begin(), polled->end());
  return printActions(ctx, *sent);
}

}  // namespace

int shipWithBooking(Context& ctx, const std::string& number) {
  auto config = ctx.gatewayConfig();
  if (!config) return ctx.fail(config.error());
  if (!(*config)->carrier) {
    return ctx.fail(notConfigured("carrier", "the return cannot be booked (or give --carrier and --tracking)"));
  }
  auto service = ctx.service();
  if (!service) return ctx.fail(service.error());
  const auto actor = ctx.actor();
  if (!actor) return ctx.fail(actor.error());
  HttpCarrier carrier(*(*config)->carrier);
  return printStepResult(ctx, bookAndShip(**service, carrier, number, *actor));
}

void addPartsCommands(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* parts = app.add_subcommand("parts", "The parts supplier");
  parts->require_subcommand(1);
  CLI::App* sync = parts->add_subcommand(
      "sync", "Send the parts orders not at the supplier yet, then ask after every open order; prints what happened");
  sync->callback([&ctx, &action]() { action = [&ctx]() { return syncParts(ctx); }; });
}

}  // namespace kiosk::cli
