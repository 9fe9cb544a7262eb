#pragma once
// The passcode key file: 32 random bytes, readable by the service account only, kept outside the
// database so a copy of the database alone opens no passcode. sodium.h stays in the .cpp.
#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "workflow/error.hpp"

namespace kiosk {

inline constexpr std::size_t kPasscodeKeyBytes = 32;  // crypto_secretbox_KEYBYTES

// A key and its id: the first 8 hex digits of the key's BLAKE2b hash, written into every sealed
// text so that a passcode sealed under another key is named as such, not as damaged.
struct PasscodeKey {
  std::array<unsigned char, kPasscodeKeyBytes> bytes{};
  std::string id;
  PasscodeKey() = default;
  PasscodeKey(const PasscodeKey&) = default;
  PasscodeKey& operator=(const PasscodeKey&) = default;
  ~PasscodeKey();  // wipes the bytes
};

// Where the key file is: `configured` ([passcodes] key_file of --config) when set, else the
// environment's KIOSK_PASSCODE_KEY, else passcode.key in the folder of the default SQLite
// database ($XDG_DATA_HOME/repair-kiosk, or ~/.local/share/repair-kiosk): beside the default
// database, but never inside it, and the same for every program of the station's account.
[[nodiscard]] std::filesystem::path passcodeKeyFile(const std::string& configured);

// The key in `file`; nullopt when there is no such file. A Storage error naming the file when it
// is not a regular file, is readable or writable by group or others (mode & 077), is not exactly
// 32 bytes, or cannot be read.
[[nodiscard]] Result<std::optional<PasscodeKey>> readPasscodeKey(const std::filesystem::path& file);

// Creates `file` with a fresh random key (mode 0600, its folder made when missing) and returns the
// key it then holds. The bytes go to a temporary file of their own (O_CREAT|O_EXCL, fsync) that is
// then hard-linked into place, which fails when the file exists: two processes starting at once
// both end up with the one key that got there first (a rename would let the second replace the
// first's key after the first had sealed with it).
[[nodiscard]] Result<PasscodeKey> createPasscodeKey(const std::filesystem::path& file);

}  // namespace kiosk
