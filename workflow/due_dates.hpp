#pragma once
// When a case is due back, and whether it is due today, at risk or overdue (DOMAIN.md).
#include <optional>

#include "workflow/calendar.hpp"
#include "workflow/repair_case.hpp"
#include "workflow/vendor_profile.hpp"

namespace kiosk {

struct OnSiteDue {
  Date due;
  bool lateReport = false;  // reported in the cut-off band (15:30-16:00): at risk from the start
};

// Lenovo on-site: before the cut-off -> next working day; in the band (both ends included) ->
// next working day, at risk; after the late mark -> one working day more. A report on a day
// that is not a working day counts as made early on the next working day.
[[nodiscard]] OnSiteDue onSiteDue(const ReturnTerms& terms, LocalTime reportedAt);

// Carry-in: the customer has the device back N working days after being informed.
[[nodiscard]] Date carryInDue(const ReturnTerms& terms, Date informedOn);

struct Standing {
  std::optional<Date> due;
  bool done = false;     // shipped (carry-in), on-site visit done, or closed
  bool dueToday = false;
  bool atRisk = false;   // on the due date or the working day before it, or a late Lenovo report
  bool overdue = false;  // the due date has passed and it is not done
};

// The one rule for both: a case, or a group of cases that share due, done and lateReport.
[[nodiscard]] Standing standingFor(std::optional<Date> due, bool done, bool lateReport, LocalTime asOf);
[[nodiscard]] Standing standingOf(const RepairCase& repairCase, LocalTime asOf);

// What the customer would owe if the case ended now, in øre.
[[nodiscard]] std::int64_t chargesOre(const RepairCase& repairCase);

}  // namespace kiosk
