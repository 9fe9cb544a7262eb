#include "store/staff_rows.hpp"

#include <stdexcept>

#include "store/sqlite_text_fold.hpp"

namespace kiosk {

std::string staffNameKey(std::string_view name) { return foldCase(name); }

StaffRole storedStaffRole(std::string_view text) {
  for (const StaffRole role : {StaffRole::Counter, StaffRole::Technician, StaffRole::Admin}) {
    if (roleName(role) == text) return role;
  }
  throw std::runtime_error("the staff table holds an unknown role '" + std::string(text) + "'");
}

}  // namespace kiosk
