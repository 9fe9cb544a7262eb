#pragma once
// The Clock port: what time it is in Europe/Oslo. Tests and `--at` pass fixed times.
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

}  // namespace kiosk
