// Dashboard figures from grouped counts: standing per vendor and technician, met and missed
// due dates per ISO week. A fake store hands out the groups, so no database is involved.
#include <gtest/gtest.h>

#include "tests/workflow/test_dates.hpp"
#include "workflow/dashboard.hpp"

namespace kiosk {
namespace {

using test::day;

LocalTime at(const char* text) { return *parseLocalTime(text); }

// Only the grouped queries answer; the dashboard must not need anything else.
class GroupsOnlyStore final : public CaseStore {
 public:
  std::vector<OpenCaseGroup> open;
  std::vector<DueOutcomeGroup> outcomes;
  std::optional<Error> failure;
  std::optional<std::pair<Date, Date>> askedRange;

  Result<RepairCase> create(RepairCase) override { return unused(); }
  Result<RepairCase> load(const std::string&) override { return unused(); }
  Result<RepairCase> update(const std::string&, const Change&) override { return unused(); }
  Result<std::vector<RepairCase>> findBySerial(const std::string&) override { return unused(); }
  Result<std::vector<RepairCase>> findByMobile(const std::string&) override { return unused(); }
  Result<std::vector<RepairCase>> findByCustomerName(const std::string&, std::size_t) override { return unused(); }
  Result<std::vector<RepairCase>> list(const CaseQuery&) override { return unused(); }
  Result<std::size_t> countMatching(const CaseQuery&) override { return unused(); }
  Result<std::size_t> count() override { return unused(); }
  Result<std::uint64_t> changeStamp() override { return unused(); }
  Result<std::vector<OpenCaseGroup>> groupOpenCases() override {
    if (failure) return tl::unexpected(*failure);
    return open;
  }
  Result<std::vector<DueOutcomeGroup>> groupDueOutcomes(Date from, Date to) override {
    askedRange = {from, to};
    return outcomes;
  }
  Result<std::vector<OutboxMessage>> listOutbox(const OutboxQuery&) override { return unused(); }

 private:
  static tl::unexpected<Error> unused() {
    ADD_FAILURE() << "the dashboard asked the store for more than the grouped counts";
    return storageError("not in this fake");
  }
};

void expectCounts(const StandingCounts& c, std::size_t open, std::size_t dueToday, std::size_t atRisk,
                  std::size_t overdue, const std::string& what) {
  EXPECT_EQ(c.open, open) << what;
  EXPECT_EQ(c.dueToday, dueToday) << what;
  EXPECT_EQ(c.atRisk, atRisk) << what;
  EXPECT_EQ(c.overdue, overdue) << what;
}

class DashboardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    using S = CaseStatus;
    // As of Wednesday 2026-11-25, noon.
    m_store.open = {
        {S::InRepair, "apple", "per", day("2026-11-25"), false, false, 2},       // due today
        {S::Registered, "hp", "", std::nullopt, false, false, 1},                // no due date yet
        {S::AwaitingParts, "apple", "ida", day("2026-11-20"), false, false, 3},  // overdue
        {S::Shipped, "apple", "ida", day("2026-11-20"), false, true, 1},         // late but done
        {S::Dispatched, "lenovo", "per", day("2026-11-30"), true, false, 1},     // late report
        {S::InRepair, "hp", "per", day("2026-11-26"), false, false, 1},          // tomorrow
    };
    m_store.outcomes = {
        {day("2026-11-10"), day("2026-11-10"), "apple", "per", 2},  // met on the day
        {day("2026-11-12"), day("2026-11-13"), "hp", "per", 1},     // missed by a day
        {day("2026-11-20"), std::nullopt, "apple", "ida", 3},       // passed, not done
        {day("2026-11-20"), day("2026-11-19"), "apple", "ida", 1},  // met early
        {day("2026-11-25"), std::nullopt, "apple", "per", 2},       // today: not yet missed
        {day("2026-11-24"), std::nullopt, "hp", "", 1},             // yesterday: missed
        {day("2026-11-27"), day("2026-11-24"), "apple", "ida", 1},  // done before it is due
        {day("2026-11-26"), std::nullopt, "hp", "per", 1},          // ahead: neither
    };
  }
  GroupsOnlyStore m_store;
};

TEST_F(DashboardTest, EveryOpenStatusInEnumOrderWithZeros) {
  const auto f = dashboardFigures(m_store, at("2026-11-25T12:00"), 3);
  ASSERT_TRUE(f) << f.error().message;
  using S = CaseStatus;
  const std::vector<std::pair<S, std::size_t>> expected = {
      {S::Registered, 1}, {S::Diagnosed, 0}, {S::AwaitingParts, 3}, {S::InRepair, 3}, {S::Repaired, 0},
      {S::AwaitingCustomer, 0}, {S::Returning, 0}, {S::Shipped, 1}, {S::Dispatched, 1}};
  EXPECT_EQ(f->byStatus, expected);
}

