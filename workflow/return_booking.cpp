#include "workflow/return_booking.hpp"

#include "workflow/case_steps.hpp"

namespace kiosk {

Result<RepairCase> bookAndShip(CaseService& service, Carrier& carrier, const std::string& number,
                               const Actor& actor) {
  const auto loaded = service.show(number);
  if (!loaded) return loaded;
  const RepairCase& c = *loaded;
  if (const auto reason = whyNot(Step::Ship, c, service.vendorOf(c))) {
    return refused("case " + c.number + ": the return is not booked: " + *reason);
  }
  if (c.customer.address.empty()) {
    return refused("case " + c.number + ": the return is not booked: the case has no address to ship to");
  }
  const ShipmentRequest request{returnShipmentReference(c.number), c.number, c.customer.name, c.customer.address,
                                c.customer.mobile};
  const auto booking = carrier.book(request);
  if (!booking) return tl::unexpected(booking.error());
  auto shipped = service.ship(c.number, booking->carrier, booking->tracking, actor);
  if (!shipped) {
    Error error = shipped.error();
    error.message += " (the carrier has booked " + booking->carrier + " " + booking->tracking +
                     " under reference " + request.reference + "; booking again gives the same)";
    return tl::unexpected(error);
  }
  return shipped;
}

}  // namespace kiosk
