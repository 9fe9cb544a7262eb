#include "workflow/staff_roles.hpp"

namespace kiosk {

bool roleMayRegister(StaffRole role) { return role == StaffRole::Counter || role == StaffRole::Admin; }

bool roleMayStep(StaffRole role, Step step) {
  switch (role) {
    case StaffRole::Admin:
      return true;
    case StaffRole::Counter:
      return step == Step::Inform || step == Step::Approve || step == Step::Decline || step == Step::Close;
    case StaffRole::Technician:
      return step != Step::Close;
  }
  return false;
}

Result<void> checkRoleMay(const std::string& name, StaffRole role, std::optional<Step> step) {
  const bool may = step ? roleMayStep(role, *step) : roleMayRegister(role);
  if (may) return {};
  const std::string what = step ? "the step " + std::string(stepName(*step)) : std::string("intake");
  const std::string who = !step || *step == Step::Close ? "counter staff or an admin"
                                                        : "a technician or an admin";
  return refused("'" + name + "' is " + std::string(roleName(role)) + " staff; " + what + " is for " + who);
}

}  // namespace kiosk
