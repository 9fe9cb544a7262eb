#include "store/purge_shape.hpp"

#include "workflow/privacy.hpp"

namespace kiosk {

Result<RepairCase> purgedRow(const RepairCase& c, const CaseAudit& audit, LocalTime purgedAt) {
  if (audit.events.size() != c.events.size()) {
    return storageError("case " + c.number + ": its events and their seals do not match; run kioskctl audit verify");
  }
  RepairCase erased = c;
  erasePersonalData(erased);
  erased.purgedAt = purgedAt;
  erased.version = c.version + 1;
  for (CaseEvent& e : erased.events) e.detail.clear();
  return erased;
}

void appendPurgedEvent(RepairCase& erased, CaseAudit& audit, const CaseEvent& purged) {
  audit.salt.clear();
  erased.events.push_back(purged);
  sealNewEvents(erased, audit);
}

}  // namespace kiosk
