#include "crypto/blake2b.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <vector>

namespace kiosk {
namespace {

void initialise() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");
}

std::string hex(const unsigned char* bytes, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, size);
  out.pop_back();
  return out;
}

std::string hashHex(std::string_view data, const unsigned char* key, std::size_t keySize) {
  initialise();
  std::array<unsigned char, crypto_generichash_BYTES> out{};
  if (crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(), key,
                         keySize) != 0) {
    throw std::runtime_error("BLAKE2b failed");
  }
  return hex(out.data(), out.size());
}

}  // namespace

std::string blake2bHex(std::string_view data) { return hashHex(data, nullptr, 0); }

std::string keyedBlake2bHex(std::string_view keyHex, std::string_view data) {
  const std::size_t bytes = keyHex.size() / 2;
  if (keyHex.size() % 2 != 0 || bytes < crypto_generichash_KEYBYTES_MIN || bytes > crypto_generichash_KEYBYTES_MAX) {
    throw std::invalid_argument("a BLAKE2b key must be 16 to 64 bytes written as hex");
  }
  std::vector<unsigned char> key(bytes);
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(key.data(), key.size(), keyHex.data(), keyHex.size(), nullptr, &length, &end) != 0 ||
      length != key.size() || end != keyHex.data() + keyHex.size() || length < crypto_generichash_KEYBYTES_MIN ||
      length > crypto_generichash_KEYBYTES_MAX) {
    throw std::invalid_argument("a BLAKE2b key must be 16 to 64 bytes written as hex");
  }
  return hashHex(data, key.data(), key.size());
}

std::string randomHex(std::size_t bytes) {
  initialise();
  std::vector<unsigned char> buffer(bytes);
  randombytes_buf(buffer.data(), buffer.size());
  return hex(buffer.data(), buffer.size());
}

}  // namespace kiosk
