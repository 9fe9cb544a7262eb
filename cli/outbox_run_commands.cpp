// kioskctl outbox run [--until-idle], outbox retry ID and outbox deviations: the relay from the
// command line (the kiosk runs the same relay in the background), and the deviation sweep the
// kiosk runs every minute (a station without a kiosk runs it from cron). `run` only sends what
// is queued: a script that sends never queues something it did not ask for.
#include <chrono>
#include <memory>
#include <ostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "gateways/customer_notifier.hpp"
#include "gateways/relay_name.hpp"
#include "workflow/outbox_relay.hpp"
#include "workflow/outbox_store.hpp"

namespace kiosk::cli {
namespace {

Result<OutboxStore*> outboxStore(Context& ctx) {
  return ctx.store().map([](CaseDatabase* db) -> OutboxStore* { return db; });
}

// Messages still waiting on a channel this configuration has no gateway for.
std::size_t waitingOn(CaseService& service, std::string_view channel) {
  std::size_t waiting = 0;
  for (const OutboxStatus status : {OutboxStatus::Queued, OutboxStatus::Sending}) {
    OutboxQuery q;
    q.status = status;
    const auto messages = service.outbox(q);
    if (!messages) continue;
    for (const auto& m : *messages) waiting += m.channel == channel ? 1U : 0U;
  }
  return waiting;
}

int report(Context& ctx, CaseService& service, const Notifier& notifier, const RelayPass& total) {
  std::size_t smsWaiting = 0, emailWaiting = 0;
  if (!notifier.configured("sms")) smsWaiting = waitingOn(service, "sms");
  if (!notifier.configured("email")) emailWaiting = waitingOn(service, "email");
  if (ctx.options.json) {
    ctx.out << nlohmann::json{{"delivered", total.delivered},
                              {"retried", total.retried},
                              {"failed", total.failed},
                              {"lost_claims", total.lostClaims},
                              {"store_errors", total.storeErrors},
                              {"waiting_without_gateway", {{"sms", smsWaiting}, {"email", emailWaiting}}}}
                   .dump(2)
            << '\n';
  } else {
    ctx.out << "delivered " << total.delivered << ", to retry " << total.retried << ", failed " << total.failed
            << '\n';
    if (total.failed > 0) ctx.out << "failed messages: kioskctl outbox list --status failed\n";
  }
  // Said on stderr too with --json: a message that cannot go anywhere must not look delivered.
  if (smsWaiting > 0) ctx.err << smsWaiting << " SMS wait in the outbox: no [sms] gateway is set (--config)\n";
  if (emailWaiting > 0) ctx.err << emailWaiting << " e-mails wait in the outbox: no [email] gateway is set (--config)\n";
  if (total.storeErrors > 0) {
    ctx.err << "the store failed to record " << total.storeErrors << " outcome(s): " << total.lastStoreError
            << " (those messages are sent again when their claim runs out)\n";
    return kStorage;
  }
  return kOk;
}

int runRelay(Context& ctx, bool untilIdle) {
  auto service = ctx.service();
  if (!service) return ctx.fail(service.error());
  auto outbox = outboxStore(ctx);
  if (!outbox) return ctx.fail(outbox.error());
  auto gateways = ctx.gatewayConfig();
  if (!gateways) return ctx.fail(gateways.error());

  CustomerNotifier notifier(**gateways);
  OutboxRelay relay(**outbox, notifier, (*gateways)->outbox, systemUtcMs, uniformJitter(), defaultRelayName());
  RelayPass total;
  if (untilIdle) {
    auto idle = relay.runUntilIdle(
        [](std::int64_t ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); });
    if (!idle) return ctx.fail(idle.error());
    total = idle->total;
  } else {
    auto pass = relay.runOnce();
    if (!pass) return ctx.fail(pass.error());
    total = *pass;
  }
  return report(ctx, **service, notifier, total);
}

int noticeDeviations(Context& ctx) {
  auto service = ctx.service();
  if (!service) return ctx.fail(service.error());
  auto actor = ctx.actor();
  if (!actor) return ctx.fail(actor.error());
  // A page at a time until none is left: each notice is its own transaction.
  std::vector<std::string> noticed;
  for (;;) {
    auto page = (*service)->noticeDeviations(*actor, 500);
    if (!page) return ctx.fail(page.error());
    noticed.insert(noticed.end(), page->begin(), page->end());
    if (page->size() < 500) break;
  }
  if (ctx.options.json) {
    ctx.out << nlohmann::json(noticed).dump(2) << '\n';
  } else {
    for (const auto& number : noticed) ctx.out << number << '\n';
    ctx.err << noticed.size() << " case(s) will miss their due date: a deviation notice is queued for each\n";
  }
  return kOk;
}

int retryMessage(Context& ctx, std::int64_t id) {
  auto outbox = outboxStore(ctx);
  if (!outbox) return ctx.fail(outbox.error());
  auto retried = (*outbox)->retryOutbox(id, systemUtcMs());
  if (!retried) return ctx.fail(retried.error());
  ctx.out << "message " << retried->id << " (" << retried->reference << ") is queued again\n";
  return kOk;
}

}  // namespace

void addOutboxRunCommands(CLI::App& outbox, Context& ctx, Action& action) {
  auto untilIdle = std::make_shared<bool>(false);
  CLI::App* run = outbox.add_subcommand("run", "Send the messages that are due (the gateways in --config)");
  run->add_flag("--until-idle", *untilIdle,
                "Go on, waiting out backoff, until every message is delivered or parked as failed");
  run->callback([&ctx, &action, untilIdle]() { action = [&ctx, untilIdle] { return runRelay(ctx, *untilIdle); }; });

  CLI::App* deviations = outbox.add_subcommand(
      "deviations", "Queue a deviation notice, once per case, for every case that will miss its due date");
  deviations->callback([&ctx, &action]() { action = [&ctx] { return noticeDeviations(ctx); }; });

  auto id = std::make_shared<std::int64_t>(0);
  CLI::App* retry = outbox.add_subcommand("retry", "Queue a failed message again, with a fresh budget of attempts");
  retry->add_option("id", *id, "The message's id (kioskctl outbox list)")
      ->required()
      ->check(CLI::Validator(
          [](const std::string& text) {
            return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text != "0" &&
                           text.size() < 19
                       ? std::string()
                       : "'" + text + "' is not a message id (a whole number from 1; kioskctl outbox list)";
          },
          "ID"));
  retry->callback([&ctx, &action, id]() { action = [&ctx, id] { return retryMessage(ctx, *id); }; });
}

}  // namespace kiosk::cli
