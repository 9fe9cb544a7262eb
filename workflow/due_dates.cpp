#include "workflow/due_dates.hpp"

#include "workflow/working_days.hpp"

namespace kiosk {

OnSiteDue onSiteDue(const ReturnTerms& terms, LocalTime reportedAt) {
  const Date day = dateOf(reportedAt);
  if (!isWorkingDay(day)) return {nextWorkingDay(addWorkingDays(day, 0)), false};
  const auto secondsIntoDay = (reportedAt - date::floor<date::days>(reportedAt)).count();
  const auto cutoff = static_cast<long long>(terms.cutoffMinutes) * 60;
  const auto lateAfter = static_cast<long long>(terms.lateAfterMinutes) * 60;
  if (secondsIntoDay < cutoff) return {nextWorkingDay(day), false};
  if (secondsIntoDay <= lateAfter) return {nextWorkingDay(day), true};
  return {addWorkingDays(day, 2), false};
}

Date carryInDue(const ReturnTerms& terms, Date informedOn) {
  return addWorkingDays(informedOn, terms.workingDays);
}

Standing standingFor(std::optional<Date> due, bool done, bool lateReport, LocalTime asOf) {
  Standing s;
  s.due = due;
  s.done = done;
  if (s.done || !due) return s;
  const auto today = date::sys_days{dateOf(asOf)};
  const auto dueDay = date::sys_days{*due};
  s.dueToday = today == dueDay;
  s.overdue = today > dueDay;
  const auto riskFrom = date::sys_days{previousWorkingDay(*due)};
  s.atRisk = !s.overdue && (lateReport || today >= riskFrom);
  return s;
}

Standing standingOf(const RepairCase& c, LocalTime asOf) {
  return standingFor(c.due, c.doneAt.has_value() || c.status == CaseStatus::Closed, c.lateReport, asOf);
}

std::int64_t chargesOre(const RepairCase& c) {
  if (!c.warranty || c.warranty->covered) return 0;
  const std::int64_t fee = static_cast<std::int64_t>(c.warranty->diagnosisFeeNok) * 100;
  switch (c.answer) {
    case CustomerAnswer::Approved: return c.quoteOre.value_or(0);
    case CustomerAnswer::BoughtNew: return 0;
    case CustomerAnswer::Declined:
    case CustomerAnswer::None: return fee;
  }
  return fee;
}

}  // namespace kiosk
