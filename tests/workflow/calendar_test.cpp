// Dates and wall-clock times: the parsers are the gate every CLI and screen input goes
// through, so an impossible date must be refused there rather than normalised into another day.
#include "workflow/calendar.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "tests/workflow/test_dates.hpp"

namespace kiosk {
namespace {

using test::day;

Date ymd(int y, unsigned m, unsigned d) {
  return Date{date::year{y}, date::month{m}, date::day{d}};
}

TEST(ParseDate, AcceptsStrictIsoDates) {
  EXPECT_EQ(parseDate("2026-01-05"), ymd(2026, 1, 5));
  EXPECT_EQ(parseDate("2026-12-31"), ymd(2026, 12, 31));
  EXPECT_EQ(parseDate("1999-07-01"), ymd(1999, 7, 1));
  EXPECT_EQ(parseDate("2026-04-30"), ymd(2026, 4, 30));
  EXPECT_EQ(parseDate("2026-02-28"), ymd(2026, 2, 28));
}

TEST(ParseDate, AcceptsLeapDaysOnlyInLeapYears) {
  EXPECT_EQ(parseDate("2024-02-29"), ymd(2024, 2, 29));
  EXPECT_EQ(parseDate("2020-02-29"), ymd(2020, 2, 29));
  // Divisible by 400: leap. Divisible by 100 only: common. A naive "% 4" check gets these wrong.
  EXPECT_EQ(parseDate("2000-02-29"), ymd(2000, 2, 29));
  EXPECT_EQ(parseDate("1900-02-29"), std::nullopt);
  EXPECT_EQ(parseDate("2100-02-29"), std::nullopt);
  EXPECT_EQ(parseDate("2025-02-29"), std::nullopt);
  EXPECT_EQ(parseDate("2026-02-29"), std::nullopt);
}

TEST(ParseDate, RejectsImpossibleDates) {
  const std::string_view texts[] = {"2026-02-30", "2026-02-31", "2026-04-31", "2026-06-31",
                                    "2026-09-31", "2026-11-31", "2026-01-32", "2026-13-01",
                                    "2026-00-10", "2026-01-00", "2026-99-99"};
  for (const std::string_view text : texts) {
    EXPECT_EQ(parseDate(text), std::nullopt) << text;
  }
}

TEST(ParseDate, RejectsMalformedText) {
  const std::string_view texts[] = {" ",           "2026-1-05",   "2026-01-5",   "26-01-05",
                                    "20260105",    "2026/01/05",  "2026.01.05",  "05-01-2026",
                                    "2026-01-05x", "2026-01-05 ", " 2026-01-05", "2026-01-05T10:00",
                                    "+026-01-05",  "-026-01-05",  "2026-0a-05",  "2026-01--5",
                                    "2026--1-05",  "2026-01-0 ",  "2026-01-05\n"};
  for (const std::string_view text : texts) {
    EXPECT_EQ(parseDate(text), std::nullopt) << '"' << text << '"';
  }
  EXPECT_EQ(parseDate(""), std::nullopt);
  // Input from C APIs can carry an embedded NUL; the length, not the NUL, decides.
  EXPECT_EQ(parseDate(std::string_view("2026-01-05\0", 11)), std::nullopt);
}

TEST(FormatDate, RoundTripsThroughParse) {
  const std::string_view texts[] = {"2026-01-05", "2024-02-29", "1900-03-01", "2200-12-31",
                                    "0999-06-07"};
  for (const std::string_view text : texts) {
    const auto parsed = parseDate(text);
    ASSERT_TRUE(parsed) << text;
    EXPECT_EQ(formatDate(*parsed), text);
  }
}

TEST(ParseLocalTime, AcceptsMinutesAndOptionalSeconds) {
  const auto at = parseLocalTime("2026-01-05T15:30");
  ASSERT_TRUE(at);
  EXPECT_EQ(dateOf(*at), ymd(2026, 1, 5));
  EXPECT_EQ(minutesOfDay(*at), 15 * 60 + 30);
  EXPECT_EQ(formatLocalTime(*at), "2026-01-05T15:30:00");

  const auto withSeconds = parseLocalTime("2026-01-05T15:30:59");
  ASSERT_TRUE(withSeconds);
  EXPECT_EQ(formatLocalTime(*withSeconds), "2026-01-05T15:30:59");
  EXPECT_EQ(minutesOfDay(*withSeconds), 15 * 60 + 30);

  const auto midnight = parseLocalTime("2024-02-29T00:00:00");
  ASSERT_TRUE(midnight);
  EXPECT_EQ(dateOf(*midnight), ymd(2024, 2, 29));
  EXPECT_EQ(minutesOfDay(*midnight), 0);

  const auto last = parseLocalTime("2026-12-31T23:59:59");
  ASSERT_TRUE(last);
  EXPECT_EQ(dateOf(*last), ymd(2026, 12, 31));
  EXPECT_EQ(minutesOfDay(*last), 23 * 60 + 59);
}

TEST(ParseLocalTime, RejectsImpossibleTimes) {
  const std::string_view texts[] = {
      "2026-01-05T24:00",    "2026-01-05T24:00:00", "2026-01-05T12:60",
      "2026-01-05T12:00:60", "2026-01-05T23:59:60", "2026-01-05T99:99",
      "2026-02-30T10:00",    "2025-02-29T10:00",    "2026-13-05T10:00"};
  for (const std::string_view text : texts) {
    EXPECT_EQ(parseLocalTime(text), std::nullopt) << text;
  }
}

TEST(ParseLocalTime, RejectsMalformedText) {
  const std::string_view texts[] = {" ",
                                    "2026-01-05",
                                    "2026-01-05T",
                                    "2026-01-05T1:00",
                                    "2026-01-05T10:0",
                                    "2026-01-05T10",
                                    "2026-1-05T10:00",
                                    "2026-01-05T10:00:",
                                    "2026-01-05T10:00:0",
                                    "2026-01-05T10:00Z",
                                    "2026-01-05T10:00:00Z",
                                    "2026-01-05T10:00:00+01:00",
                                    "2026-01-05T10:00:00.5",
                                    "2026-01-05X10:00",
                                    "2026-01-05T10-00",
                                    "2026-01-05T10:00 ",
                                    " 2026-01-05T10:00",
                                    "2026-01-05T-1:00",
                                    "2026-01-05T10:+5",
                                    "2026-01-05T10:00-00"};
  for (const std::string_view text : texts) {
    EXPECT_EQ(parseLocalTime(text), std::nullopt) << '"' << text << '"';
  }
  EXPECT_EQ(parseLocalTime(""), std::nullopt);
}

TEST(Calendar, AddDaysCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(addDays(day("2024-02-28"), 1), day("2024-02-29"));
  EXPECT_EQ(addDays(day("2025-02-28"), 1), day("2025-03-01"));
  EXPECT_EQ(addDays(day("2026-12-31"), 1), day("2027-01-01"));
  EXPECT_EQ(addDays(day("2027-01-01"), -1), day("2026-12-31"));
  EXPECT_EQ(addDays(day("2026-01-05"), 0), day("2026-01-05"));
  EXPECT_EQ(addDays(day("2024-01-01"), 366), day("2025-01-01"));
}

TEST(Calendar, IsWeekendOnlyOnSaturdayAndSunday) {
  // 2026-01-05 is a Monday.
  EXPECT_FALSE(isWeekend(day("2026-01-05")));
  EXPECT_FALSE(isWeekend(day("2026-01-06")));
  EXPECT_FALSE(isWeekend(day("2026-01-07")));
  EXPECT_FALSE(isWeekend(day("2026-01-08")));
  EXPECT_FALSE(isWeekend(day("2026-01-09")));
  EXPECT_TRUE(isWeekend(day("2026-01-10")));
  EXPECT_TRUE(isWeekend(day("2026-01-11")));
  EXPECT_FALSE(isWeekend(day("2024-02-29")));  // a Thursday
}

struct TermCase {
  const char* start;
  int years;
  const char* lastDay;
};

TEST(LastDayOfTerm, IsTheDayBeforeTheAnniversary) {
  const TermCase cases[] = {
      {"2026-03-10", 1, "2027-03-09"},
      {"2026-01-01", 1, "2026-12-31"},
      {"2026-01-01", 3, "2028-12-31"},
      {"2026-12-31", 1, "2027-12-30"},
      {"2024-02-28", 1, "2025-02-27"},
      {"2024-03-01", 1, "2025-02-28"},
      // The anniversary is 1 March of a leap year, so the last day is 29 February.
      {"2023-03-01", 1, "2024-02-29"},
      {"2021-03-01", 3, "2024-02-29"},
      // A 29 February purchase: the anniversary in a common year is 1 March (DOMAIN.md).
      {"2020-02-29", 1, "2021-02-28"},
      {"2020-02-29", 2, "2022-02-28"},
      {"2020-02-29", 3, "2023-02-28"},
      // In a leap year the anniversary is 29 February itself, so the last day is the 28th.
      {"2020-02-29", 4, "2024-02-28"},
      {"2020-02-29", 8, "2028-02-28"},
      {"2024-02-29", 1, "2025-02-28"},
      {"2024-02-29", 2, "2026-02-28"},
      {"2024-02-29", 3, "2027-02-28"},
      {"1996-02-29", 4, "2000-02-28"},
      {"2096-02-29", 4, "2100-02-28"},  // 2100 is common: anniversary 1 March
  };
  for (const auto& c : cases) {
    EXPECT_EQ(lastDayOfTerm(day(c.start), c.years), day(c.lastDay))
        << c.start << " + " << c.years << "y";
  }
}

}  // namespace
}  // namespace kiosk
