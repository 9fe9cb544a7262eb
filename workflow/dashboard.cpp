#include "workflow/dashboard.hpp"

#include <map>

#include "workflow/due_dates.hpp"

namespace kiosk {
namespace {

constexpr CaseStatus kOpenStatuses[] = {
    CaseStatus::Registered, CaseStatus::Diagnosed,        CaseStatus::AwaitingParts,
    CaseStatus::InRepair,   CaseStatus::Repaired,         CaseStatus::AwaitingCustomer,
    CaseStatus::Returning,  CaseStatus::Shipped,          CaseStatus::Dispatched,
};

void add(StandingCounts& counts, const Standing& standing, std::size_t n) {
  counts.open += n;
  if (standing.dueToday) counts.dueToday += n;
  if (standing.atRisk) counts.atRisk += n;
  if (standing.overdue) counts.overdue += n;
}

Date mondayOf(Date day) {
  const date::sys_days d{day};
  return Date{d - (date::weekday{d} - date::Monday)};
}

Result<void> addStanding(DashboardFigures& figures, CaseStore& store, LocalTime asOf) {
  auto groups = store.groupOpenCases();
  if (!groups) return tl::unexpected(groups.error());
  std::map<CaseStatus, std::size_t> byStatus;
  std::map<std::string, StandingCounts> byVendor;
  std::map<std::string, StandingCounts> byTechnician;
  for (const OpenCaseGroup& g : *groups) {
    const Standing standing = standingFor(g.due, g.done, g.lateReport, asOf);
    byStatus[g.status] += g.count;
    add(figures.total, standing, g.count);
    add(byVendor[g.vendor], standing, g.count);
    add(byTechnician[g.technician], standing, g.count);
  }
  for (const CaseStatus s : kOpenStatuses) figures.byStatus.emplace_back(s, byStatus[s]);
  // std::map keeps its keys sorted: vendor ids and names come out in order.
  figures.byVendor.assign(byVendor.begin(), byVendor.end());
  figures.byTechnician.assign(byTechnician.begin(), byTechnician.end());
  return {};
}

Result<void> addWeeks(DashboardFigures& figures, CaseStore& store, LocalTime asOf, int weekCount) {
  if (weekCount == 0) return {};
  const Date today = dateOf(asOf);
  const date::sys_days first{addDays(mondayOf(today), -7 * (weekCount - 1))};
  const Date last = addDays(mondayOf(today), 6);
  for (int w = 0; w < weekCount; ++w) figures.weeks.push_back({Date{first + date::days{7 * w}}, 0, 0});
  auto groups = store.groupDueOutcomes(Date{first}, last);
  if (!groups) return tl::unexpected(groups.error());
  for (const DueOutcomeGroup& g : *groups) {
    const auto offset = (date::sys_days{g.due} - first).count();
    if (offset < 0 || offset >= 7L * weekCount) continue;  // a store that returned too much
    WeekOutcome& week = figures.weeks[static_cast<std::size_t>(offset / 7)];
    if (g.doneOn) {
      (date::sys_days{*g.doneOn} <= date::sys_days{g.due} ? week.met : week.missed) += g.count;
    } else if (date::sys_days{g.due} < date::sys_days{today}) {
      week.missed += g.count;
    }
  }
  return {};
}

}  // namespace

Result<DashboardFigures> dashboardFigures(CaseStore& store, LocalTime asOf, int weekCount) {
  if (weekCount < 0) return badInput("weeks", "is negative; ask for 0 or more weeks");
  DashboardFigures figures;
  if (auto standing = addStanding(figures, store, asOf); !standing) return tl::unexpected(standing.error());
  if (auto weeks = addWeeks(figures, store, asOf, weekCount); !weeks) return tl::unexpected(weeks.error());
  return figures;
}

}  // namespace kiosk
