#include "workflow/working_days.hpp"

#include <algorithm>

namespace kiosk {

Date easterSunday(int year) {
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher); valid for every Gregorian year.
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{date::year{year}, date::month{static_cast<unsigned>(month)},
              date::day{static_cast<unsigned>(day)}};
}

std::vector<Holiday> norwegianHolidays(int year) {
  const Date easter = easterSunday(year);
  const auto fixed = [year](unsigned month, unsigned day) {
    return Date{date::year{year}, date::month{month}, date::day{day}};
  };
  std::vector<Holiday> holidays = {
      {fixed(1, 1), "Første nyttårsdag"},
      {addDays(easter, -3), "Skjærtorsdag"},
      {addDays(easter, -2), "Langfredag"},
      {easter, "Første påskedag"},
      {addDays(easter, 1), "Andre påskedag"},
      {fixed(5, 1), "Arbeidernes dag"},
      {fixed(5, 17), "Grunnlovsdag"},
      {addDays(easter, 39), "Kristi himmelfartsdag"},
      {addDays(easter, 49), "Første pinsedag"},
      {addDays(easter, 50), "Andre pinsedag"},
      {fixed(12, 25), "Første juledag"},
      {fixed(12, 26), "Andre juledag"},
  };
  // Stable: two holidays on one date keep the order above (fixed feast first).
  std::stable_sort(holidays.begin(), holidays.end(), [](const Holiday& x, const Holiday& y) {
    return date::sys_days{x.day} < date::sys_days{y.day};
  });
  return holidays;
}

bool isHoliday(Date day) {
  const Date easter = easterSunday(static_cast<int>(day.year()));
  const int fromEaster = static_cast<int>((date::sys_days{day} - date::sys_days{easter}).count());
  switch (fromEaster) {
    case -3: case -2: case 0: case 1: case 39: case 49: case 50:
      return true;
    default:
      break;
  }
  const auto md = date::month_day{day.month(), day.day()};
  using date::January; using date::May; using date::December;
  return md == January / 1 || md == May / 1 || md == May / 17 || md == December / 25 ||
         md == December / 26;
}

bool isWorkingDay(Date day) { return !isWeekend(day) && !isHoliday(day); }

Date nextWorkingDay(Date day) {
  do { day = addDays(day, 1); } while (!isWorkingDay(day));
  return day;
}

Date previousWorkingDay(Date day) {
  do { day = addDays(day, -1); } while (!isWorkingDay(day));
  return day;
}

Date addWorkingDays(Date day, int n) {
  if (n == 0) return isWorkingDay(day) ? day : nextWorkingDay(day);
  for (int i = 0; i < n; ++i) day = nextWorkingDay(day);
  for (int i = 0; i > n; --i) day = previousWorkingDay(day);
  return day;
}

}  // namespace kiosk
