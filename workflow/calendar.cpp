#include "workflow/calendar.hpp"

#include <charconv>
#include <cstdio>

namespace kiosk {
namespace {

// Reads exactly `width` decimal digits at `pos`.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<Date> parseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = digits(text, 0, 4);
  const auto m = digits(text, 5, 2);
  const auto d = digits(text, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  const Date day{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                 date::day{static_cast<unsigned>(*d)}};
  if (!day.ok()) return std::nullopt;
  return day;
}

std::optional<LocalTime> parseLocalTime(std::string_view text) {
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  const auto day = parseDate(text.substr(0, 10));
  if (!day || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') return std::nullopt;
  const auto hh = digits(text, 11, 2);
  const auto mm = digits(text, 14, 2);
  int ss = 0;
  if (text.size() == 19) {
    const auto s = digits(text, 17, 2);
    if (text[16] != ':' || !s) return std::nullopt;
    ss = *s;
  }
  if (!hh || !mm || *hh > 23 || *mm > 59 || ss > 59) return std::nullopt;
  return LocalTime{date::local_days{*day}.time_since_epoch()} + std::chrono::hours{*hh} +
         std::chrono::minutes{*mm} + std::chrono::seconds{ss};
}

std::string formatDate(Date day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return buffer;
}

std::string formatLocalTime(LocalTime at) {
  const auto seconds = (at - date::local_seconds{date::local_days{dateOf(at)}.time_since_epoch()}).count();
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "T%02lld:%02lld:%02lld", static_cast<long long>(seconds / 3600),
                static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
  return formatDate(dateOf(at)) + buffer;
}

Date dateOf(LocalTime at) { return Date{date::floor<date::days>(at)}; }

int minutesOfDay(LocalTime at) {
  const auto since = at - date::floor<date::days>(at);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(since).count());
}

Date addDays(Date day, int days) { return Date{date::sys_days{day} + date::days{days}}; }

bool isWeekend(Date day) {
  const date::weekday wd{date::sys_days{day}};
  return wd == date::Saturday || wd == date::Sunday;
}

Date lastDayOfTerm(Date start, int years) {
  Date anniversary = start + date::years{years};
  if (!anniversary.ok()) {
    // Only 29 February can fail; its anniversary in a common year is 1 March.
    anniversary = Date{anniversary.year(), date::March, date::day{1}};
  }
  return addDays(anniversary, -1);
}

}  // namespace kiosk
