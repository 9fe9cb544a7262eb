// Norwegian working days. Every deadline in the product (3 working days to return, on-site next
// working day) is computed from this calendar, so it is checked against a second, independent
// implementation written here: a different Easter algorithm (Knuth's version of the
// Lilius/Clavius epact method, cross-checked by Gauss's), its own leap-year and weekday rules, and
// day-of-year arithmetic instead of the date library. Sharing code with the product would let a
// bug in it agree with itself.
#include "workflow/working_days.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "tests/workflow/test_dates.hpp"

namespace kiosk {
namespace {

using test::day;

// ---- The independent oracle ---------------------------------------------------------------

struct Ymd {
  int year;
  int month;
  int day;
  friend bool operator==(const Ymd&, const Ymd&) = default;
  friend std::ostream& operator<<(std::ostream& out, const Ymd& d) {
    return out << d.year << '-' << d.month << '-' << d.day;
  }
};

bool oracleIsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int oracleDaysInMonth(int y, int m) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && oracleIsLeap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

int oracleDayOfYear(Ymd d) {
  int n = d.day;
  for (int m = 1; m < d.month; ++m) n += oracleDaysInMonth(d.year, m);
  return n;
}

Ymd oracleFromDayOfYear(int year, int n) {
  int month = 1;
  while (n > oracleDaysInMonth(year, month)) n -= oracleDaysInMonth(year, month++);
  return {year, month, n};
}

// Sakamoto's weekday formula: 0 = Sunday ... 6 = Saturday.
int oracleWeekday(Ymd d) {
  constexpr std::array<int, 12> kOffsets = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  const int y = d.month < 3 ? d.year - 1 : d.year;
  return (y + y / 4 - y / 100 + y / 400 + kOffsets[static_cast<std::size_t>(d.month - 1)] + d.day) %
         7;
}

int positiveMod(int a, int m) { return ((a % m) + m) % m; }

// Knuth, TAOCP vol. 1, 1.3.2 ex. 14: the Gregorian epact method of Lilius and Clavius.
Ymd easterByEpact(int year) {
  const int golden = year % 19 + 1;
  const int century = year / 100 + 1;
  const int droppedLeapYears = 3 * century / 4 - 12;
  const int moonCorrection = (8 * century + 5) / 25 - 5;
  const int sunday = 5 * year / 4 - droppedLeapYears - 10;  // March (-sunday) mod 7 is a Sunday
  int epact = positiveMod(11 * golden + 20 + moonCorrection - droppedLeapYears, 30);
  if ((epact == 25 && golden > 11) || epact == 24) ++epact;
  int fullMoon = 44 - epact;  // day of March of the paschal full moon
  if (fullMoon < 21) fullMoon += 30;
  const int easter = fullMoon + 7 - positiveMod(sunday + fullMoon, 7);
  return easter > 31 ? Ymd{year, 4, easter - 31} : Ymd{year, 3, easter};
}

// Gauss's algorithm with its two exceptions; a second opinion on the epact method.
Ymd easterByGauss(int year) {
  const int a = year % 19;
  const int b = year % 4;
  const int c = year % 7;
  const int k = year / 100;
  const int p = (13 + 8 * k) / 25;
  const int q = k / 4;
  const int m = positiveMod(15 - p + k - q, 30);
  const int n = positiveMod(4 + k - q, 7);
  const int d = (19 * a + m) % 30;
  const int e = (2 * b + 4 * c + 6 * d + n) % 7;
  if (d == 29 && e == 6) return {year, 4, 19};
  if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) return {year, 4, 18};
  return 22 + d + e <= 31 ? Ymd{year, 3, 22 + d + e} : Ymd{year, 4, d + e - 9};
}

// Every Norwegian public holiday of `year`, by the rules in DOMAIN.md, in date order.
std::vector<Ymd> oracleHolidays(int year) {
  const int easter = oracleDayOfYear(easterByEpact(year));
  std::vector<int> days = {
      oracleDayOfYear({year, 1, 1}),
      oracleDayOfYear({year, 5, 1}),
      oracleDayOfYear({year, 5, 17}),
      oracleDayOfYear({year, 12, 25}),
      oracleDayOfYear({year, 12, 26}),
      easter - 3,   // Maundy Thursday
      easter - 2,   // Good Friday
      easter,       // Easter Sunday
      easter + 1,   // Easter Monday
      easter + 39,  // Ascension Day
      easter + 49,  // Whit Sunday
      easter + 50,  // Whit Monday
  };
  std::sort(days.begin(), days.end());
  std::vector<Ymd> out;
  for (const int n : days) out.push_back(oracleFromDayOfYear(year, n));
  return out;
}

bool oracleIsWorkingDay(Ymd d, const std::vector<Ymd>& holidaysOfYear) {
  const int weekday = oracleWeekday(d);
  if (weekday == 0 || weekday == 6) return false;
  return std::find(holidaysOfYear.begin(), holidaysOfYear.end(), d) == holidaysOfYear.end();
}

Date toDate(Ymd d) {
  return Date{date::year{d.year}, date::month{static_cast<unsigned>(d.month)},
              date::day{static_cast<unsigned>(d.day)}};
}

Ymd toYmd(Date d) {
  return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
          static_cast<int>(static_cast<unsigned>(d.day()))};
}

