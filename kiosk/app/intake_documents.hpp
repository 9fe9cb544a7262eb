#pragma once
// The label and the receipt every case leaves intake with, rendered from assets/print the same
// way `kioskctl label --out` and `kioskctl receipt --out` render them.
#include <filesystem>
#include <string>

#include "workflow/repair_case.hpp"
#include "workflow/vendor_profile.hpp"

namespace kiosk {

struct RenderedIntakeDocuments {
  std::string labelPng;    // 62x29 mm (the sheet's default size), 300 dpi
  std::string receiptPdf;  // A4
};

[[nodiscard]] Result<RenderedIntakeDocuments> renderIntakeDocuments(const RepairCase& repairCase,
                                                                    const VendorProfile& vendor,
                                                                    const std::filesystem::path& assets,
                                                                    const std::string& language);

}  // namespace kiosk
