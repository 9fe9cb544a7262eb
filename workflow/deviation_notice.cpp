#include "workflow/deviation_notice.hpp"

namespace kiosk {

bool willMissDue(const RepairCase& c, LocalTime now) {
  if (!isOpen(c.status) || !c.due || c.doneAt || c.deviationNoticedAt) return false;
  const Date today = dateOf(now);
  if (*c.due < today) return true;
  return *c.due == today && minutesOfDay(now) >= kDeviationCutoffMinutes;
}

void queueDeviation(RepairCase& c, const MessageTexts& texts) {
  queueMessage(c, texts, "sms", "deviation", "text");
  queueMessage(c, texts, "email", "deviation", "text");
}

}  // namespace kiosk
