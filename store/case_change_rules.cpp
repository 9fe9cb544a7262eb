#include "store/case_change_rules.hpp"

#include <algorithm>

#include "store/audit_chain.hpp"
#include "workflow/case_number.hpp"

namespace kiosk {

bool sameEvent(const CaseEvent& a, const CaseEvent& b) {
  return a.at == b.at && a.staff == b.staff && a.kind == b.kind && a.detail == b.detail;
}

Result<std::string> lookupNumber(const std::string& number) {
  auto normalized = normalizeCaseNumber(number);
  if (!normalized) return notFound("case", normalized.error().message);
  return normalized;
}

Result<void> checkChange(const RepairCase& before, const RepairCase& after) {
  if (after.sequence != before.sequence || after.number != before.number) {
    return storageError("case " + before.number + ": a change may not alter the case's sequence or number");
  }
  // The code is printed on the customer's receipt: a new one would lock them out of their case.
  if (after.customerCode != before.customerCode) {
    return storageError("case " + before.number + ": a change may not alter the case's customer code");
  }
  const bool kept = after.events.size() >= before.events.size() &&
                    std::equal(before.events.begin(), before.events.end(), after.events.begin(), sameEvent);
  if (!kept) {
    return storageError("case " + before.number +
                        ": a change may only append events; it removed or altered earlier ones");
  }
  // A message is queued by an event of this change: it exists exactly when its event does.
  for (const OutboxMessage& m : after.newMessages) {
    if (m.eventPosition < before.events.size() || m.eventPosition >= after.events.size()) {
      return storageError("case " + before.number + ": a change may only queue messages for events it appends");
    }
  }
  return {};
}

Result<void> appendsOrKeeps(const RepairCase& before, const RepairCase& after) {
  if (after.events.size() > before.events.size() || sameRow(before, after)) return {};
  return storageError("case " + before.number + ": a change to the case must append an event to its timeline");
}

}  // namespace kiosk
