#pragma once
// The port a store gives customer lookups (workflow/customer_lookup.hpp): the count of wrong
// customer codes per case number and the lockout it leads to, and the case's code to compare.
//
// The count is kept apart from the case row: counting a wrong code is no change to the case, so
// it never bumps the case's version (which would make a technician's step at the same moment
// conflict) and never appears on its timeline. It is kept per case number, for numbers no case
// has too, so that ten wrong codes lock an unknown number exactly as they lock a real one: the
// lockout tells a guesser nothing about which numbers exist.
#include <cstdint>
#include <optional>
#include <string>

#include "workflow/error.hpp"

namespace kiosk {

// How many wrong codes lock a case number's lookups, and for how long.
struct CodeAttemptPolicy {
  int maxWrongCodes = 10;
  std::int64_t lockMs = 15 * 60 * 1000;
};

// One attempt, counted before its code is judged.
struct CodeAttempt {
  // False while the number is locked: the code must not even be compared.
  bool allowed = false;
  // Attempts counted since the last right code (or the end of the last lock), this one included;
  // it stops growing one past the limit.
  int attempts = 0;
  // Set once `attempts` reached the limit: the lookups of this number are locked until then
  // (UTC milliseconds since the epoch). The attempt that reached it is still allowed.
  std::optional<std::int64_t> lockedUntilMs;
  // The customer code of the case with this number; empty when there is none.
  std::string customerCode;
};

class CustomerLookupStore {
 public:
  CustomerLookupStore() = default;
  CustomerLookupStore(const CustomerLookupStore&) = delete;
  CustomerLookupStore& operator=(const CustomerLookupStore&) = delete;
  virtual ~CustomerLookupStore() = default;

  // Counts an attempt at `number` (normalised: "XXXX-XXXX") at `nowMs` (UTC ms) as a wrong code,
  // in one transaction, and returns it with the case's code: the caller clears the count when the
  // code is right. Counting first means attempts made at once at many stations are each counted
  // before any of them is judged, so no more than maxWrongCodes codes are ever compared per lock.
  // A lock that has ended starts the count again (this attempt is the first).
  [[nodiscard]] virtual Result<CodeAttempt> beginCodeAttempt(const std::string& number, const CodeAttemptPolicy& policy,
                                                             std::int64_t nowMs) = 0;
  // The code was right: the count of `number` starts again from zero.
  [[nodiscard]] virtual Result<void> clearCodeAttempts(const std::string& number) = 0;
};

}  // namespace kiosk
