#pragma once
// How case results are printed: JSON objects with --json, readable text otherwise.
#include <vector>

#include "cli/cli_context.hpp"

namespace kiosk::cli {

// A step's result: the case as JSON with --json, else "NUMBER status".
int printStepResult(Context& ctx, const Result<RepairCase>& result);
int printCaseList(Context& ctx, const Result<std::vector<RepairCase>>& cases);
int printCaseDetail(Context& ctx, const Result<RepairCase>& result);

}  // namespace kiosk::cli
