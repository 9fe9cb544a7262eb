#pragma once
// The deviation notice (DOMAIN.md: "informs the customer of operational deviations"; issue 6):
// a case that will miss its due date tells its customer so, once.
#include <string>

#include "workflow/calendar.hpp"
#include "workflow/outbox.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk {

// Product decision: on the due date itself a case can still make it until the carrier's last
// pickup of the day (and, for Lenovo, while the on-site partner's visits are still running), so
// a case not done by 15:00 on its due date, or any time after that day, will miss it. Earlier
// than that it is only "at risk", which the kiosk shows but the customer is not told about.
inline constexpr int kDeviationCutoffMinutes = 15 * 60;

// Open, due date set, not done (shipped / visit done), not yet noticed, and past the cut-off.
[[nodiscard]] bool willMissDue(const RepairCase& repairCase, LocalTime now);

// The event kind the notice appends to the timeline.
inline constexpr const char* kDeviationEvent = "deviation-notice";

// Queues the notice by SMS, and by e-mail when the case has an address, for the event the
// caller just appended; {number} is left for addressNewMessages as for every message.
void queueDeviation(RepairCase& repairCase, const MessageTexts& texts);

}  // namespace kiosk
