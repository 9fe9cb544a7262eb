#pragma once
// A refused sign-in in words, the same wherever a PIN is asked for: the PIN pad, and the case
// screen's "Show passcode" (whose PIN is judged as a sign-in).
#include <string>
#include <string_view>

#include "kiosk/ui/ui_text.hpp"
#include "workflow/error.hpp"
#include "workflow/staff_service.hpp"

namespace kiosk {

// Wrong (with the PINs left), locked (with the minutes left, at least 1), disabled, unknown;
// "" for Ok. `typedName` names an unknown account (and a disabled one the store did not name).
[[nodiscard]] std::string signInRefusalText(const UiText& text, const SignInAnswer& answer, std::string_view typedName);
// A sign-in that failed before a PIN was judged: a malformed PIN (not counted), a name no account
// can have, or the store's error.
[[nodiscard]] std::string signInErrorText(const UiText& text, const Error& error);

}  // namespace kiosk
