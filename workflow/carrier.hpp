#pragma once
// The Carrier port: booking the return shipment of a repaired (or declined) device to the
// customer's address. gateways/ implements it over HTTP (the contract is in gateways/README.md).
#include <string>

#include "workflow/error.hpp"

namespace kiosk {

struct ShipmentRequest {
  // "<case number>-return": the carrier answers a second booking with a reference it has seen
  // with the booking it already made, so booking again after a failure ships nothing twice.
  std::string reference;
  std::string caseNumber;
  std::string name;     // the customer
  std::string address;  // the registered address / service location
  std::string mobile;   // E.164, for the carrier's delivery notice
};

struct ShipmentBooking {
  std::string carrier;   // the carrier's name as the customer knows it, e.g. "Posten"
  std::string tracking;  // the tracking number
};

[[nodiscard]] inline std::string returnShipmentReference(const std::string& caseNumber) {
  return caseNumber + "-return";
}

class Carrier {
 public:
  Carrier() = default;
  Carrier(const Carrier&) = delete;
  Carrier& operator=(const Carrier&) = delete;
  virtual ~Carrier() = default;

  // Books the shipment (or returns the booking already made for request.reference).
  // ErrorKind::Gateway when the carrier did not take it.
  [[nodiscard]] virtual Result<ShipmentBooking> book(const ShipmentRequest& request) = 0;
};

}  // namespace kiosk
