#include "workflow/privacy.hpp"

#include <algorithm>

#include "workflow/field_rules.hpp"

namespace kiosk {

Result<CustomerKey> parseCustomerKey(std::string_view text) {
  // The messages of normalizePhone/normalizeEmail quote the input; this one names only the field,
  // so a mistyped number or address never reaches a terminal log.
  if (text.find('@') != std::string_view::npos) {
    auto email = normalizeEmail("customer", text);
    if (!email) return badInput("customer", "is not an e-mail address (name@domain)");
    return CustomerKey{{}, std::move(*email)};
  }
  auto mobile = normalizePhone("customer", text);
  if (!mobile) {
    return badInput("customer",
                    "is neither a mobile number (8 digits, or + and the country code) nor an e-mail address");
  }
  return CustomerKey{std::move(*mobile), {}};
}

Result<CustomerExport> PrivacyService::exportCustomer(std::string_view text) {
  auto key = parseCustomerKey(text);
  if (!key) return tl::unexpected(key.error());
  auto cases = m_privacy.findCustomerCases(*key);
  if (!cases) return tl::unexpected(cases.error());
  CustomerExport out{*key, std::move(*cases), {}};
  for (const RepairCase& c : out.cases) {
    OutboxQuery query;
    query.caseNumber = c.number;
    auto messages = m_cases.listOutbox(query);
    if (!messages) return tl::unexpected(messages.error());
    out.messages.insert(out.messages.end(), messages->begin(), messages->end());
  }
  std::stable_sort(out.messages.begin(), out.messages.end(),
                   [](const OutboxMessage& a, const OutboxMessage& b) { return a.id < b.id; });
  return out;
}

}  // namespace kiosk
