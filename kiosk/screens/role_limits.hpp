#pragma once
// What the signed-in member's role allows, for the screens that hide or refuse it in words
// (workflow/staff_roles.hpp holds the rules; KioskBackend refuses the same writes itself).
#include <optional>
#include <string>

#include "kiosk/app/kiosk_context.hpp"

namespace kiosk {

// The signed-in member's role; nullopt when no staff account exists (every screen as before
// accounts) or nobody is signed in (the PIN pad stands in front of the staff screens then).
[[nodiscard]] std::optional<StaffRole> signedInRole(const KioskContext& ctx);
// "Tekniker" / "Technician".
[[nodiscard]] std::string roleWord(const UiText& text, StaffRole role);

}  // namespace kiosk
