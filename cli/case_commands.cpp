#include <memory>
#include <ostream>

#include "cli/case_output.hpp"
#include "cli/commands.hpp"
#include "workflow/field_rules.hpp"

namespace kiosk::cli {
namespace {

CLI::App* addStep(CLI::App& parent, const char* name, const char* help, std::string& number) {
  CLI::App* sub = parent.add_subcommand(name, help);
  sub->add_option("number", number, "Case number")->required();
  return sub;
}

struct NewCaseOptions {
  IntakeForm form;
  std::string purchased, aceUntil, contractUntil;
};

void addNewCommand(CLI::App& cases, Context& ctx, Action& action) {
  auto o = std::make_shared<NewCaseOptions>();
  IntakeForm& f = o->form;
  CLI::App* sub = cases.add_subcommand("new", "Register a case at intake; prints its number");
  // Product, mobile, address and fault are required by the vendor profiles (assets/vendors),
  // not here, so a service centre can change what its vendors need without a new build.
  sub->add_option("--vendor", f.vendor, "apple, hp or lenovo")->required();
  sub->add_option("--family", f.family, "Device family: mac, ipad, iphone, laptop, printer, ...")->required();
  sub->add_option("--serial", f.serial, "Serial number")->required();
  sub->add_option("--product", f.product, "Product name");
  sub->add_option("--purchased", o->purchased, "Purchase date YYYY-MM-DD")->required();
  sub->add_option("--seller", f.seller, "atea (bought from us) or other")->required();
  sub->add_option("--country", f.country, "Country of purchase (default NO)");
  sub->add_option("--ace-until", o->aceUntil, "AppleCare for Enterprise end date");
  sub->add_option("--contract-until", o->contractUntil, "Service contract end date (HP)");
  sub->add_option("--customer", f.customer, "Customer name")->required();
  sub->add_option("--mobile", f.mobile, "Customer mobile");
  sub->add_option("--email", f.email, "Customer e-mail");
  sub->add_option("--address", f.address, "Service location the device returns to");
  sub->add_option("--ecase", f.ecase, "The customer's original order case no. (E-sak)");
  sub->add_option("--invoice", f.invoice, "Invoice number");
  sub->add_option("--order", f.order, "Order number");
  sub->add_option("--fault", f.fault, "Fault description");
  sub->add_option("--passcode", f.passcode, "Device password or PIN (never printed)");
  sub->add_option("--channel", f.channel, "counter, phone, email, web, letter or abroad");
  sub->add_option("--agreement", f.agreement, "Service agreement number (default: the vendor's)");
  sub->add_option("--accessories", f.accessories, "What was handed in with it");
  sub->add_option("--condition", f.condition, "Visible condition at hand-in");
  sub->add_option("--shelf", f.shelf, "Shelf where it waits");
  sub->add_option("--second-case", f.secondCaseReason, "Open a second case for a device that has one; the reason");
  sub->callback([&ctx, &action, o]() {
    action = [&ctx, o]() {
      auto purchased = dateOption("purchased", o->purchased);
      if (!purchased) return ctx.fail(purchased.error());
      o->form.purchased = *purchased;
      auto ace = optionalDateOption("ace-until", o->aceUntil);
      if (!ace) return ctx.fail(ace.error());
      o->form.aceUntil = *ace;
      auto contract = optionalDateOption("contract-until", o->contractUntil);
      if (!contract) return ctx.fail(contract.error());
      o->form.contractUntil = *contract;
      auto service = ctx.service();
      if (!service) return ctx.fail(service.error());
      const auto actor = ctx.actor();
      if (!actor) return ctx.fail(actor.error());
      const auto created = (*service)->registerCase(o->form, *actor);
      if (!created) return ctx.fail(created.error());
      ctx.out << created->number << '\n';
      return static_cast<int>(kOk);
    };
  });
}

struct StepOptions {
  std::string number, finding, damage, amount, via, carrier, tracking, acceptedBy;
  std::vector<std::string> parts;
  bool boughtNew = false;
  bool book = false;
};

// Runs a step on the case named by the options' number with the global --at/--staff. The
// options are shared with the action so they outlive the parse.
template <class Run>
Action stepAction(Context& ctx, std::shared_ptr<StepOptions> o, Run run) {
  return [&ctx, o, run]() {
    auto service = ctx.service();
    if (!service) return ctx.fail(service.error());
    const auto actor = ctx.actor();
    if (!actor) return ctx.fail(actor.error());
    return printStepResult(ctx, run(**service, o->number, *actor));
  };
}

void addStepCommands(CLI::App& cases, Context& ctx, Action& action) {
  auto o = std::make_shared<StepOptions>();
  const auto on = [&action](CLI::App* sub, Action run) { sub->callback([&action, run]() { action = run; }); };

  CLI::App* diagnose = addStep(cases, "diagnose", "Record the technician's finding", o->number);
  diagnose->add_option("--finding", o->finding, "What is wrong")->required();
  diagnose->add_option("--damage", o->damage, "liquid, impact or cracked-screen");
  on(diagnose, stepAction(ctx, o, [o](CaseService& s, const std::string& n, const Actor& a) -> Result<RepairCase> {
    const auto damage = parseDamage(o->damage);
    if (!damage) return tl::unexpected(damage.error());
    return s.diagnose(n, o->finding, *damage, a);
  }));

  on(addStep(cases, "decide", "Record the warranty decision", o->number),
     stepAction(ctx, o, [](CaseService& s, const std::string& n, const Actor& a) { return s.decide(n, a); }));

  CLI::App* quote = addStep(cases, "quote", "Give the customer a price estimate", o->number);
  quote->add_option("--amount-nok", o->amount, "Amount in NOK")->required();
  on(quote, stepAction(ctx, o, [o](CaseService& s, const std::string& n, const Actor& a) -> Result<RepairCase> {
    const auto amount = parseNok("amount-nok", o->amount);
    if (!amount) return tl::unexpected(amount.error());
    return s.quote(n, *amount, a);
  }));

  CLI::App* inform = addStep(cases, "inform", "Record that the customer was told the news", o->number);
  inform->add_option("--via", o->via, "sms, email or phone")->required();
  on(inform, stepAction(ctx, o, [o](CaseService& s, const std::string& n, const Actor& a) {
    return s.inform(n, o->via, a);
  }));

  on(addStep(cases, "approve", "The customer approves the quote", o->number),
     stepAction(ctx, o, [](CaseService& s, const std::string& n, const Actor& a) { return s.approve(n, a); }));

  CLI::App* decline = addStep(cases, "decline", "The customer declines the quote", o->number);
  decline->add_flag("--bought-new", o->boughtNew, "The customer buys a new unit instead");
  on(decline, stepAction(ctx, o, [o](CaseService& s, const std::string& n, const Actor& a) {
    return s.decline(n, o->boughtNew, a);
  }));

  CLI::App* order = addStep(cases, "order-parts", "Order parts or a swap unit", o->number);
  order->add_option("--part", o->parts, "A part (repeat for more)")->required();
  on(order, stepAction(ctx, o, [o](CaseService& s, const std::string& n, const Actor& a) {
    return s.orderParts(n, o->parts, a);
  }));

  on(addStep(cases, "receive-parts", "The ordered parts arrived", o->number),
     stepAction(ctx, o, [](CaseService& s, const std::string& n, const Actor& a) { return s.receiveParts(n, a); }));
  on(addStep(cases, "repaired", "The repair is done (bench or on site)", o->number),
     stepAction(ctx, o, [](CaseService& s, const std::string& n, const Actor& a) { return s.markRepaired(n, a); }));
  on(addStep(cases, "dispatch", "Send to the on-site service partner", o->number),
     stepAction(ctx, o, [](CaseService& s, const std::string& n, const Actor& a) { return s.dispatch(n, a); }));

  CLI::App* ship = addStep(cases, "ship", "Ship the device back", o->number);
  CLI::Option* carrier = ship->add_option("--carrier", o->carrier, "Carrier");
  CLI::Option* tracking = ship->add_option("--tracking", o->tracking, "Tracking number");
  ship->add_flag("--book", o->book, "Book the return with the configured carrier (--config) instead")
      ->excludes(carrier)
      ->excludes(tracking);
  const Action shipGiven = stepAction(ctx, o, [o](CaseService& s, const std::string& n, const Actor& a) {
    return s.ship(n, o->carrier, o->tracking, a);
  });
  on(ship, [&ctx, o, shipGiven]() {
    if (o->book) return shipWithBooking(ctx, o->number);
    if (o->carrier.empty()) return ctx.fail(Error{ErrorKind::BadInput, "carrier", "is required (or --book)"});
    if (o->tracking.empty()) return ctx.fail(Error{ErrorKind::BadInput, "tracking", "is required (or --book)"});
    return shipGiven();
  });

  CLI::App* close = addStep(cases, "close", "Close on the customer's acceptance", o->number);
  close->add_option("--accepted-by", o->acceptedBy, "Who accepted it as solved (default: the customer)");
  on(close, stepAction(ctx, o, [o](CaseService& s, const std::string& n, const Actor& a) {
    return s.close(n, o->acceptedBy, a);
  }));
}

struct QueryOptions {
  std::string number, status, dueBefore, text;
  bool all = false;
  std::size_t limit = 0;
};

void addQueryCommands(CLI::App& cases, Context& ctx, Action& action) {
  auto o = std::make_shared<QueryOptions>();
  CLI::App* show = addStep(cases, "show", "Every field of a case and its timeline", o->number);
  show->callback([&ctx, &action, o]() {
    action = [&ctx, o]() {
      auto service = ctx.service();
      if (!service) return ctx.fail(service.error());
      return printCaseDetail(ctx, (*service)->show(o->number));
    };
  });

  CLI::App* list = cases.add_subcommand("list", "Open cases by due date");
  list->add_option("--status", o->status, "Only cases in this status (closed included)");
  list->add_option("--due-before", o->dueBefore, "Only cases due before this date");
  list->add_flag("--all", o->all, "Closed cases too");
  list->add_option("--limit", o->limit, "At most this many");
  list->callback([&ctx, &action, o]() {
    action = [&ctx, o]() {
      CaseQuery q;
      q.includeClosed = o->all;
      q.limit = o->limit;
      if (!o->status.empty()) {
        q.status = parseStatus(o->status);
        if (!q.status) return ctx.fail(Error{ErrorKind::BadInput, "status", "'" + o->status + "' is not a status"});
      }
      auto due = optionalDateOption("due-before", o->dueBefore);
      if (!due) return ctx.fail(due.error());
      q.dueBefore = *due;
      auto service = ctx.service();
      if (!service) return ctx.fail(service.error());
      return printCaseList(ctx, (*service)->list(q));
    };
  });

  CLI::App* find = cases.add_subcommand("find", "Find by serial, case number, customer name or mobile");
  find->add_option("text", o->text, "What to look for")->required();
  find->callback([&ctx, &action, o]() {
    action = [&ctx, o]() {
      auto service = ctx.service();
      if (!service) return ctx.fail(service.error());
      return printCaseList(ctx, (*service)->find(o->text));
    };
  });
}

}  // namespace

void addCaseCommands(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* cases = app.add_subcommand("case", "Repair cases: intake, every step, lookups");
  cases->require_subcommand(1);
  addNewCommand(*cases, ctx, action);
  addStepCommands(*cases, ctx, action);
  addQueryCommands(*cases, ctx, action);
  addPasscodeCommand(*cases, ctx, action);
}

}  // namespace kiosk::cli
