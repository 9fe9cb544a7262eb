#pragma once
// A customer at the counter looks up their case with the case number and the customer code from
// their receipt (kioskctl status, the kiosk's customer status screen). They learn where the
// repair stands, when it is due and what happens next; never anything personal (no name,
// address, phone, e-mail, serial, fault or passcode).
//
// A wrong code and a well-formed number no case has get the same answer, after the same work:
// the attempt is counted (CustomerLookupStore::beginCodeAttempt, for unknown numbers too) and
// the typed code is compared, in constant time, with the case's code or, for an unknown number,
// with a stand-in. After policy.maxWrongCodes wrong codes the number's lookups are locked for
// policy.lockMs, even with the right code. Only a number that fails its check character (or is
// no case number at all) is told apart: it is a typing mistake, and says nothing about cases.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "workflow/calendar.hpp"
#include "workflow/case_status.hpp"
#include "workflow/case_store.hpp"
#include "workflow/customer_lookup_store.hpp"
#include "workflow/translations.hpp"
#include "workflow/vendor_profile.hpp"

namespace kiosk {

// All a customer is told about their case. Made from these fields only: a field added to
// RepairCase stays out of the answer until it is added here on purpose.
struct CustomerCaseStatus {
  std::string number;
  CaseStatus status = CaseStatus::Registered;
  std::optional<Date> due;
  std::string vendor;  // profile id: the kind of device only ("Apple Mac"), never its serial
  std::string family;
};

[[nodiscard]] CustomerCaseStatus customerCaseStatus(const RepairCase& repairCase);

// The same in words, in the language of `texts` (keys customer.status.<status>,
// customer.next.<status>, customer.due*, family.<family>).
struct CustomerStatusWords {
  std::string device;  // "Apple Mac"
  std::string status;  // "Vi venter på deler"
  std::string due;     // "Forventet tilbake: 28. november 2026", or why there is no date yet
  std::string next;    // what happens next, for the customer
};

[[nodiscard]] CustomerStatusWords customerStatusWords(const CustomerCaseStatus& status, const VendorCatalog& vendors,
                                                      const Translations& texts);

enum class LookupVerdict {
  Found,    // the number and code belong together
  NoMatch,  // a wrong code, or no case has the number: the same answer
  Locked,   // too many wrong codes for this number: not even the right one is judged until lockedUntilMs
};

struct CustomerLookupAnswer {
  LookupVerdict verdict = LookupVerdict::NoMatch;
  std::string number;                         // normalised, as the customer should read it
  std::optional<CustomerCaseStatus> status;   // Found only
  std::optional<std::int64_t> lockedUntilMs;  // Locked only: UTC milliseconds since the epoch
  std::int64_t lockRemainingMs = 0;           // Locked only: how long it lasts from the lookup on
};

class CustomerLookup {
 public:
  // `cases` and `attempts` are usually the same store (a CaseDatabase is both).
  CustomerLookup(CaseStore& cases, CustomerLookupStore& attempts, CodeAttemptPolicy policy = {});

  // `number` and `code` as typed or scanned; `nowMs` UTC milliseconds (the lock's clock). A
  // number that fails its check character or is no case number is BadInput on "case", a code
  // that is no code BadInput on "code": neither is counted as an attempt. Storage errors pass.
  [[nodiscard]] Result<CustomerLookupAnswer> lookUp(std::string_view number, std::string_view code,
                                                    std::int64_t nowMs);

  [[nodiscard]] const CodeAttemptPolicy& policy() const { return m_policy; }

 private:
  CaseStore& m_cases;
  CustomerLookupStore& m_attempts;
  CodeAttemptPolicy m_policy;
};

}  // namespace kiosk
