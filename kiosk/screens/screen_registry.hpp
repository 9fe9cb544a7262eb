#pragma once
// Every screen of the kiosk, made in one place, in tab-bar order.
#include <memory>
#include <vector>

#include "kiosk/screens/screen.hpp"
#include "kiosk/screens/sign_in_screen.hpp"

namespace kiosk {

[[nodiscard]] std::vector<std::unique_ptr<Screen>> makeScreens();
// The PIN pad, off the tab bar: drawn in place of a staff screen while nobody is signed in.
[[nodiscard]] std::unique_ptr<SignInScreen> makeSignInScreen();

}  // namespace kiosk
