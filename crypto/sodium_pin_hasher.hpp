#pragma once
// PinHasher on libsodium's Argon2id (crypto_pwhash_str): a fresh random salt per hash, libsodium's
// INTERACTIVE limits (2 passes over 64 MiB: a fraction of a second per sign-in on a station, and
// as much memory per guess for anyone holding a copy of the database). The hash is libsodium's
// self-describing "$argon2id$v=19$m=65536,t=2,p=1$salt$hash" text. sodium.h stays in the .cpp.
#include <string>
#include <string_view>

#include "workflow/pin_hasher.hpp"

namespace kiosk {

class SodiumPinHasher final : public PinHasher {
 public:
  // Initialises libsodium (once per process; safe from any thread). Throws std::runtime_error
  // when it cannot: no salt can then be drawn.
  SodiumPinHasher();

  [[nodiscard]] Result<std::string> hashPin(std::string_view pin) override;
  // crypto_pwhash_str_verify: takes the limits and salt from the hash itself, so hashes made with
  // other limits (a later, stronger setting) still verify.
  [[nodiscard]] bool pinMatches(std::string_view hash, std::string_view pin) override;
};

}  // namespace kiosk
