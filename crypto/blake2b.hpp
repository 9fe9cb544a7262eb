#pragma once
// BLAKE2b-256 (libsodium's crypto_generichash), plain and keyed, as lower-case hex, and random
// keys to go with it: what the audit trail's chains and commitments are made of. sodium.h stays
// in the .cpp.
#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

// 64 hex digits. Throws std::runtime_error when libsodium cannot be initialised.
[[nodiscard]] std::string blake2bHex(std::string_view data);
// Keyed with the bytes that `keyHex` spells (16 to 64 bytes: 32 to 128 hex digits); a keyed
// hash cannot be recomputed, or a short input guessed, without the key. Throws
// std::invalid_argument for a key that is not such hex.
[[nodiscard]] std::string keyedBlake2bHex(std::string_view keyHex, std::string_view data);
// `bytes` fresh random bytes (libsodium's randombytes) as 2 * bytes hex digits.
[[nodiscard]] std::string randomHex(std::size_t bytes);

}  // namespace kiosk