constexpr int kFirstCheckedYear = 2015;
constexpr int kLastCheckedYear = 2040;

// ---- Easter -------------------------------------------------------------------------------

// Known Western Easter Sundays, from published calendars. They validate the oracles as much as
// the product: all three must agree with them.
const char* const kKnownEasterSundays[] = {
    "1913-03-23", "1943-04-25", "1954-04-18", "1961-04-02", "2000-04-23", "2008-03-23",
    "2011-04-24", "2015-04-05", "2016-03-27", "2017-04-16", "2018-04-01", "2019-04-21",
    "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20",
    "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21", "2031-04-13",
    "2032-03-28", "2033-04-17", "2034-04-09", "2035-03-25", "2036-04-13", "2037-04-05",
    "2038-04-25", "2040-04-01",
};

TEST(Easter, MatchesKnownEasterSundays) {
  for (const char* text : kKnownEasterSundays) {
    const Date expected = day(text);
    const int year = static_cast<int>(expected.year());
    EXPECT_EQ(easterSunday(year), expected) << year;
    EXPECT_EQ(toDate(easterByEpact(year)), expected) << "oracle (epact) " << year;
    EXPECT_EQ(toDate(easterByGauss(year)), expected) << "oracle (Gauss) " << year;
  }
}

TEST(Easter, AgreesWithIndependentAlgorithmsOverTheWholeCalendarRange) {
  for (int year = kFirstCalendarYear; year <= kLastCalendarYear; ++year) {
    const Ymd epact = easterByEpact(year);
    ASSERT_EQ(epact, easterByGauss(year)) << "the two oracles disagree in " << year;
    const Date easter = easterSunday(year);
    EXPECT_EQ(toYmd(easter), epact) << year;
    // Gregorian Easter is always a Sunday between 22 March and 25 April.
    EXPECT_EQ(date::weekday{date::sys_days{easter}}, date::Sunday) << year;
    EXPECT_EQ(oracleWeekday(toYmd(easter)), 0) << year;
    const auto md = date::month_day{easter.month(), easter.day()};
    EXPECT_GE(md, date::March / 22) << year;
    EXPECT_LE(md, date::April / 25) << year;
  }
}

// ---- Holidays -----------------------------------------------------------------------------

TEST(NorwegianHolidays, MatchIndependentDerivationEveryYear) {
  for (int year = kFirstCheckedYear; year <= kLastCheckedYear; ++year) {
    const auto holidays = norwegianHolidays(year);
    const auto expected = oracleHolidays(year);
    ASSERT_EQ(holidays.size(), 12U) << year;
    for (std::size_t i = 0; i < holidays.size(); ++i) {
      EXPECT_EQ(toYmd(holidays[i].day), expected[i])
          << year << " entry " << i << " " << holidays[i].name;
      EXPECT_FALSE(holidays[i].name.empty()) << year << " entry " << i;
    }
  }
}

TEST(NorwegianHolidays, NamesTheMovableFeastsOf2026) {
  // Easter 2026 is 5 April.
  const std::vector<std::pair<const char*, const char*>> expected = {
      {"2026-01-01", "Første nyttårsdag"},
      {"2026-04-02", "Skjærtorsdag"},
      {"2026-04-03", "Langfredag"},
      {"2026-04-05", "Første påskedag"},
      {"2026-04-06", "Andre påskedag"},
      {"2026-05-01", "Arbeidernes dag"},
      {"2026-05-14", "Kristi himmelfartsdag"},
      {"2026-05-17", "Grunnlovsdag"},
      {"2026-05-24", "Første pinsedag"},
      {"2026-05-25", "Andre pinsedag"},
      {"2026-12-25", "Første juledag"},
      {"2026-12-26", "Andre juledag"},
  };
  const auto holidays = norwegianHolidays(2026);
  ASSERT_EQ(holidays.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(holidays[i].day, day(expected[i].first)) << i;
    EXPECT_EQ(holidays[i].name, expected[i].second) << i;
  }
}

