#include "workflow/clock.hpp"

#include <chrono>

#include <date/tz.h>

namespace kiosk {

LocalTime OsloSystemClock::now() const {
  // Looked up on each call: cheap after the first, and keeps the class free of state.
  const auto* oslo = date::locate_zone("Europe/Oslo");
  const auto utc = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return oslo->to_local(utc);
}

}  // namespace kiosk
