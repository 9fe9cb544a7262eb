#pragma once
// The PartsSupplier port: ordering a case's parts (or swap unit) from the supplier and asking
// how the order stands. gateways/ implements it over HTTP (the contract is in gateways/README.md).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflow/calendar.hpp"
#include "workflow/error.hpp"

namespace kiosk {

struct PartsOrderRequest {
  // PartsOrder::reference: the supplier answers a second order with a reference it has seen
  // with the order it already has, so a retry after a lost answer never orders twice.
  std::string reference;
  std::string caseNumber;
  std::string vendor;   // profile id: apple, hp, lenovo
  std::string product;
  std::string serial;
  std::vector<std::string> parts;
};

enum class PartsOrderStatus { Ordered, Shipped, Arrived, Cancelled };

[[nodiscard]] std::string_view partsOrderStatusName(PartsOrderStatus status);  // "ordered", ...
[[nodiscard]] std::optional<PartsOrderStatus> parsePartsOrderStatus(std::string_view text);

struct PartsOrderState {
  PartsOrderStatus status = PartsOrderStatus::Ordered;
  std::optional<Date> eta;  // when the supplier expects the parts to arrive, if it says
  std::string detail;       // the supplier's words (why it was cancelled, ...); may be empty
};

class PartsSupplier {
 public:
  PartsSupplier() = default;
  PartsSupplier(const PartsSupplier&) = delete;
  PartsSupplier& operator=(const PartsSupplier&) = delete;
  virtual ~PartsSupplier() = default;

  // Places the order; returns the supplier's order id. ErrorKind::Gateway when the supplier
  // did not take it (no answer, refused, an answer without an order id).
  [[nodiscard]] virtual Result<std::string> order(const PartsOrderRequest& request) = 0;
  // How the order stands now.
  [[nodiscard]] virtual Result<PartsOrderState> status(const std::string& orderId) = 0;
};

}  // namespace kiosk
