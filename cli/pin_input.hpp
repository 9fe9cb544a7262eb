#pragma once
// `--pin -`: a PIN read from standard input, so it never shows in `ps` or the shell's history.
// Every kioskctl option that takes a PIN goes through readPinOption (staff add/check/pin, case
// passcode), so they all accept "-" alike.
#include <istream>
#include <string>
#include <string_view>

#include "workflow/error.hpp"

namespace kiosk::cli {

// `value` as given to `--<field>`: "-" reads one line from `in` (a trailing "\r" dropped, as a
// Windows-made file has it); anything else is the PIN itself. When `in` is the terminal, the
// line is read with echo off after a prompt on `prompt` (standard error). Several options given
// "-" in one command read one line each, in the order the command asks for them (documented per
// command). BadInput on `field` when standard input is at its end. The PIN's format is the
// caller's to check (StaffService), and no error here quotes what was read.
[[nodiscard]] Result<std::string> readPinOption(const std::string& value, std::istream& in, std::ostream& prompt,
                                                std::string_view field = "pin");

}  // namespace kiosk::cli
