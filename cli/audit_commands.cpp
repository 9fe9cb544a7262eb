// kioskctl audit ...: the tamper-evident audit trail. verify walks every case's hash chain and the
// audit log (with --head, also against a checkpoint kept elsewhere); head records a checkpoint
// and prints its head; log lists the audit log (sign-ins, passcode reads, exports, purges,
// checkpoints). Findings name the case and the event; nothing personal is printed (the log holds none).
#include <algorithm>
#include <memory>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "workflow/outbox.hpp"
#include "workflow/outbox_relay.hpp"

namespace kiosk::cli {
namespace {

struct AuditOptions {
  std::string head;
  std::string kind;
  std::int64_t after = 0;
};

bool isHead(const std::string& text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string describe(const AuditFinding& f) {
  std::string where = f.subject == "log" || f.subject == "checkpoint" ? f.subject : "case " + f.subject;
  if (f.position) where += (f.subject == "log" ? " entry " : f.subject == "checkpoint" ? " " : " event ") +
                           std::to_string(*f.position);
  return where + ": " + f.what;
}

std::string summary(const AuditReport& r) {
  return std::to_string(r.cases) + " cases, " + std::to_string(r.events) + " events, log " +
         std::to_string(r.logEntries) + " entries";
}

int verify(Context& ctx, const AuditOptions& o) {
  std::optional<std::string> head;
  if (!o.head.empty()) {
    if (!isHead(o.head)) {
      return ctx.fail(Error{ErrorKind::BadInput, "head", "is not a checkpoint head: 64 hex digits (kioskctl audit head)"});
    }
    head = o.head;
  }
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  const auto report = (*store)->verifyAudit(head);
  if (!report) return ctx.fail(report.error());
  if (ctx.options.json) {
    auto findings = nlohmann::json::array();
    for (const auto& f : report->findings) {
      nlohmann::json j{{"subject", f.subject}, {"what", f.what}, {"message", describe(f)}};
      if (f.subject != "log" && f.subject != "checkpoint") j["case"] = f.subject;
      j["position"] = f.position ? nlohmann::json(*f.position) : nlohmann::json(nullptr);
      findings.push_back(std::move(j));
    }
    ctx.out << nlohmann::json{{"intact", report->intact()},
                              {"cases", report->cases},
                              {"events", report->events},
                              {"log_entries", report->logEntries},
                              {"head", head ? nlohmann::json(*head) : nlohmann::json(nullptr)},
                              {"findings", findings}}
                   .dump(2)
            << '\n';
  } else if (report->intact()) {
    ctx.out << summary(*report) << (head ? ", checkpoint " + *head : std::string()) << ": intact\n";
  } else {
    for (const auto& f : report->findings) ctx.out << describe(f) << '\n';
    ctx.out << summary(*report) << ": " << report->findings.size() << " finding(s): NOT intact\n";
  }
  return report->intact() ? kOk : kRefused;
}

int head(Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  auto actor = ctx.actor();
  if (!actor) return ctx.fail(actor.error());
  const auto checkpoint = (*store)->recordCheckpoint(systemUtcMs(), actor->staff);
  if (!checkpoint) return ctx.fail(checkpoint.error());
  if (ctx.options.json) {
    ctx.out << nlohmann::json{{"head", checkpoint->head},
                              {"checkpoint", checkpoint->seq},
                              {"at", formatUtcMs(checkpoint->atMs)},
                              {"cases", checkpoint->casesCovered},
                              {"cases_moved", checkpoint->casesMoved},
                              {"log_seq", checkpoint->logSeq}}
                   .dump(2)
            << '\n';
  } else {
    ctx.out << checkpoint->head << '\n';
  }
  return kOk;
}

// The log's entries, oldest first; with --kind only that kind, with --after only entries after that
// seq (a script that keeps the last seq it saw reads only what is new).
int listLog(Context& ctx, const AuditOptions& o) {
  if (o.after < 0) return ctx.fail(Error{ErrorKind::BadInput, "after", "is not an entry number (0 or more)"});
  if (!o.kind.empty() && std::find(kAuditLogKinds.begin(), kAuditLogKinds.end(), o.kind) == kAuditLogKinds.end()) {
    std::string kinds;
    for (const char* k : kAuditLogKinds) kinds += (kinds.empty() ? "" : ", ") + std::string(k);
    return ctx.fail(Error{ErrorKind::BadInput, "kind", "is not a kind of audit log entry: " + kinds});
  }
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  const auto entries = (*store)->listAuditEntries(o.after, 0);
  if (!entries) return ctx.fail(entries.error());
  auto json = nlohmann::json::array();
  for (const AuditEntry& e : *entries) {
    if (!o.kind.empty() && e.kind != o.kind) continue;
    if (ctx.options.json) {
      json.push_back({{"seq", e.seq}, {"at", formatUtcMs(e.atMs)}, {"staff", e.staff}, {"kind", e.kind},
                      {"subject", e.subject}, {"detail", e.detail}});
    } else {
      ctx.out << e.seq << '\t' << formatUtcMs(e.atMs) << '\t' << (e.staff.empty() ? "-" : e.staff) << '\t' << e.kind
              << '\t' << e.subject << '\t' << e.detail << '\n';
    }
  }
  if (ctx.options.json) ctx.out << json.dump(2) << '\n';
  return kOk;
}

}  // namespace

void addAuditCommands(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* audit = app.add_subcommand("audit", "The tamper-evident audit trail: verify, head, log");
  audit->require_subcommand(1);
  auto o = std::make_shared<AuditOptions>();

  CLI::App* verifyCommand =
      audit->add_subcommand("verify", "Walk every case's hash chain and the audit log: exit 0 intact, 1 naming what differs");
  verifyCommand->add_option("--head", o->head, "A head printed by 'audit head': also prove nothing it covers was cut off");
  verifyCommand->callback([&ctx, &action, o]() { action = [&ctx, o]() { return verify(ctx, *o); }; });

  CLI::App* headCommand =
      audit->add_subcommand("head", "Record a checkpoint and print its head, to keep elsewhere (e-mail, printout)");
  headCommand->callback([&ctx, &action]() { action = [&ctx]() { return head(ctx); }; });

  CLI::App* logCommand = audit->add_subcommand(
      "log", "List the audit log: sign-ins, passcode reads, privacy exports and purges, checkpoints");
  logCommand->add_option("--kind", o->kind, "Only entries of this kind (sign-in, passcode-read, privacy-export, ...)");
  logCommand->add_option("--after", o->after, "Only entries after this entry number");
  logCommand->callback([&ctx, &action, o]() { action = [&ctx, o]() { return listLog(ctx, *o); }; });
}

}  // namespace kiosk::cli
