// kioskctl outbox list: the messages the steps queued for the customer; outbox run and outbox
// retry are in outbox_run_commands.cpp.
#include <memory>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/case_json.hpp"
#include "cli/commands.hpp"

namespace kiosk::cli {
namespace {

struct OutboxListOptions {
  std::string status, caseNumber;
  std::size_t limit = 0;
};

int printOutbox(Context& ctx, const Result<std::vector<OutboxMessage>>& messages) {
  if (!messages) return ctx.fail(messages.error());
  if (ctx.options.json) {
    auto array = nlohmann::json::array();
    for (const auto& m : *messages) array.push_back(outboxJson(m));
    ctx.out << array.dump(2) << '\n';
    return kOk;
  }
  // One line a message: id, case, channel, recipient, reference, status, attempts, last error.
  for (const auto& m : *messages) {
    ctx.out << m.id << "  " << m.caseNumber << "  " << m.channel << "  " << m.to << "  " << m.reference << "  "
            << outboxStatusName(m.status) << "  attempts " << m.attempts;
    if (!m.lastError.empty()) ctx.out << "  " << m.lastError;
    ctx.out << '\n';
  }
  return kOk;
}

}  // namespace

void addOutboxCommands(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* outbox = app.add_subcommand("outbox", "Messages to customers queued by the steps");
  outbox->require_subcommand(1);
  addOutboxRunCommands(*outbox, ctx, action);
  auto o = std::make_shared<OutboxListOptions>();
  CLI::App* list = outbox->add_subcommand("list", "Queued, sent and failed messages, oldest first");
  list->add_option("--status", o->status, "Only messages in this status: queued, sending, delivered, failed");
  list->add_option("--case", o->caseNumber, "Only this case's messages");
  list->add_option("--limit", o->limit, "At most this many");
  list->callback([&ctx, &action, o]() {
    action = [&ctx, o]() {
      OutboxQuery q;
      q.limit = o->limit;
      if (!o->status.empty()) {
        q.status = parseOutboxStatus(o->status);
        if (!q.status) {
          return ctx.fail(badInput("status", "'" + o->status + "' is not an outbox status (queued, sending, "
                                             "delivered, failed)").value());
        }
      }
      if (!o->caseNumber.empty()) q.caseNumber = o->caseNumber;
      auto service = ctx.service();
      if (!service) return ctx.fail(service.error());
      return printOutbox(ctx, (*service)->outbox(q));
    };
  });
}

}  // namespace kiosk::cli
