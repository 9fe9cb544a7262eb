#pragma once
// Which workflow steps a case allows now, and why the others are not. One table serves the
// refusal messages, the CLI and (later) the kiosk's "next step" button.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflow/repair_case.hpp"
#include "workflow/vendor_profile.hpp"

namespace kiosk {

enum class Step {
  Diagnose, Decide, Quote, Inform, Approve, Decline, OrderParts, ReceiveParts,
  Repaired, Dispatch, Ship, Close,
};

[[nodiscard]] std::string_view stepName(Step step);  // as the CLI spells it: "order-parts"
[[nodiscard]] const std::vector<Step>& allSteps();

// Empty when `step` is allowed now; otherwise why not, in words for the person at the bench.
[[nodiscard]] std::optional<std::string> whyNot(Step step, const RepairCase& repairCase,
                                                const VendorProfile& vendor);
[[nodiscard]] std::vector<Step> allowedSteps(const RepairCase& repairCase, const VendorProfile& vendor);
// True when the case went to the on-site partner rather than the bench.
[[nodiscard]] bool wentOnSite(const RepairCase& repairCase);

}  // namespace kiosk
