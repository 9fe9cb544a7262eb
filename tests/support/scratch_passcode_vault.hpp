#pragma once
// The real passcode vault (libsodium secretbox) on a key file of its own in a fresh temporary
// folder, removed with it: what tests give a CaseService so that intakes with a passcode are
// sealed as in production. Link kiosk_crypto.
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

#include "crypto/sodium_passcode_vault.hpp"

namespace kiosk::test {

class ScratchPasscodeVault final : public PasscodeVault {
 public:
  ScratchPasscodeVault()
      : m_dir(std::filesystem::temp_directory_path() /
              ("kiosk-passcode-key-" + std::to_string(::getpid()) + "-" + std::to_string(std::random_device{}()))),
        m_vault([this]() -> Result<std::filesystem::path> { return keyFile(); },
                []() -> Result<bool> { return false; }) {}
  ScratchPasscodeVault(const ScratchPasscodeVault&) = delete;
  ScratchPasscodeVault& operator=(const ScratchPasscodeVault&) = delete;
  ~ScratchPasscodeVault() override {
    std::error_code ignored;
    std::filesystem::remove_all(m_dir, ignored);
  }

  [[nodiscard]] Result<std::string> seal(std::string_view plain) override { return m_vault.seal(plain); }
  [[nodiscard]] Result<std::string> open(std::string_view sealed) override { return m_vault.open(sealed); }
  [[nodiscard]] std::filesystem::path keyFile() const { return m_dir / "passcode.key"; }

 private:
  std::filesystem::path m_dir;
  SodiumPasscodeVault m_vault;
};

}  // namespace kiosk::test
