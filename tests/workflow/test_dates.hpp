#pragma once
// Test-only shorthand for writing dates in tables as the domain writes them ("2026-03-10").
#include <stdexcept>
#include <string>
#include <string_view>

#include "workflow/calendar.hpp"

namespace kiosk::test {

// A typo in a test table must not turn into a silently different expectation, so it throws
// (GoogleTest reports the exception as a failure of that test).
inline Date day(std::string_view text) {
  const auto parsed = parseDate(text);
  if (!parsed) throw std::invalid_argument("test table has an invalid date: " + std::string(text));
  return *parsed;
}

}  // namespace kiosk::test
