#pragma once
// Booking the return shipment with the carrier and shipping the case with its tracking number.
#include <string>

#include "workflow/carrier.hpp"
#include "workflow/case_service.hpp"

namespace kiosk {

// Checks that the case may be shipped now (nothing is booked otherwise), books the shipment to
// the case's address under the reference "<number>-return", then runs the ship step with the
// carrier's name and tracking number (which queues the tracking message). Should the ship step
// fail after the booking, calling this again books under the same reference, and the carrier
// answers with the same tracking number: nothing is shipped twice.
[[nodiscard]] Result<RepairCase> bookAndShip(CaseService& service, Carrier& carrier, const std::string& number,
                                             const Actor& actor);

}  // namespace kiosk
