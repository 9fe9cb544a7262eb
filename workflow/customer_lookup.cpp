#include "workflow/customer_lookup.hpp"

#include <algorithm>

#include "workflow/case_number.hpp"
#include "workflow/customer_code.hpp"

namespace kiosk {
namespace {

// What an unknown number's attempt is compared with, so that it costs what a wrong code costs.
// Whatever was typed, the answer for an unknown number is NoMatch: the comparison's result is
// discarded.
constexpr std::string_view kStandInCode = "00000000";
static_assert(kStandInCode.size() == kCustomerCodeLength);

}  // namespace

CustomerCaseStatus customerCaseStatus(const RepairCase& c) {
  return CustomerCaseStatus{c.number, c.status, c.due, c.device.vendor, c.device.family};
}

CustomerStatusWords customerStatusWords(const CustomerCaseStatus& s, const VendorCatalog& vendors,
                                        const Translations& texts) {
  const std::string status(statusName(s.status));
  CustomerStatusWords words;
  const VendorProfile* vendor = vendors.find(s.vendor);
  words.device = (vendor != nullptr ? vendor->name : s.vendor) + " " + texts.lookupOr("family." + s.family, s.family);
  words.status = texts.lookupOr("customer.status." + status, status);
  words.next = texts.lookupOr("customer.next." + status, "");
  if (!isOpen(s.status)) {
    words.due = texts.lookupOr("customer.due_closed", "");
  } else if (s.due) {
    const TextArg date[] = {{"date", texts.longDate(*s.due)}};
    words.due = Translations::fill(texts.lookupOr("customer.due", "{date}"), date);
  } else {
    words.due = texts.lookupOr("customer.due_unknown", "");
  }
  return words;
}

CustomerLookup::CustomerLookup(CaseStore& cases, CustomerLookupStore& attempts, CodeAttemptPolicy policy)
    : m_cases(cases), m_attempts(attempts), m_policy(policy) {}

Result<CustomerLookupAnswer> CustomerLookup::lookUp(std::string_view numberText, std::string_view codeText,
                                                    std::int64_t nowMs) {
  auto number = normalizeCaseNumber(numberText, "case");
  if (!number) return tl::unexpected(number.error());
  const auto typed = normalizeCustomerCode(codeText, "code");
  if (!typed) return tl::unexpected(typed.error());

  const auto attempt = m_attempts.beginCodeAttempt(*number, m_policy, nowMs);
  if (!attempt) return tl::unexpected(attempt.error());
  CustomerLookupAnswer answer;
  answer.number = *number;
  const auto locked = [&] {
    answer.verdict = LookupVerdict::Locked;
    answer.lockedUntilMs = attempt->lockedUntilMs;
    answer.lockRemainingMs = attempt->lockedUntilMs ? std::max<std::int64_t>(0, *attempt->lockedUntilMs - nowMs) : 0;
    return answer;
  };
  if (!attempt->allowed) return locked();
  const bool known = !attempt->customerCode.empty();
  // Compared either way; only then is it known whether there was a case at all.
  const bool same = sameCustomerCode(known ? std::string_view(attempt->customerCode) : kStandInCode, *typed);
  if (!(same && known)) {
    // The attempt that reached the limit is answered with the lock at once.
    if (attempt->lockedUntilMs) return locked();
    return answer;
  }
  auto found = m_cases.load(*number);
  if (!found) {
    // Deleted between the two reads (a purge): as if it had never been there.
    if (found.error().kind == ErrorKind::NotFound) return answer;
    return tl::unexpected(found.error());
  }
  if (auto cleared = m_attempts.clearCodeAttempts(*number); !cleared) return tl::unexpected(cleared.error());
  answer.verdict = LookupVerdict::Found;
  answer.status = customerCaseStatus(*found);
  return answer;
}

}  // namespace kiosk