TEST(NorwegianHolidays, TwoHolidaysOnOneDateAreTwoEntries) {
  // Easter 2027 is 28 March, so Whit Monday (+50) falls on Constitution Day, 17 May.
  const auto holidays = norwegianHolidays(2027);
  ASSERT_EQ(holidays.size(), 12U);
  std::vector<std::string> names;
  for (const auto& h : holidays) {
    if (h.day == day("2027-05-17")) names.push_back(h.name);
  }
  ASSERT_EQ(names.size(), 2U);
  EXPECT_NE(names[0], names[1]);
  EXPECT_TRUE(std::find(names.begin(), names.end(), "Grunnlovsdag") != names.end());
  EXPECT_TRUE(std::find(names.begin(), names.end(), "Andre pinsedag") != names.end());
  EXPECT_TRUE(isHoliday(day("2027-05-17")));
  EXPECT_FALSE(isWorkingDay(day("2027-05-17")));
  EXPECT_TRUE(isWorkingDay(day("2027-05-18")));
}

TEST(NorwegianHolidays, ChristmasEveAndNewYearsEveAreOrdinaryDays) {
  // Not statutory holidays in Norway, although many offices close: the product must not add them.
  EXPECT_TRUE(isWorkingDay(day("2026-12-24")));   // Thursday
  EXPECT_TRUE(isWorkingDay(day("2026-12-31")));   // Thursday
  EXPECT_FALSE(isWorkingDay(day("2026-04-04")));  // Easter Saturday is a Saturday
  EXPECT_FALSE(isHoliday(day("2026-04-04")));
}

// ---- Working days -------------------------------------------------------------------------

TEST(WorkingDays, EveryDayOfEveryYearMatchesTheOracle) {
  for (int year = kFirstCheckedYear; year <= kLastCheckedYear; ++year) {
    const auto holidays = oracleHolidays(year);
    const std::set<int> holidayDays = [&] {
      std::set<int> s;
      for (const auto& h : holidays) s.insert(oracleDayOfYear(h));
      return s;
    }();
    const int length = oracleIsLeap(year) ? 366 : 365;
    int workingDays = 0;
    for (int n = 1; n <= length; ++n) {
      const Ymd ymd = oracleFromDayOfYear(year, n);
      const Date d = toDate(ymd);
      ASSERT_TRUE(d.ok()) << year << " day " << n;
      const bool expected = oracleIsWorkingDay(ymd, holidays);
      EXPECT_EQ(isWorkingDay(d), expected) << formatDate(d);
      EXPECT_EQ(isHoliday(d), holidayDays.count(n) == 1) << formatDate(d);
      const int weekday = oracleWeekday(ymd);
      EXPECT_EQ(isWeekend(d), weekday == 0 || weekday == 6) << formatDate(d);
      if (expected) ++workingDays;
    }
    // A year has 365/366 days, 104-106 weekend days and at most 12 holidays; anything outside
    // this range means the oracle itself is broken.
    EXPECT_GE(workingDays, 365 - 106 - 12) << year;
    EXPECT_LE(workingDays, 366 - 104) << year;
  }
}

// "N working days after D" with the oracle's calendar: D itself never counts.
Ymd oracleAddWorkingDays(Ymd d, int n) {
  const auto step = [](Ymd x, int by) {
    int doy = oracleDayOfYear(x) + by;
    int year = x.year;
    if (doy < 1) doy += oracleIsLeap(--year) ? 366 : 365;
    if (doy > (oracleIsLeap(year) ? 366 : 365)) doy -= oracleIsLeap(year++) ? 366 : 365;
    return oracleFromDayOfYear(year, doy);
  };
  const auto working = [](Ymd x) { return oracleIsWorkingDay(x, oracleHolidays(x.year)); };
  if (n == 0) {
    while (!working(d)) d = step(d, 1);
    return d;
  }
  const int direction = n > 0 ? 1 : -1;
  for (int left = n > 0 ? n : -n; left > 0;) {
    d = step(d, direction);
    if (working(d)) --left;
  }
  return d;
}

