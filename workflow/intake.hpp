#pragma once
// Turns what the intake counter typed into a new, valid case draft (not yet numbered).
#include "workflow/case_service.hpp"

namespace kiosk {

// Checks every field against the vendor's profile; the first problem is returned, naming its
// field. Lenovo on-site cases get their due date from the report time here.
[[nodiscard]] Result<RepairCase> draftCase(const IntakeForm& form, const VendorCatalog& vendors,
                                           const Actor& actor);

}  // namespace kiosk
