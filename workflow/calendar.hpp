#pragma once
// Calendar dates and Europe/Oslo wall-clock times, as the domain speaks of them.
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace kiosk {

using Date = date::year_month_day;
// A wall-clock time in Europe/Oslo. The rules (15:30 cut-off, working days) are stated in
// local time, so the domain never needs UTC.
using LocalTime = date::local_seconds;

// Strict ISO forms: "YYYY-MM-DD" and "YYYY-MM-DDTHH:MM" (seconds optional). Impossible dates
// (2026-02-30) and times (24:00) are rejected, not normalised.
[[nodiscard]] std::optional<Date> parseDate(std::string_view text);
[[nodiscard]] std::optional<LocalTime> parseLocalTime(std::string_view text);

[[nodiscard]] std::string formatDate(Date day);
[[nodiscard]] std::string formatLocalTime(LocalTime at);  // "YYYY-MM-DDTHH:MM:SS"

[[nodiscard]] Date dateOf(LocalTime at);
[[nodiscard]] int minutesOfDay(LocalTime at);
[[nodiscard]] Date addDays(Date day, int days);
[[nodiscard]] bool isWeekend(Date day);

// The day before the N-th anniversary of `start`: the last day of an N-year term. A 29 February
// start has its anniversary on 1 March in a common year.
[[nodiscard]] Date lastDayOfTerm(Date start, int years);

}  // namespace kiosk
