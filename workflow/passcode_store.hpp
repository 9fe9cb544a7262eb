#pragma once
// The port a store gives the passcode vault's upkeep (workflow/passcode_service.hpp): which cases
// still hold a clear-text passcode from before passcodes were sealed, and whether any sealed one
// exists (a missing key file must then not be replaced by a new key).
#include <cstddef>
#include <string>
#include <vector>

#include "workflow/error.hpp"

namespace kiosk {

class PasscodeStore {
 public:
  PasscodeStore() = default;
  PasscodeStore(const PasscodeStore&) = delete;
  PasscodeStore& operator=(const PasscodeStore&) = delete;
  virtual ~PasscodeStore() = default;

  // Numbers of up to `limit` cases (oldest first) whose passcode is not empty and does not start
  // with kSealedPasscodePrefix (workflow/passcode_vault.hpp). `openOnly`: open cases only, found
  // through the open cases' index, so it costs next to nothing at a million closed cases; all
  // cases means reading every row.
  [[nodiscard]] virtual Result<std::vector<std::string>> casesWithClearPasscodes(std::size_t limit,
                                                                                bool openOnly) = 0;
  // Whether any case holds a passcode starting with kSealedPasscodePrefix (asked only when the key
  // file is missing: it may read every row).
  [[nodiscard]] virtual Result<bool> hasSealedPasscodes() = 0;
  // After clear passcodes were sealed or erased: lets go of the copies of the old text the store
  // still holds (SQLite: the WAL is checkpointed into the file, where secure_delete zeroed the
  // old cells, and emptied; PostgreSQL: nothing, VACUUM reclaims old row versions).
  [[nodiscard]] virtual Result<void> eraseFreedCopies() = 0;
};

}  // namespace kiosk
