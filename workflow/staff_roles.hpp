#pragma once
// What each staff role may do at the kiosk. Counter staff meet the customer: intake (with its
// label and receipt), look-ups, telling the customer and taking their answer, and the hand-over
// that closes a case. Technicians do the bench: diagnosis, the warranty decision, the quote,
// parts, the repair, dispatch and shipping, and may tell the customer and take their answer too
// (they phone them from the bench). Admins may do everything. Look-ups (the queue, a case, the
// dashboard, the customer status screen) are open to every role.
#include <optional>
#include <string>

#include "workflow/case_steps.hpp"
#include "workflow/error.hpp"
#include "workflow/staff.hpp"

namespace kiosk {

// Intake: registering a case with its label and receipt.
[[nodiscard]] bool roleMayRegister(StaffRole role);
[[nodiscard]] bool roleMayStep(StaffRole role, Step step);
// Refused, in words naming the member, their role and who may, when `role` may not do `step`
// (nullopt: intake).
[[nodiscard]] Result<void> checkRoleMay(const std::string& name, StaffRole role, std::optional<Step> step);

}  // namespace kiosk
