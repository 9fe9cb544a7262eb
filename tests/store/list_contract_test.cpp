// list(): the due list and status lists, per the CaseQuery comments, on every store.
#include <gtest/gtest.h>

#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::test {
namespace {

class ListContract : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    if (HasFatalFailure()) return;
    // Created in this order; names are what the assertions compare.
    add("late", CaseStatus::Registered, "2026-11-30");
    add("none1", CaseStatus::Diagnosed, std::nullopt);
    add("early", CaseStatus::InRepair, "2026-11-20");
    add("closed", CaseStatus::Closed, "2026-11-10");
    add("mid-a", CaseStatus::Registered, "2026-11-25");
    add("mid-b", CaseStatus::Shipped, "2026-11-25");
    add("none2", CaseStatus::Registered, std::nullopt);
    add("closed-nodue", CaseStatus::Closed, std::nullopt);
  }

  void add(const std::string& name, CaseStatus status, std::optional<std::string> due) {
    RepairCase draft = draftCase("SERIAL-" + name, name);
    draft.status = status;
    if (due) draft.due = day(*due);
    auto stored = m_store->create(draft);
    ASSERT_TRUE(stored) << stored.error().message;
  }

  std::vector<std::string> names(const CaseQuery& query) {
    const auto cases = m_store->list(query);
    EXPECT_TRUE(cases) << cases.error().message;
    std::vector<std::string> out;
    if (!cases) return out;
    for (const auto& c : *cases) {
      EXPECT_TRUE(c.events.empty()) << "list returns cases without events";
      out.push_back(c.customer.name);
    }
    return out;
  }

  using Names = std::vector<std::string>;
};

TEST_P(ListContract, OpenCasesByDueThenRegistrationWithoutDueLast) {
  EXPECT_EQ(names({}), (Names{"early", "mid-a", "mid-b", "late", "none1", "none2"}));
}

TEST_P(ListContract, IncludeClosedListsEverything) {
  CaseQuery query;
  query.includeClosed = true;
  EXPECT_EQ(names(query),
            (Names{"closed", "early", "mid-a", "mid-b", "late", "none1", "none2", "closed-nodue"}));
}

TEST_P(ListContract, StatusFilterPicksOneStatus) {
  CaseQuery query;
  query.status = CaseStatus::Registered;
  EXPECT_EQ(names(query), (Names{"mid-a", "late", "none2"}));
}

TEST_P(ListContract, ClosedStatusIsListedWhenAskedFor) {
  CaseQuery query;
  query.status = CaseStatus::Closed;
  EXPECT_EQ(names(query), (Names{"closed", "closed-nodue"}));
}

TEST_P(ListContract, DueBeforeIsStrict) {
  CaseQuery query;
  query.dueBefore = day("2026-11-25");
  EXPECT_EQ(names(query), (Names{"early"}));
}

TEST_P(ListContract, DueOnOrBeforeIsInclusiveAndLeavesOutCasesWithoutDue) {
  CaseQuery query;
  query.dueOnOrBefore = day("2026-11-25");
  EXPECT_EQ(names(query), (Names{"early", "mid-a", "mid-b"}));
}

TEST_P(ListContract, DueFiltersCombineWithStatusAndIncludeClosed) {
  CaseQuery query;
  query.dueOnOrBefore = day("2026-11-25");
  query.includeClosed = true;
  EXPECT_EQ(names(query), (Names{"closed", "early", "mid-a", "mid-b"}));
  query.includeClosed = false;
  query.status = CaseStatus::Shipped;
  EXPECT_EQ(names(query), (Names{"mid-b"}));
}

TEST_P(ListContract, BothDueBoundsApply) {
  CaseQuery query;
  query.dueBefore = day("2026-11-30");
  query.dueOnOrBefore = day("2026-11-20");
  EXPECT_EQ(names(query), (Names{"early"}));
}

TEST_P(ListContract, LimitAndOffsetPage) {
  CaseQuery query;
  query.limit = 2;
  EXPECT_EQ(names(query), (Names{"early", "mid-a"}));
  query.offset = 2;
  EXPECT_EQ(names(query), (Names{"mid-b", "late"}));
  query.offset = 4;
  EXPECT_EQ(names(query), (Names{"none1", "none2"}));
  query.offset = 6;
  EXPECT_TRUE(names(query).empty());
}

TEST_P(ListContract, OffsetWithoutLimitSkips) {
  CaseQuery query;
  query.offset = 4;
  EXPECT_EQ(names(query), (Names{"none1", "none2"}));
}

TEST_P(ListContract, CountIncludesClosedCases) {
  auto other = openAnother();
  ASSERT_TRUE(other);
  EXPECT_EQ(*other->count(), 8U);
}

INSTANTIATE_TEST_SUITE_P(Store, ListContract, ::testing::ValuesIn(contractBackends()), backendName);

}  // namespace
}  // namespace kiosk::test