TEST_F(DashboardTest, StandingInTotalPerVendorAndPerTechnician) {
  const auto f = dashboardFigures(m_store, at("2026-11-25T12:00"), 3);
  ASSERT_TRUE(f) << f.error().message;
  expectCounts(f->total, 9, 2, 4, 3, "total");
  ASSERT_EQ(f->byVendor.size(), 3U);
  EXPECT_EQ(f->byVendor[0].first, "apple");
  expectCounts(f->byVendor[0].second, 6, 2, 2, 3, "apple");
  EXPECT_EQ(f->byVendor[1].first, "hp");
  expectCounts(f->byVendor[1].second, 2, 0, 1, 0, "hp");
  EXPECT_EQ(f->byVendor[2].first, "lenovo");
  expectCounts(f->byVendor[2].second, 1, 0, 1, 0, "lenovo");
  ASSERT_EQ(f->byTechnician.size(), 3U);
  EXPECT_EQ(f->byTechnician[0].first, "");
  expectCounts(f->byTechnician[0].second, 1, 0, 0, 0, "not taken");
  EXPECT_EQ(f->byTechnician[1].first, "ida");
  expectCounts(f->byTechnician[1].second, 4, 0, 0, 3, "ida");
  EXPECT_EQ(f->byTechnician[2].first, "per");
  expectCounts(f->byTechnician[2].second, 4, 2, 4, 0, "per");
}

TEST_F(DashboardTest, MetAndMissedPerIsoWeekOldestFirst) {
  const auto f = dashboardFigures(m_store, at("2026-11-25T12:00"), 3);
  ASSERT_TRUE(f) << f.error().message;
  ASSERT_TRUE(m_store.askedRange);
  EXPECT_EQ(m_store.askedRange->first, day("2026-11-09"));
  EXPECT_EQ(m_store.askedRange->second, day("2026-11-29"));
  ASSERT_EQ(f->weeks.size(), 3U);
  EXPECT_EQ(f->weeks[0].weekStart, day("2026-11-09"));
  EXPECT_EQ(f->weeks[0].met, 2U);
  EXPECT_EQ(f->weeks[0].missed, 1U);
  EXPECT_EQ(f->weeks[1].weekStart, day("2026-11-16"));
  EXPECT_EQ(f->weeks[1].met, 1U);
  EXPECT_EQ(f->weeks[1].missed, 3U);
  EXPECT_EQ(f->weeks[2].weekStart, day("2026-11-23"));
  EXPECT_EQ(f->weeks[2].met, 1U);
  EXPECT_EQ(f->weeks[2].missed, 1U);
}

TEST_F(DashboardTest, TheCurrentWeekStartsOnMondayAcrossNewYear) {
  // Sunday 3 January 2027 belongs to the ISO week that began Monday 28 December 2026.
  const auto f = dashboardFigures(m_store, at("2027-01-03T23:00"), 1);
  ASSERT_TRUE(f) << f.error().message;
  ASSERT_EQ(f->weeks.size(), 1U);
  EXPECT_EQ(f->weeks[0].weekStart, day("2026-12-28"));
  EXPECT_EQ(m_store.askedRange->second, day("2027-01-03"));
  // Groups outside the asked range (a careless store) are not counted.
  EXPECT_EQ(f->weeks[0].met + f->weeks[0].missed, 0U);
}

TEST_F(DashboardTest, NoWeeksAskedNoOutcomeQuery) {
  const auto f = dashboardFigures(m_store, at("2026-11-25T12:00"), 0);
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_TRUE(f->weeks.empty());
  EXPECT_FALSE(m_store.askedRange);
  const auto negative = dashboardFigures(m_store, at("2026-11-25T12:00"), -1);
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().kind, ErrorKind::BadInput);
}

TEST_F(DashboardTest, AStorageErrorComesBackAsIs) {
  m_store.failure = Error{ErrorKind::Storage, {}, "disk gone"};
  const auto f = dashboardFigures(m_store, at("2026-11-25T12:00"));
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error().message, "disk gone");
}

TEST_F(DashboardTest, AnEmptyStoreStillListsEveryOpenStatus) {
  m_store.open.clear();
  m_store.outcomes.clear();
  const auto f = dashboardFigures(m_store, at("2026-11-25T12:00"));
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_EQ(f->byStatus.size(), 9U);
  expectCounts(f->total, 0, 0, 0, 0, "total");
  EXPECT_TRUE(f->byVendor.empty());
  EXPECT_TRUE(f->byTechnician.empty());
  EXPECT_EQ(f->weeks.size(), 8U);
  EXPECT_EQ(f->weeks.back().weekStart, day("2026-11-23"));
  EXPECT_EQ(f->weeks.front().weekStart, day("2026-10-05"));
}

}  // namespace
}  // namespace kiosk
