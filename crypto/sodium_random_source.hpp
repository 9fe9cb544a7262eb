#pragma once
// RandomSource on libsodium's randombytes: the kernel's generator (getrandom), unpredictable and
// unbiased. sodium.h stays in the .cpp.
#include <cstdint>

#include "workflow/random_source.hpp"

namespace kiosk {

class SodiumRandomSource final : public RandomSource {
 public:
  // Initialises libsodium (once per process; safe from any thread). Throws std::runtime_error
  // when it cannot: there is then no safe randomness, and nothing secret may be drawn.
  SodiumRandomSource();

  [[nodiscard]] std::uint32_t uniform(std::uint32_t upperBound) override;
};

}  // namespace kiosk
