#pragma once
// Each group of kioskctl subcommands registers itself on the app. A subcommand's callback only
// records the action; runKioskctl runs it after parsing, so parse errors never half-run a command.
#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/cli_context.hpp"

namespace kiosk::cli {

using Action = std::function<int()>;

void addCaseCommands(CLI::App& app, Context& ctx, Action& action);
void addWarrantyCommands(CLI::App& app, Context& ctx, Action& action);
void addWorkdaysCommands(CLI::App& app, Context& ctx, Action& action);
void addDemoCommand(CLI::App& app, Context& ctx, Action& action);
void addPrintCommands(CLI::App& app, Context& ctx, Action& action);
void addScanCommand(CLI::App& app, Context& ctx, Action& action);
void addOutboxCommands(CLI::App& app, Context& ctx, Action& action);
void addPartsCommands(CLI::App& app, Context& ctx, Action& action);
void addMigrateCommand(CLI::App& app, Context& ctx, Action& action);
void addStatusCommand(CLI::App& app, Context& ctx, Action& action);
void addStaffCommands(CLI::App& app, Context& ctx, Action& action);
void addAuditCommands(CLI::App& app, Context& ctx, Action& action);
void addPrivacyCommands(CLI::App& app, Context& ctx, Action& action);

// case ship N --book: books the return with the configured carrier, then ships (parts_commands.cpp).
[[nodiscard]] int shipWithBooking(Context& ctx, const std::string& number);
// outbox run and outbox retry, on the outbox subcommand addOutboxCommands makes.
void addOutboxRunCommands(CLI::App& outbox, Context& ctx, Action& action);
// case passcode N --staff NAME --pin PIN|- (passcode_command.cpp), on the case subcommand.
void addPasscodeCommand(CLI::App& cases, Context& ctx, Action& action);

}  // namespace kiosk::cli
