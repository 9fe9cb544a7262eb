#pragma once
// The Clock port: what time it is in Europe/Oslo. Tests and `--at` pass fixed times.
#include <algorithm>
#include <cstdint>

#include "workflow/calendar.hpp"

namespace kiosk {

class Clock {
 public:
  Clock() = default;
  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;
  virtual ~Clock() = default;
  [[nodiscard]] virtual LocalTime now() const = 0;
};

// Reads the system clock and converts to Europe/Oslo with the OS time-zone database.
class OsloSystemClock final : public Clock {
 public:
  [[nodiscard]] LocalTime now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(LocalTime at) : m_at(at) {}
  [[nodiscard]] LocalTime now() const override { return m_at; }
  void set(LocalTime at) { m_at = at; }

 private:
  LocalTime m_at;
};

// Whole minutes in `remainingMs`, rounded up and at least 1: how the time left on a lock is said
// ("locked for 14 more minutes"), so a lock with seconds to go never reads as 0 minutes.
[[nodiscard]] inline std::int64_t wholeMinutesLeft(std::int64_t remainingMs) {
  return std::max<std::int64_t>(1, (remainingMs + 59'999) / 60'000);
}

}  // namespace kiosk
