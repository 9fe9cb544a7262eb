#pragma once
// A covered Mac taken through the bench as another station would: diagnosed, decided, the
// customer informed by SMS, parts ordered and received, repaired. The next step is ship.
#include <string>

#include "workflow/case_service.hpp"

namespace kiosk::test {

[[nodiscard]] inline bool walkCoveredMacToRepaired(CaseService& service, const std::string& number,
                                                   const Actor& actor) {
  return service.diagnose(number, "board", Damage::None, actor) && service.decide(number, actor) &&
         service.inform(number, "sms", actor) && service.orderParts(number, {"661-1"}, actor) &&
         service.receiveParts(number, actor) && service.markRepaired(number, actor);
}

}  // namespace kiosk::test
