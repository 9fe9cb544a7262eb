#include "crypto/sodium_pin_hasher.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace kiosk {

SodiumPinHasher::SodiumPinHasher() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised: no salt can be drawn");
}

Result<std::string> SodiumPinHasher::hashPin(std::string_view pin) {
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    // The only cause libsodium gives: it could not have the memory.
    return storageError("cannot hash the PIN: Argon2id could not have its 64 MiB of memory");
  }
  return std::string(out.data());
}

bool SodiumPinHasher::pinMatches(std::string_view hash, std::string_view pin) {
  // crypto_pwhash_str_verify reads a NUL-terminated string of at most STRBYTES - 1 characters.
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::array<char, crypto_pwhash_STRBYTES> terminated{};
  hash.copy(terminated.data(), hash.size());
  return crypto_pwhash_str_verify(terminated.data(), pin.data(), pin.size()) == 0;
}

}  // namespace kiosk
