#pragma once
// The top of the case screen: number, device, customer, due date with its urgency, status,
// warranty and technician; for a closed case, who accepted it and their signature.
#include "kiosk/app/kiosk_context.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk {

void drawCaseHeader(KioskContext& ctx, const RepairCase& repairCase);
// Who accepted the closed case, when, and the signature drawn back.
void drawAcceptance(KioskContext& ctx, const RepairCase& repairCase);

}  // namespace kiosk
