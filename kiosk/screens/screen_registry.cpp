#include "kiosk/screens/screen_registry.hpp"

#include "kiosk/screens/case_screen.hpp"
#include "kiosk/screens/customer_status_screen.hpp"
#include "kiosk/screens/dashboard_screen.hpp"
#include "kiosk/screens/intake_screen.hpp"
#include "kiosk/screens/queue_screen.hpp"
#include "kiosk/screens/settings_screen.hpp"

namespace kiosk {

std::vector<std::unique_ptr<Screen>> makeScreens() {
  std::vector<std::unique_ptr<Screen>> screens;
  screens.push_back(std::make_unique<IntakeScreen>());
  screens.push_back(std::make_unique<QueueScreen>());
  screens.push_back(std::make_unique<CaseScreen>());
  screens.push_back(std::make_unique<CustomerStatusScreen>());
  screens.push_back(std::make_unique<DashboardScreen>());
  screens.push_back(std::make_unique<SettingsScreen>());
  return screens;
}

std::unique_ptr<SignInScreen> makeSignInScreen() { return std::make_unique<SignInScreen>(); }

}  // namespace kiosk
