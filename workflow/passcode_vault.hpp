#pragma once
// The passcode vault port: a device passcode given at intake is sealed before any store sees it
// and opened only for a technician who gave their PIN (workflow/passcode_service.hpp). crypto/
// implements it with libsodium's secretbox under a key kept in a file outside the database.
#include <string>
#include <string_view>

#include "workflow/error.hpp"

namespace kiosk {

// Every sealed text starts with this; stores use it to tell sealed passcodes from clear ones
// left by an older program (workflow/passcode_store.hpp).
inline constexpr std::string_view kSealedPasscodePrefix = "sealed:";

class PasscodeVault {
 public:
  PasscodeVault() = default;
  PasscodeVault(const PasscodeVault&) = delete;
  PasscodeVault& operator=(const PasscodeVault&) = delete;
  virtual ~PasscodeVault() = default;

  // A text (starting with kSealedPasscodePrefix) from which `plain` can be read back only with
  // the key; two seals of one passcode differ. A Storage error when the key cannot be had; the
  // message names the key file and never holds the passcode.
  [[nodiscard]] virtual Result<std::string> seal(std::string_view plain) = 0;
  // The passcode `sealed` was made from. A Storage error naming the key file when the key is
  // missing or is not the one it was sealed with, or when the text was changed.
  [[nodiscard]] virtual Result<std::string> open(std::string_view sealed) = 0;
  // Whether `text` is sealed text (a clear passcode from before sealing is not).
  [[nodiscard]] virtual bool isSealed(std::string_view text) const {
    return text.substr(0, kSealedPasscodePrefix.size()) == kSealedPasscodePrefix;
  }
};

}  // namespace kiosk
