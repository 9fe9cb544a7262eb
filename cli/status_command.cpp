// kioskctl status N --code CODE: what a customer at the counter is told about their case (the
// kiosk's customer status screen says the same): status, due date and the next step in words,
// and nothing personal. A wrong code and a number no case has give the same answer and exit
// code (2, as an unknown case number does everywhere); too many wrong codes lock the number
// (exit 1: refused for now). A number that fails its check character is bad input naming it.
#include <algorithm>
#include <memory>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "workflow/clock.hpp"
#include "workflow/customer_lookup.hpp"
#include "workflow/outbox.hpp"
#include "workflow/outbox_relay.hpp"

namespace kiosk::cli {
namespace {

struct StatusOptions {
  std::string number, code, lang{kDefaultLanguage};
};

int printFound(Context& ctx, const CustomerCaseStatus& status, const Translations& texts) {
  const auto vendors = ctx.vendors();
  if (!vendors) return ctx.fail(vendors.error());
  const CustomerStatusWords words = customerStatusWords(status, **vendors, texts);
  if (ctx.options.json) {
    ctx.out << nlohmann::json{{"result", "found"},
                              {"number", status.number},
                              {"device", words.device},
                              {"status", std::string(statusName(status.status))},
                              {"status_text", words.status},
                              {"due", status.due ? nlohmann::json(formatDate(*status.due)) : nlohmann::json(nullptr)},
                              {"due_text", words.due},
                              {"next_step", words.next},
                              {"language", texts.language()}}
                   .dump(2)
            << '\n';
    return kOk;
  }
  ctx.out << texts.text("lookup.case", {{"number", status.number}}) << '\n'
          << texts.text("lookup.device") << ": " << words.device << '\n'
          << texts.text("lookup.status") << ": " << words.status << '\n'
          << words.due << '\n'
          << texts.text("lookup.next") << ": " << words.next << '\n';
  return kOk;
}

int showStatus(Context& ctx, const StatusOptions& o) {
  const auto texts = Translations::load(ctx.assetsDir(), o.lang);
  if (!texts) return ctx.fail(texts.error());
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  const auto config = ctx.gatewayConfig();
  if (!config) return ctx.fail(config.error());
  CustomerLookup lookup(**store, **store, (*config)->customerLookup);
  const auto answer = lookup.lookUp(o.number, o.code, systemUtcMs());
  if (!answer) return ctx.fail(answer.error());
  switch (answer->verdict) {
    case LookupVerdict::Found: return printFound(ctx, *answer->status, *texts);
    case LookupVerdict::NoMatch:
      // Word for word the same for a wrong code and an unknown number.
      if (ctx.options.json) {
        ctx.out << nlohmann::json{{"result", "no-match"}, {"number", answer->number}}.dump(2) << '\n';
      }
      ctx.err << "kioskctl: no case " << answer->number
              << " with that customer code; check both on the receipt (the code is under the case number)\n";
      return kBadInput;
    case LookupVerdict::Locked: {
      const auto minutes = wholeMinutesLeft(answer->lockRemainingMs);
      if (ctx.options.json) {
        ctx.out << nlohmann::json{{"result", "locked"},
                                  {"number", answer->number},
                                  {"locked_until", formatUtcMs(answer->lockedUntilMs.value_or(0))}}
                       .dump(2)
                << '\n';
      }
      ctx.err << "kioskctl: lookups of case " << answer->number
              << " are locked after too many wrong customer codes; try again in " << minutes << " min\n";
      return kRefused;
    }
  }
  return kStorage;
}

}  // namespace

void addStatusCommand(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<StatusOptions>();
  CLI::App* sub = app.add_subcommand(
      "status", "What a customer at the counter is told: status, due date and next step, nothing personal");
  sub->add_option("number", o->number, "Case number")->required();
  sub->add_option("--code", o->code, "The customer code on the receipt")->required();
  sub->add_option("--lang", o->lang, "Language: nb (default) or en");
  sub->callback([&ctx, &action, o]() { action = [&ctx, o]() { return showStatus(ctx, *o); }; });
}

}  // namespace kiosk::cli
