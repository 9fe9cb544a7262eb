#pragma once
// The intake label sent straight to a network label printer as ZPL, the way
// `kioskctl label --printer HOST:PORT` sends it. Runs on the backend's worker, never a frame.
#include <cstddef>
#include <filesystem>
#include <string>

#include "workflow/repair_case.hpp"

namespace kiosk {

struct LabelPrinted {
  std::string printer;  // "host:port" as it was reached
  std::size_t bytes = 0;
};

// Renders the case's label at the sheet's default size and ZPL resolution and sends it. An
// address that does not parse, or a printer that does not answer, is an error on "printer"
// whose message names the printer: the case itself is not touched.
[[nodiscard]] Result<LabelPrinted> printLabelZpl(const RepairCase& repairCase, const std::filesystem::path& assets,
                                                 const std::string& language, const std::string& printer);

}  // namespace kiosk
