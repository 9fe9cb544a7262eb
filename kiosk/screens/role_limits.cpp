#include "kiosk/screens/role_limits.hpp"

namespace kiosk {

std::optional<StaffRole> signedInRole(const KioskContext& ctx) {
  const auto member = ctx.backend.signedIn();
  if (!member) return std::nullopt;
  return member->role;
}

std::string roleWord(const UiText& text, StaffRole role) {
  return text(std::string("signin.role.") + std::string(roleName(role)));
}

}  // namespace kiosk