TEST(AddWorkingDays, ExamplesFromTheRules) {
  // Christmas: Wed 23 (1), Thu 24 (2), Fri 25 and Sat/Sun skipped, Mon 28 (3).
  EXPECT_EQ(addWorkingDays(day("2026-12-22"), 3), day("2026-12-28"));
  // Easter 2026: Thu 2 to Mon 6 April are all off.
  EXPECT_EQ(addWorkingDays(day("2026-04-01"), 1), day("2026-04-07"));
  // A plain week: Thursday + 3 = Tuesday.
  EXPECT_EQ(addWorkingDays(day("2026-01-08"), 3), day("2026-01-13"));
  EXPECT_EQ(addWorkingDays(day("2026-01-09"), 1), day("2026-01-12"));  // Fri + 1 = Mon
  // From a weekend day, the first working day counts as one (D itself does not count).
  EXPECT_EQ(addWorkingDays(day("2026-01-10"), 1), day("2026-01-12"));  // Sat + 1 = Mon
  EXPECT_EQ(addWorkingDays(day("2026-01-11"), 3), day("2026-01-14"));  // Sun + 3 = Wed
  // Ascension Day 2026 is Thursday 14 May; Whit Monday 25 May; 17 May is a Sunday.
  EXPECT_EQ(addWorkingDays(day("2026-05-13"), 1), day("2026-05-15"));
  EXPECT_EQ(addWorkingDays(day("2026-05-22"), 1), day("2026-05-26"));
  // 2027: 17 May is Constitution Day and Whit Monday at once: one day off, not two.
  EXPECT_EQ(addWorkingDays(day("2027-05-14"), 1), day("2027-05-18"));
  EXPECT_EQ(addWorkingDays(day("2027-05-14"), 2), day("2027-05-19"));
  // Across the new year: Thu 31 Dec 2026 + 1 skips 1 Jan (Fri) and the weekend.
  EXPECT_EQ(addWorkingDays(day("2026-12-31"), 1), day("2027-01-04"));
}

TEST(AddWorkingDays, ZeroIsTheDayItselfOrTheNextWorkingDay) {
  EXPECT_EQ(addWorkingDays(day("2026-01-05"), 0), day("2026-01-05"));  // Monday
  EXPECT_EQ(addWorkingDays(day("2026-01-09"), 0), day("2026-01-09"));  // Friday
  EXPECT_EQ(addWorkingDays(day("2026-01-10"), 0), day("2026-01-12"));  // Saturday
  EXPECT_EQ(addWorkingDays(day("2026-01-11"), 0), day("2026-01-12"));  // Sunday
  EXPECT_EQ(addWorkingDays(day("2026-12-25"), 0), day("2026-12-28"));  // Christmas Day, Friday
  EXPECT_EQ(addWorkingDays(day("2026-04-02"), 0), day("2026-04-07"));  // Maundy Thursday
  EXPECT_EQ(addWorkingDays(day("2027-05-17"), 0), day("2027-05-18"));
}

TEST(AddWorkingDays, NegativeCountsBackwards) {
  EXPECT_EQ(addWorkingDays(day("2026-04-07"), -1), day("2026-04-01"));
  EXPECT_EQ(addWorkingDays(day("2026-01-05"), -1), day("2026-01-02"));  // Mon - 1 = Fri
  EXPECT_EQ(addWorkingDays(day("2026-12-28"), -3), day("2026-12-22"));
  EXPECT_EQ(addWorkingDays(day("2026-01-10"), -1), day("2026-01-09"));  // Sat - 1 = Fri
  EXPECT_EQ(addWorkingDays(day("2027-01-04"), -1), day("2026-12-31"));
  EXPECT_EQ(addWorkingDays(day("2027-05-18"), -1), day("2027-05-14"));
}

TEST(AddWorkingDays, MatchesTheOracleForEveryStartDayAndSmallN) {
  // Two years around the product's launch, every start day, N from -7 to 7.
  for (Date d = day("2026-01-01"); d <= day("2027-12-31"); d = addDays(d, 1)) {
    for (int n = -7; n <= 7; ++n) {
      EXPECT_EQ(toYmd(addWorkingDays(d, n)), oracleAddWorkingDays(toYmd(d), n))
          << formatDate(d) << " " << n;
    }
  }
}

TEST(AddWorkingDays, ForwardThenBackwardReturnsToAWorkingDay) {
  for (Date d = day("2026-01-01"); d <= day("2026-12-31"); d = addDays(d, 1)) {
    if (!isWorkingDay(d)) continue;
    for (int n = 1; n <= 10; ++n) {
      EXPECT_EQ(addWorkingDays(addWorkingDays(d, n), -n), d) << formatDate(d) << " " << n;
    }
  }
}

TEST(NextAndPreviousWorkingDay, AreStrictlyAfterAndBefore) {
  EXPECT_EQ(nextWorkingDay(day("2026-01-05")), day("2026-01-06"));  // a working day is skipped
  EXPECT_EQ(nextWorkingDay(day("2026-01-09")), day("2026-01-12"));
  EXPECT_EQ(nextWorkingDay(day("2026-12-24")), day("2026-12-28"));
  EXPECT_EQ(previousWorkingDay(day("2026-01-06")), day("2026-01-05"));
  EXPECT_EQ(previousWorkingDay(day("2026-01-12")), day("2026-01-09"));
  EXPECT_EQ(previousWorkingDay(day("2026-04-07")), day("2026-04-01"));
}

}  // namespace
}  // namespace kiosk
