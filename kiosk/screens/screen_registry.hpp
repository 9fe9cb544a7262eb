#pragma once
// Every screen of the kiosk, made in one place, in tab-bar order.
#include <memory>
#include <vector>

#include "kiosk/screens/screen.hpp"

namespace kiosk {

[[nodiscard]] std::vector<std::unique_ptr<Screen>> makeScreens();

}  // namespace kiosk
