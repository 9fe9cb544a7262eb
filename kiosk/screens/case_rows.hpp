#pragma once
// How a case reads in one line of a list: shared by the queue and the intake screen's earlier
// cases of a device.
#include <string>

#include "kiosk/ui/ui_text.hpp"
#include "workflow/repair_case.hpp"
#include "workflow/vendor_profile.hpp"

namespace kiosk {

// "Apple MacBook" style: the vendor's name and the family's word in this language.
[[nodiscard]] std::string deviceLine(const RepairCase& repairCase, const VendorCatalog& vendors, const UiText& text);
// The status in words (for example "status.awaiting_parts").
[[nodiscard]] const char* statusText(CaseStatus status, const UiText& text);
// The customer as the bench sees them in a list: first name and the initial of the last.
[[nodiscard]] std::string shortCustomerName(const std::string& name);

}  // namespace kiosk
