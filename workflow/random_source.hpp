#pragma once
// The randomness port: where secrets that must not be guessed (customer codes) get their bits.
// crypto/ implements it on the operating system's generator (libsodium); tests script it.
#include <cstdint>

namespace kiosk {

class RandomSource {
 public:
  RandomSource() = default;
  RandomSource(const RandomSource&) = delete;
  RandomSource& operator=(const RandomSource&) = delete;
  virtual ~RandomSource() = default;

  // A number in [0, upperBound), every value equally likely (no modulo bias); upperBound > 0.
  [[nodiscard]] virtual std::uint32_t uniform(std::uint32_t upperBound) = 0;
};

}  // namespace kiosk
