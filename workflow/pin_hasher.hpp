#pragma once
// The PIN hashing port: staff PINs are kept only as slow, salted hashes. crypto/ implements it
// with Argon2id (libsodium's crypto_pwhash_str); tests script a cheap one.
#include <string>
#include <string_view>

#include "workflow/error.hpp"

namespace kiosk {

class PinHasher {
 public:
  PinHasher() = default;
  PinHasher(const PinHasher&) = delete;
  PinHasher& operator=(const PinHasher&) = delete;
  virtual ~PinHasher() = default;

  // A self-describing hash of `pin` (algorithm, limits and salt included), holding nothing from
  // which the PIN can be read back short of guessing it. A Storage error when it cannot be made
  // (out of memory); the message never holds the PIN.
  [[nodiscard]] virtual Result<std::string> hashPin(std::string_view pin) = 0;
  // Whether `pin` is the one `hash` was made from. A hash this hasher cannot read never matches.
  [[nodiscard]] virtual bool pinMatches(std::string_view hash, std::string_view pin) = 0;
};

}  // namespace kiosk
