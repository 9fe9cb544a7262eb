#pragma once
// What both stores do alike with the staff table: the key a name is found by, and a stored role
// read back. Internal to store/.
#include <string>
#include <string_view>

#include "workflow/staff.hpp"

namespace kiosk {

// The name folded to lower case (ASCII, Latin-1 and Latin Extended-A: "Øyvind" and "øYVIND" are
// one key), as column staff.name_key holds it.
[[nodiscard]] std::string staffNameKey(std::string_view name);

// The role column as a StaffRole; throws std::runtime_error for a value the schema forbids.
[[nodiscard]] StaffRole storedStaffRole(std::string_view text);

}  // namespace kiosk
