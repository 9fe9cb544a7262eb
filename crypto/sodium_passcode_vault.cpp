#include "crypto/sodium_passcode_vault.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace kiosk {
namespace {

constexpr std::string_view kFormat = "sealed:v1:";
constexpr std::size_t kKeyIdChars = 8;

std::string named(const std::filesystem::path& file) { return "passcode key file '" + file.string() + "'"; }

}  // namespace

SodiumPasscodeVault::SodiumPasscodeVault(KeyFileLocator keyFile, SealedPasscodesExist sealedPasscodesExist)
    : m_locate(std::move(keyFile)), m_sealedExist(std::move(sealedPasscodesExist)) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised: no passcode can be sealed");
}

Result<const PasscodeKey*> SodiumPasscodeVault::key(bool mayCreate) {
  if (m_key) return &*m_key;
  if (!m_file) {
    auto located = m_locate();
    if (!located) return tl::unexpected(located.error());
    m_file = std::move(*located);
  }
  auto existing = readPasscodeKey(*m_file);
  if (!existing) return tl::unexpected(existing.error());
  if (*existing) {
    m_key = std::move(**existing);
    return &*m_key;
  }
  if (!mayCreate) {
    return storageError("the " + named(*m_file) +
                        " is missing: sealed passcodes cannot be opened without the key they were sealed with "
                        "(restore the file, or ask the customer for the passcode again)");
  }
  auto sealedExist = m_sealedExist();
  if (!sealedExist) return tl::unexpected(sealedExist.error());
  if (*sealedExist) {
    return storageError("the " + named(*m_file) +
                        " is missing while the database holds passcodes sealed with a key: restore the file "
                        "(a new key would make those unreadable); see README, Device passcodes");
  }
  auto created = createPasscodeKey(*m_file);
  if (!created) return tl::unexpected(created.error());
  m_key = std::move(*created);
  return &*m_key;
}

Result<std::string> SodiumPasscodeVault::keyId() {
  const std::lock_guard lock(m_mutex);
  auto k = key(true);
  if (!k) return tl::unexpected(k.error());
  return (*k)->id;
}

Result<std::string> SodiumPasscodeVault::seal(std::string_view plain) {
  const std::lock_guard lock(m_mutex);
  auto k = key(true);
  if (!k) return tl::unexpected(k.error());
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size());
  unsigned char* nonce = box.data();
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  // An empty passcode still gets a box (the tag alone); libsodium wants a pointer even then.
  static constexpr unsigned char kNothing = 0;
  const auto* message = plain.empty() ? &kNothing : reinterpret_cast<const unsigned char*>(plain.data());
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES, message, plain.size(), nonce, (*k)->bytes.data());
  std::string base64(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(base64.data(), base64.size(), box.data(), box.size(), sodium_base64_VARIANT_ORIGINAL);
  base64.resize(base64.find('\0'));
  return std::string(kFormat) + (*k)->id + ":" + base64;
}

Result<std::string> SodiumPasscodeVault::open(std::string_view sealed) {
  const std::lock_guard lock(m_mutex);
  // Never quoted in a message: it is no secret without the key, but there is no need either.
  if (sealed.substr(0, kFormat.size()) != kFormat) {
    return storageError(isSealed(sealed) ? "a passcode is sealed in a form this program does not know (newer?)"
                                         : "a passcode is not sealed text");
  }
  const std::string_view rest = sealed.substr(kFormat.size());
  if (rest.size() < kKeyIdChars + 1 || rest[kKeyIdChars] != ':') return storageError("a sealed passcode is damaged");
  const std::string_view id = rest.substr(0, kKeyIdChars);
  const std::string_view base64 = rest.substr(kKeyIdChars + 1);
  auto k = key(false);
  if (!k) return tl::unexpected(k.error());
  if (id != (*k)->id) {
    return storageError("the passcode was sealed with key " + std::string(id) + ", but the " + named(*m_file) +
                        " holds key " + (*k)->id + ": this station needs the key file the others use");
  }
  if (base64.empty()) return storageError("a sealed passcode is damaged");
  std::vector<unsigned char> box(base64.size());
  std::size_t boxSize = 0;
  if (sodium_base642bin(box.data(), box.size(), base64.data(), base64.size(), nullptr, &boxSize, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      boxSize < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return storageError("a sealed passcode is damaged");
  }
  const std::size_t cipherSize = boxSize - crypto_secretbox_NONCEBYTES;
  std::string plain(cipherSize - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), box.data() + crypto_secretbox_NONCEBYTES,
                                 cipherSize, box.data(), (*k)->bytes.data()) != 0) {
    return storageError("a sealed passcode was changed (it does not authenticate under key " + (*k)->id + ")");
  }
  return plain;
}

}  // namespace kiosk
