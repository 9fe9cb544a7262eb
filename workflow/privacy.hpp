#pragma once
// Personal data (GDPR, issue 8): everything held about one customer, for an export.
#include <string>
#include <string_view>
#include <vector>

#include "workflow/case_service.hpp"
#include "workflow/case_store.hpp"
#include "workflow/privacy_store.hpp"

namespace kiosk {

// A mobile number (normalised as intake does: 8 digits are Norwegian) or an e-mail address.
// BadInput naming "customer"; the message never repeats what was typed.
[[nodiscard]] Result<CustomerKey> parseCustomerKey(std::string_view text);

// Everything held about one customer.
struct CustomerExport {
  CustomerKey key;
  std::vector<RepairCase> cases;          // with timelines, oldest first
  std::vector<OutboxMessage> messages;    // every message of those cases, oldest first
};

class PrivacyService {
 public:
  PrivacyService(CaseStore& cases, PrivacyStore& privacy) : m_cases(cases), m_privacy(privacy) {}

  // Everything held about the customer `text` names (see parseCustomerKey). A customer with no
  // case gets an empty export, not an error: "nothing held" is an answer.
  [[nodiscard]] Result<CustomerExport> exportCustomer(std::string_view text);

 private:
  CaseStore& m_cases;
  PrivacyStore& m_privacy;
};

}  // namespace kiosk
