#pragma once
// The dashboard's figures: open cases by status, how they stand against their due dates (in
// total, per vendor, per technician), and met and missed due dates week by week.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "workflow/case_store.hpp"

namespace kiosk {

// Open cases and how many of them are due today, at risk or overdue (the rules of standingOf).
struct StandingCounts {
  std::size_t open = 0, dueToday = 0, atRisk = 0, overdue = 0;
};

// Due dates in one ISO week: met = done on or before the due date; missed = done after it, or
// not done with the due date passed. A due date still ahead and not done counts neither.
struct WeekOutcome {
  Date weekStart;  // Monday of the ISO week
  std::size_t met = 0, missed = 0;
};

struct DashboardFigures {
  std::vector<std::pair<CaseStatus, std::size_t>> byStatus;  // every open status, in enum order, zeros included
  StandingCounts total;
  std::vector<std::pair<std::string, StandingCounts>> byVendor;      // sorted by vendor id
  std::vector<std::pair<std::string, StandingCounts>> byTechnician;  // sorted by name; "" = not yet taken
  std::vector<WeekOutcome> weeks;  // the last `weekCount` ISO weeks, oldest first, the current one last
};

// Two grouped store queries, however many cases there are. weekCount 0 leaves `weeks` empty;
// a negative one is bad input.
[[nodiscard]] Result<DashboardFigures> dashboardFigures(CaseStore& store, LocalTime asOf, int weekCount = 8);

}  // namespace kiosk
