// kioskctl migrate --from PATH.db --to postgresql://...: moves a centre's SQLite history into
// the shared PostgreSQL store, case by case, and proves what moved with a checksum.
//
// Order of work, so that a refused migration writes nothing: every case of the file is first
// looked up in the shared store; if any number there belongs to a different case (another
// centre's, or an intake made there before the migration), it stops, naming them all, before a
// single case is written. Otherwise each case not there yet is imported in its own transaction
// (PgCaseStore::importCase), oldest first, and cases already there are left as they are, so a
// second run imports nothing. A collision that appears between the check and the writes (another
// station taking a number meanwhile) stops at that case: the cases before it stay imported, and
// a run once the cause is dealt with goes on from there. Last, every case is read again from
// both stores and hashed (cli/case_digest.hpp); the two checksums must be equal.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/case_digest.hpp"
#include "cli/commands.hpp"
#include "store/open_store.hpp"
#include "store/pg_case_store.hpp"
#include "store/sqlite_case_store.hpp"

namespace kiosk::cli {
namespace {

struct MigrateOptions {
  std::string from, to;
};

// What the listing needs to know of a case: enough to order, find and recognise it.
struct CaseKey {
  std::uint64_t sequence = 0;
  std::string number;
  LocalTime registeredAt{};
  std::string serial;
};

struct Counts {
  std::size_t cases = 0, imported = 0, alreadyPresent = 0, events = 0, messages = 0;
};

struct Checksums {
  std::string source, target;
  std::vector<std::string> differing;  // numbers of cases whose digests differ
};

Error withField(Error error, const std::string& field) {
  error.field = field;
  return error;
}

Result<std::unique_ptr<SqliteCaseStore>> openSource(const std::string& from) {
  std::error_code ec;
  const std::filesystem::path file(from);
  if (!std::filesystem::exists(file, ec)) return badInput("from", from + ": no such file");
  if (!std::filesystem::is_regular_file(file, ec)) return badInput("from", from + " is not a file");
  // SQLite takes an empty file for an empty database and would make a case database of it.
  if (std::filesystem::file_size(file, ec) == 0) return badInput("from", from + " is empty, not a case database");
  auto store = SqliteCaseStore::open(file);
  // Not SQLite, another program's database, a newer schema: the wrong file, so bad input.
  if (!store) return tl::unexpected(Error{ErrorKind::BadInput, "from", store.error().message});
  return store;
}

Result<std::unique_ptr<PgCaseStore>> openTarget(const std::string& to) {
  auto store = PgCaseStore::open(to);
  if (!store) {
    Error error = withField(store.error(), "to");  // the server's failure keeps its kind: Storage, exit 3
    const std::string where = redactedUrl(to);
    if (error.message.find(where) == std::string::npos) error.message = where + ": " + error.message;
    return tl::unexpected(error);
  }
  return store;
}

// Every case of the file, open and closed, oldest first; a page at a time, keeping only keys.
Result<std::vector<CaseKey>> listSource(CaseStore& source) {
  constexpr std::size_t kPage = 1000;
  std::vector<CaseKey> keys;
  CaseQuery q;
  q.includeClosed = true;
  q.limit = kPage;
  for (;;) {
    auto page = source.list(q);
    if (!page) return tl::unexpected(withField(page.error(), "from"));
    for (const auto& c : *page) keys.push_back({c.sequence, c.number, c.registeredAt, c.device.serial});
    if (page->size() < kPage) break;
    q.offset += kPage;
  }
  std::sort(keys.begin(), keys.end(), [](const CaseKey& a, const CaseKey& b) { return a.sequence < b.sequence; });
  return keys;
}

Result<std::vector<OutboxMessage>> messagesOf(CaseStore& store, const std::string& number) {
  OutboxQuery q;
  q.caseNumber = number;
  return store.listOutbox(q);
}

struct Plan {
  std::vector<const CaseKey*> toImport;
  std::size_t alreadyPresent = 0;
  std::vector<std::string> collisions;  // "N (here: ...; there: ...)"
};

// Looks every case up in the shared store before anything is written.
Result<Plan> planImport(const std::vector<CaseKey>& keys, PgCaseStore& target) {
  Plan plan;
  for (const CaseKey& key : keys) {
    auto there = target.load(key.number);
    if (!there) {
      if (there.error().kind == ErrorKind::NotFound) {
        plan.toImport.push_back(&key);
        continue;
      }
      return tl::unexpected(withField(there.error(), "to"));
    }
    if (there->registeredAt == key.registeredAt && there->device.serial == key.serial) {
      ++plan.alreadyPresent;
    } else {
      plan.collisions.push_back(key.number + " (here serial " + key.serial + ", registered " +
                                formatLocalTime(key.registeredAt) + "; there serial " + there->device.serial +
                                ", registered " + formatLocalTime(there->registeredAt) + ")");
    }
  }
  return plan;
}

Result<Counts> importCases(const Plan& plan, SqliteCaseStore& source, PgCaseStore& target) {
  Counts counts;
  counts.alreadyPresent = plan.alreadyPresent;
  for (const CaseKey* key : plan.toImport) {
    auto c = source.load(key->number);
    if (!c) return tl::unexpected(withField(c.error(), "from"));
    auto messages = messagesOf(source, key->number);
    if (!messages) return tl::unexpected(withField(messages.error(), "from"));
    auto audit = source.loadAudit(key->number);
    if (!audit) return tl::unexpected(withField(audit.error(), "from"));
    auto outcome = target.importCase(*c, *messages, *audit);
    if (!outcome) {
      Error error = outcome.error();
      error.message += "; " + std::to_string(counts.imported) +
                       " case(s) were imported before it and stay imported (a later run skips them)";
      // A collision that arose since the check: refused (exit 1), not a case changed under a step.
      if (error.kind == ErrorKind::Conflict) return tl::unexpected(Error{ErrorKind::Refused, "", error.message});
      return tl::unexpected(withField(error, "to"));
    }
    if (*outcome == ImportOutcome::Imported) {
      ++counts.imported;
      counts.events += c->events.size();
      counts.messages += messages->size();
    } else {
      ++counts.alreadyPresent;  // imported by another run since the check
    }
  }
  return counts;
}

template <class Store>
Result<std::string> digestOf(Store& store, const std::string& number, const std::string& field) {
  auto c = store.load(number);
  if (!c) return tl::unexpected(withField(c.error(), field));
  auto messages = messagesOf(store, number);
  if (!messages) return tl::unexpected(withField(messages.error(), field));
  auto audit = store.loadAudit(number);
  if (!audit) return tl::unexpected(withField(audit.error(), field));
  return caseDigest(*c, *messages, *audit);
}

// Reads every case again from both stores, after the import.
Result<Checksums> compare(const std::vector<CaseKey>& keys, SqliteCaseStore& source, PgCaseStore& target) {
  std::vector<std::string> sourceDigests, targetDigests;
  Checksums sums;
  for (const CaseKey& key : keys) {
    auto here = digestOf(source, key.number, "from");
    if (!here) return tl::unexpected(here.error());
    auto there = digestOf(target, key.number, "to");
    if (!there) return tl::unexpected(there.error());
    if (*here != *there) sums.differing.push_back(key.number);
    sourceDigests.push_back(std::move(*here));
    targetDigests.push_back(std::move(*there));
  }
  auto source_ = historyDigest(sourceDigests);
  if (!source_) return tl::unexpected(source_.error());
  auto target_ = historyDigest(targetDigests);
  if (!target_) return tl::unexpected(target_.error());
  sums.source = *source_;
  sums.target = *target_;
  return sums;
}

std::string joined(const std::vector<std::string>& items, std::size_t most) {
  std::string text;
  for (std::size_t i = 0; i < items.size() && i < most; ++i) text += (i == 0 ? "" : ", ") + items[i];
  if (items.size() > most) text += " and " + std::to_string(items.size() - most) + " more";
  return text;
}

int report(Context& ctx, const Counts& counts, const Checksums& sums, const std::string& target) {
  const bool match = sums.source == sums.target;
  if (ctx.options.json) {
    ctx.out << nlohmann::json{{"to", target},
                              {"cases", counts.cases},
                              {"imported", counts.imported},
                              {"already_present", counts.alreadyPresent},
                              {"events", counts.events},
                              {"messages", counts.messages},
                              {"checksum",
                               {{"algorithm", "blake2b-256"},
                                {"source", sums.source},
                                {"target", sums.target},
                                {"match", match},
                                {"differing_cases", sums.differing}}}}
                   .dump(2)
            << '\n';
  } else {
    ctx.out << "cases in the file: " << counts.cases << '\n'
            << "imported: " << counts.imported << '\n'
            << "already present: " << counts.alreadyPresent << '\n'
            << "events imported: " << counts.events << '\n'
            << "messages imported: " << counts.messages << '\n'
            << "checksum (blake2b-256 of every case, its events and messages): source " << sums.source << ", shared store "
            << sums.target << (match ? ": match" : ": DIFFERENT") << '\n';
  }
  if (match) return kOk;
  ctx.err << "kioskctl: the shared store does not hold what the file holds for " << sums.differing.size()
          << " case(s): " << joined(sums.differing, 10)
          << " (changed in the shared store since an earlier migration, or not stored as read)\n";
  return kStorage;
}

int runMigration(Context& ctx, const MigrateOptions& o) {
  // The target's URL first: a malformed one is bad usage, found before the file is touched.
  if (!isPostgresUrl(o.to)) {
    return ctx.fail(badInput("to", "'" + redactedUrl(o.to) + "' is not a PostgreSQL URL; write "
                                   "postgresql://user@host:port/dbname").value());
  }
  auto source = openSource(o.from);
  if (!source) return ctx.fail(source.error());
  auto target = openTarget(o.to);
  if (!target) return ctx.fail(target.error());

  auto keys = listSource(**source);
  if (!keys) return ctx.fail(keys.error());
  auto plan = planImport(*keys, **target);
  if (!plan) return ctx.fail(plan.error());
  if (!plan->collisions.empty()) {
    return ctx.fail(Error{ErrorKind::Refused, "",
                          std::to_string(plan->collisions.size()) +
                              " case number(s) of the file belong to different cases in the shared store: " +
                              joined(plan->collisions, 20) + "; nothing was written"});
  }
  auto counts = importCases(*plan, **source, **target);
  if (!counts) return ctx.fail(counts.error());
  counts->cases = keys->size();
  auto sums = compare(*keys, **source, **target);
  if (!sums) return ctx.fail(sums.error());
  return report(ctx, *counts, *sums, (*target)->location());
}

}  // namespace

void addMigrateCommand(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<MigrateOptions>();
  CLI::App* migrate = app.add_subcommand(
      "migrate", "Move a centre's SQLite history (every case, event and outbox message) into the shared PostgreSQL store");
  migrate->add_option("--from", o->from, "The centre's SQLite case database")->required();
  migrate->add_option("--to", o->to, "The shared store, postgresql://user@host:port/dbname")->required();
  migrate->callback([&ctx, &action, o]() { action = [&ctx, o]() { return runMigration(ctx, *o); }; });
}

}  // namespace kiosk::cli
