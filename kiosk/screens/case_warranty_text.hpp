#pragma once
// The warranty in words for the bench: one line for the case header, and the reasons behind a
// decision (basis, dates, damage, fee) for the warranty step's confirmation.
#include <string>
#include <vector>

#include "kiosk/ui/ui_text.hpp"
#include "workflow/repair_case.hpp"
#include "workflow/vendor_profile.hpp"

namespace kiosk {

// "Covered: Apple's limited warranty until 14.03.2027 · repair" style; "decided at the warranty
// step" before the decision.
[[nodiscard]] std::string warrantySummary(const RepairCase& repairCase, const UiText& text);
// Why `decision` is what it is for this case, a sentence a line.
[[nodiscard]] std::vector<std::string> warrantyReasons(const RepairCase& repairCase, const VendorProfile& vendor,
                                                       const WarrantyDecision& decision, const UiText& text);
// The words for a basis ("apple-limited") and an action ("swap") in this language.
[[nodiscard]] std::string basisText(const std::string& basis, const UiText& text);
[[nodiscard]] std::string actionText(const std::string& action, const UiText& text);

}  // namespace kiosk
