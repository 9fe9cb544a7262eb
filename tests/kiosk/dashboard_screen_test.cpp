// The dashboard headless: its figures are the demo store's, counted here case by case with the
// workflow's own rules, and another station's change shows without being asked.
#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "support/sample_intake.hpp"
#include "headless_kiosk.hpp"
#include "kiosk/screens/dashboard_chart.hpp"
#include "kiosk/screens/dashboard_screen.hpp"
#include "workflow/due_dates.hpp"

namespace kiosk::test {
namespace {

DashboardScreen& openDashboard(HeadlessKiosk& kiosk) {
  kiosk.ui().show(ScreenId::Dashboard);  // the F key depends on how many screens there are
  kiosk.settle();
  auto* dashboard = kiosk.screenAs<DashboardScreen>();
  if (dashboard == nullptr) throw std::runtime_error("the dashboard is not showing");
  return *dashboard;
}

struct Counted {
  StandingCounts total;
  std::map<CaseStatus, std::size_t> byStatus;
  std::map<std::string, StandingCounts> byTechnician;
  std::map<std::string, StandingCounts> byVendor;
};

void add(StandingCounts& counts, const Standing& standing) {
  ++counts.open;
  counts.dueToday += standing.dueToday ? 1 : 0;
  counts.atRisk += standing.atRisk ? 1 : 0;
  counts.overdue += standing.overdue ? 1 : 0;
}

// Every open case, one at a time, through standingOf: independent of the grouped queries.
Counted countCaseByCase(HeadlessKiosk& kiosk) {
  Counted counted;
  const std::vector<RepairCase> open = kiosk.service().list(CaseQuery{}).value();  // a copy: the Result is a temporary
  for (const RepairCase& c : open) {
    const Standing standing = standingOf(c, kiosk.clock().now());
    add(counted.total, standing);
    ++counted.byStatus[c.status];
    add(counted.byTechnician[c.technician], standing);
    add(counted.byVendor[c.device.vendor], standing);
  }
  return counted;
}

void expectSame(const StandingCounts& shown, const StandingCounts& counted, const std::string& what) {
  EXPECT_EQ(shown.open, counted.open) << what;
  EXPECT_EQ(shown.dueToday, counted.dueToday) << what;
  EXPECT_EQ(shown.atRisk, counted.atRisk) << what;
  EXPECT_EQ(shown.overdue, counted.overdue) << what;
}

TEST(DashboardScreen, ShowsTheDemoStoresFiguresCountedCaseByCase) {
  HeadlessKiosk kiosk(withDemoCases(60));
  DashboardScreen& dashboard = openDashboard(kiosk);
  ASSERT_TRUE(dashboard.figures().has_value());
  const DashboardFigures& shown = *dashboard.figures();
  const Counted counted = countCaseByCase(kiosk);

  expectSame(shown.total, counted.total, "total");
  EXPECT_GT(shown.total.open, 0U);
  EXPECT_GT(shown.total.overdue + shown.total.atRisk + shown.total.dueToday, 0U) << "the demo has urgent cases";
  for (const auto& [status, n] : shown.byStatus) {
    const auto it = counted.byStatus.find(status);
    EXPECT_EQ(n, it == counted.byStatus.end() ? 0U : it->second) << statusName(status);
  }
  ASSERT_EQ(shown.byTechnician.size(), counted.byTechnician.size());
  for (const auto& [name, counts] : shown.byTechnician) expectSame(counts, counted.byTechnician.at(name), name);
  ASSERT_EQ(shown.byVendor.size(), counted.byVendor.size());
  for (const auto& [vendor, counts] : shown.byVendor) expectSame(counts, counted.byVendor.at(vendor), vendor);

  // Eight weeks, the current ISO week (Monday 23 November 2026, week 48) last.
  ASSERT_EQ(shown.weeks.size(), static_cast<std::size_t>(DashboardScreen::kWeeks));
  EXPECT_EQ(shown.weeks.back().weekStart, *parseDate("2026-11-23"));
  EXPECT_EQ(isoWeekNumber(shown.weeks.back().weekStart), 48);
  EXPECT_EQ(isoWeekNumber(*parseDate("2026-12-28")), 53);  // 2026 has 53 ISO weeks
  EXPECT_EQ(isoWeekNumber(*parseDate("2027-01-04")), 1);
}

TEST(DashboardScreen, LargeCountsHaveTheirDigitsGroupedAsTheLanguageWritesThem) {
  const UiText nb(Translations::load(KIOSK_ASSETS_DIR, "nb").value());
  const UiText en(Translations::load(KIOSK_ASSETS_DIR, "en").value());
  EXPECT_EQ(groupedCount(1'000'000, nb), "1\u00a0000\u00a0000");
  EXPECT_EQ(groupedCount(1'000'000, en), "1,000,000");
  EXPECT_EQ(groupedCount(28'688, en), "28,688");
  EXPECT_EQ(groupedCount(999, en), "999");
  EXPECT_EQ(groupedCount(0, nb), "0");
}

TEST(DashboardScreen, AnotherStationsNewCaseIsCountedWithoutAsking) {
  HeadlessKiosk kiosk(withDemoCases(20));
  DashboardScreen& dashboard = openDashboard(kiosk);
  const std::size_t before = dashboard.figures()->total.open;

  const IntakeForm form = lenovoIntake("PF3ABCDE");
  const auto created = kiosk.service().registerCase(form, Actor{"Skranke 2", kiosk.clock().now()});
  ASSERT_TRUE(created) << created.error().message;

  for (int i = 0; i < 200 && dashboard.figures()->total.open == before; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    kiosk.settle();
  }
  EXPECT_EQ(dashboard.figures()->total.open, before + 1);
  expectSame(dashboard.figures()->total, countCaseByCase(kiosk).total, "after the change");
}

}  // namespace
}  // namespace kiosk::test
