#pragma once
// The JSON shapes kioskctl prints: one object per case (list/find/show), warranty decisions and
// outbox messages.
#include <nlohmann/json.hpp>

#include "workflow/case_service.hpp"
#include "workflow/due_dates.hpp"

namespace kiosk::cli {

// The fields every case object has (list, find), judged as of `asOf`.
[[nodiscard]] nlohmann::json caseSummaryJson(const RepairCase& c, LocalTime asOf);
// Every field, the warranty, charges, allowed steps and the timeline (show), and the customer
// code. Never the passcode.
[[nodiscard]] nlohmann::json caseDetailJson(const RepairCase& c, const VendorProfile& vendor, LocalTime asOf);
[[nodiscard]] nlohmann::json warrantyJson(const WarrantyDecision& d);
// Whole kroner print as integers, others with their decimals.
[[nodiscard]] nlohmann::json nokJson(std::int64_t ore);

// One outbox message, as outbox list and privacy export print it.
[[nodiscard]] nlohmann::json outboxJson(const OutboxMessage& m);

}  // namespace kiosk::cli
