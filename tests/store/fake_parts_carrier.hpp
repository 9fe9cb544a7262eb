#pragma once
// In-memory parts supplier and carrier for the workflow tests: idempotent by reference as the
// contracts in gateways/README.md require, and able to fail the next call on purpose.
#include <map>
#include <string>

#include "workflow/carrier.hpp"
#include "workflow/parts_supplier.hpp"

namespace kiosk::test {

class FakeSupplier final : public PartsSupplier {
 public:
  Result<std::string> order(const PartsOrderRequest& request) override {
    ++calls;
    lastRequest = request;
    if (failNext) {
      failNext = false;
      return gatewayError("the parts supplier at http://test/orders answered HTTP 503: busy");
    }
    auto [it, added] = idByReference.try_emplace(request.reference, "PO-" + std::to_string(idByReference.size() + 1));
    if (added) states[it->second] = PartsOrderState{};
    return it->second;
  }
  Result<PartsOrderState> status(const std::string& orderId) override {
    if (failNext) {
      failNext = false;
      return gatewayError("the parts supplier at http://test/orders/" + orderId + ": no answer within 10 ms");
    }
    const auto found = states.find(orderId);
    if (found == states.end()) return gatewayError("no order " + orderId);
    return found->second;
  }

  std::map<std::string, std::string> idByReference;  // the distinct orders placed
  std::map<std::string, PartsOrderState> states;
  PartsOrderRequest lastRequest;
  int calls = 0;
  bool failNext = false;
};

class FakeCarrier final : public Carrier {
 public:
  Result<ShipmentBooking> book(const ShipmentRequest& request) override {
    ++calls;
    lastRequest = request;
    if (failNext) {
      failNext = false;
      return gatewayError("the carrier at http://test/shipments answered HTTP 500: down");
    }
    auto [it, added] = bookings.try_emplace(
        request.reference, ShipmentBooking{"Posten", "70" + std::to_string(4711 + bookings.size())});
    return it->second;
  }

  std::map<std::string, ShipmentBooking> bookings;  // the distinct bookings made
  ShipmentRequest lastRequest;
  int calls = 0;
  bool failNext = false;
};

}  // namespace kiosk::test
