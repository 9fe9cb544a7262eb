#pragma once
// Norwegian working days: Monday-Friday minus the statutory public holidays.
#include <string>
#include <vector>

#include "workflow/calendar.hpp"

namespace kiosk {

struct Holiday {
  Date day;
  std::string name;  // the Norwegian name, as on a calendar
};

// Years the calendar is defined for; outside it the Easter computation is still right, but
// the product promises (and tests) only these.
inline constexpr int kFirstCalendarYear = 1900;
inline constexpr int kLastCalendarYear = 2200;

[[nodiscard]] Date easterSunday(int year);
// Every holiday of the year in date order; two holidays on one date are two entries.
[[nodiscard]] std::vector<Holiday> norwegianHolidays(int year);
[[nodiscard]] bool isHoliday(Date day);
[[nodiscard]] bool isWorkingDay(Date day);
// "N working days after D": D itself does not count; N = 0 is D when D is a working day, else
// the next working day. A negative N counts backwards the same way.
[[nodiscard]] Date addWorkingDays(Date day, int n);
[[nodiscard]] Date nextWorkingDay(Date day);      // first working day strictly after `day`
[[nodiscard]] Date previousWorkingDay(Date day);  // last working day strictly before `day`

}  // namespace kiosk
