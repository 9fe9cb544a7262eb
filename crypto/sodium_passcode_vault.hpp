#pragma once
// PasscodeVault on libsodium's secretbox (XSalsa20-Poly1305): a fresh random nonce per seal, under
// the 32-byte key of the passcode key file (crypto/passcode_key_file.hpp). Sealed text reads
// "sealed:v1:<key id>:<base64 of nonce and ciphertext>"; the key id names the key a passcode was
// sealed under, so a station with another key file says so instead of calling it damaged.
// sodium.h stays in the .cpp.
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "crypto/passcode_key_file.hpp"
#include "workflow/passcode_vault.hpp"

namespace kiosk {

class SodiumPasscodeVault final : public PasscodeVault {
 public:
  // Where the key file is; asked once, on the first seal or open, so a command that never
  // touches a passcode never needs the file (or the configuration that names it).
  using KeyFileLocator = std::function<Result<std::filesystem::path>()>;
  // Whether the store holds sealed passcodes; asked only when the key file is missing at a
  // seal: a new key is then made only if none was ever used, never in place of a lost one.
  using SealedPasscodesExist = std::function<Result<bool>()>;

  // Throws std::runtime_error when libsodium cannot be initialised.
  SodiumPasscodeVault(KeyFileLocator keyFile, SealedPasscodesExist sealedPasscodesExist);

  [[nodiscard]] Result<std::string> seal(std::string_view plain) override;
  [[nodiscard]] Result<std::string> open(std::string_view sealed) override;

  // The key's id, loading (or creating, as a seal would) the key file now: a station checks its
  // key at start rather than at the first intake.
  [[nodiscard]] Result<std::string> keyId();

 private:
  // The key; a missing file is made only when `mayCreate` (a seal) and no sealed passcode exists.
  [[nodiscard]] Result<const PasscodeKey*> key(bool mayCreate);

  KeyFileLocator m_locate;
  SealedPasscodesExist m_sealedExist;
  std::mutex m_mutex;  // the kiosk seals and opens on its worker, tests from several threads
  std::optional<std::filesystem::path> m_file;
  std::optional<PasscodeKey> m_key;
};

}  // namespace kiosk
