#include "crypto/sodium_random_source.hpp"

#include <sodium.h>

#include <stdexcept>

namespace kiosk {

SodiumRandomSource::SodiumRandomSource() {
  // 0: initialised now, 1: already was; -1: no randomness to be had.
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised: no secure random numbers");
}

std::uint32_t SodiumRandomSource::uniform(std::uint32_t upperBound) {
  if (upperBound == 0) throw std::invalid_argument("a random number below 0 was asked for");
  return randombytes_uniform(upperBound);
}

}  // namespace kiosk
