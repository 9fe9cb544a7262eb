#pragma once
// The port a store gives the personal-data duties (workflow/privacy.hpp): find everything held
// about one customer.
#include <string>
#include <vector>

#include "workflow/error.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk {

// Who a customer is for an export: exactly one of the two, as intake normalises them.
struct CustomerKey {
  std::string mobile;  // E.164, e.g. +4791234567
  std::string email;   // matched without regard to ASCII letter case
};

class PrivacyStore {
 public:
  PrivacyStore() = default;
  PrivacyStore(const PrivacyStore&) = delete;
  PrivacyStore& operator=(const PrivacyStore&) = delete;
  virtual ~PrivacyStore() = default;

  // Every case (open or closed) whose customer has this mobile or e-mail, oldest first, each with
  // its whole timeline.
  [[nodiscard]] virtual Result<std::vector<RepairCase>> findCustomerCases(const CustomerKey& key) = 0;
};

}  // namespace kiosk
