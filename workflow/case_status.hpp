#pragma once
// Where a repair case stands. The allowed steps between statuses live in case_steps.hpp.
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

enum class CaseStatus {
  Registered,        // taken in, not yet diagnosed
  Diagnosed,         // finding recorded and/or warranty decided
  AwaitingParts,     // parts or a swap unit ordered
  InRepair,          // parts received, on the bench
  Repaired,          // fixed (carry-in) or on-site visit done (Lenovo)
  AwaitingCustomer,  // quote sent, waiting for approval or decline
  Returning,         // declined: going back unrepaired
  Shipped,           // on its way back to the customer
  Dispatched,        // handed to the on-site service partner
  Closed,            // the customer accepted the case as solved
};

[[nodiscard]] std::string_view statusName(CaseStatus status);
[[nodiscard]] std::optional<CaseStatus> parseStatus(std::string_view text);
[[nodiscard]] bool isOpen(CaseStatus status);

}  // namespace kiosk
