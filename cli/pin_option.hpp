#pragma once
// `--pin -`: the PIN read from standard input, so it shows neither in `ps` nor in the shell's
// history. Shared by the commands that take a PIN (case passcode; the staff commands are to
// follow).
#include <istream>
#include <string>
#include <string_view>

#include "workflow/error.hpp"

namespace kiosk::cli {

// `value` as given to `--<field>`: "-" reads one line from `in` (a trailing "\r" dropped);
// anything else is the PIN itself. BadInput on `field` when `in` ends before a line; no message
// quotes what was read. The PIN's format is the caller's to check (StaffService).
[[nodiscard]] Result<std::string> pinFromOption(const std::string& value, std::istream& in,
                                                std::string_view field = "pin");

}  // namespace kiosk::cli
