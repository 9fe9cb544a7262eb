#include <ostream>
#include <sstream>

#include "cli/cli_context.hpp"
#include "cli/commands.hpp"

namespace kiosk::cli {

int runKioskctl(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const Clock& clock) {
  std::istringstream nothing;
  return runKioskctl(argc, argv, nothing, out, err, clock);
}

int runKioskctl(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err,
                const Clock& clock) {
  Context ctx(in, out, err, clock);
  Action action;
  CLI::App app{"kioskctl: the repair workflow from the command line", "kioskctl"};
  app.require_subcommand(1);
  app.fallthrough();
  CLI::Option* db = app.add_option("--db", ctx.options.db, "SQLite database file (default: KIOSK_DB, else the user's data folder)");
  CLI::Option* dbUrl = app.add_option(
      "--db-url", ctx.options.dbUrl,
      "Shared PostgreSQL store, postgresql://user@host:port/dbname (default: KIOSK_DB_URL, else SQLite)");
  app.add_option("--assets", ctx.options.assets, "Folder with vendor profiles and translations");
  app.add_flag("--json", ctx.options.json, "Print data as JSON");
  app.add_option("--at", ctx.options.at, "When it happened or as of when, local time YYYY-MM-DDTHH:MM");
  app.add_option("--staff", ctx.options.staff, "Who did it (default: the station's service account)");
  app.add_option("--config", ctx.options.config, "Gateway configuration file (TOML; default: KIOSK_CONFIG, else no gateways)");
  addCaseCommands(app, ctx, action);
  addWarrantyCommands(app, ctx, action);
  addWorkdaysCommands(app, ctx, action);
  addDemoCommand(app, ctx, action);
  addPrintCommands(app, ctx, action);
  addScanCommand(app, ctx, action);
  addOutboxCommands(app, ctx, action);
  addPartsCommands(app, ctx, action);
  addMigrateCommand(app, ctx, action);
  addStatusCommand(app, ctx, action);
  addStaffCommands(app, ctx, action);
  addAuditCommands(app, ctx, action);
  addPrivacyCommands(app, ctx, action);
  // Global options may follow the subcommand too: "kioskctl case list --json".
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    sub->fallthrough();
    for (CLI::App* leaf : sub->get_subcommands([](CLI::App*) { return true; })) leaf->fallthrough();
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return kOk;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      out << app.help();
      return kOk;
    }
    err << "kioskctl: " << e.what() << "\n(kioskctl --help lists the commands)\n";
    return kBadInput;
  }
  if (db->count() > 0 && dbUrl->count() > 0) {
    err << "kioskctl: --db and --db-url cannot be used together: --db names an SQLite file, --db-url a "
           "PostgreSQL server; give one of them\n";
    return kBadInput;
  }
  if (dbUrl->count() > 0 && ctx.options.dbUrl.empty()) {
    return ctx.fail(Error{ErrorKind::BadInput, "db-url", "is empty; write postgresql://user@host:port/dbname"});
  }
  if (!action) {
    err << "kioskctl: nothing to do (kioskctl --help lists the commands)\n";
    return kBadInput;
  }
  try {
    return action();
  } catch (const std::exception& e) {
    err << "kioskctl: unexpected failure: " << e.what() << '\n';
    return kStorage;
  }
}

}  // namespace kiosk::cli
