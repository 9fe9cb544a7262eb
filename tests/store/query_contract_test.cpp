// What the kiosk's queue and dashboard ask of every store: vendor and technician filters,
// countMatching, the change stamp another station's commit moves, and the grouped counts.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::test {
namespace {

using Names = std::vector<std::string>;

struct Spec {
  std::string name;
  std::string vendor;
  std::string technician;
  CaseStatus status = CaseStatus::Registered;
  std::optional<std::string> due;
  std::optional<std::string> doneAt;
  bool lateReport = false;
};

class QueryContract : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    if (HasFatalFailure()) return;
    // Created in this order; names are what the assertions compare.
    for (const Spec& s : std::vector<Spec>{
             {"a-late", "apple", "per", CaseStatus::InRepair, "2026-11-30", {}, false},
             {"h-none", "hp", "", CaseStatus::Registered, {}, {}, false},
             {"a-early", "apple", "", CaseStatus::Registered, "2026-11-20", {}, false},
             {"l-band", "lenovo", "ida", CaseStatus::Dispatched, "2026-11-25", {}, true},
             {"a-mid", "apple", "ida", CaseStatus::Shipped, "2026-11-25", "2026-11-24T14:00:00", false},
             {"a-closed", "apple", "per", CaseStatus::Closed, "2026-11-20", "2026-11-23T09:00:00", false},
             {"h-mid", "hp", "per", CaseStatus::InRepair, "2026-11-25", {}, false},
             {"a-none", "apple", "per", CaseStatus::Diagnosed, {}, {}, false},
         }) {
      add(s);
    }
  }

  void add(const Spec& s) {
    RepairCase draft = draftCase("SERIAL-" + s.name, s.name);
    draft.device.vendor = s.vendor;
    draft.technician = s.technician;
    draft.status = s.status;
    if (s.due) draft.due = day(*s.due);
    if (s.doneAt) draft.doneAt = at(*s.doneAt);
    draft.lateReport = s.lateReport;
    auto stored = m_store->create(draft);
    ASSERT_TRUE(stored) << stored.error().message;
  }

  Names names(const CaseQuery& query) {
    const auto cases = m_store->list(query);
    EXPECT_TRUE(cases) << cases.error().message;
    Names out;
    if (cases) {
      for (const auto& c : *cases) out.push_back(c.customer.name);
    }
    return out;
  }

  std::size_t counted(const CaseQuery& query) {
    const auto n = m_store->countMatching(query);
    EXPECT_TRUE(n) << n.error().message;
    return n.value_or(0);
  }
};

// Another connection's commit reaches a store as a notification on PostgreSQL, so a change
// there is seen shortly after the commit rather than at once: this waits up to a second for
// the stamp to leave `before` (a deadline for the notice to arrive, not a timing assertion).
Result<std::uint64_t> stampAfterOtherCommit(CaseDatabase& store, std::uint64_t before) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{1};
  for (;;) {
    auto stamp = store.changeStamp();
    if (!stamp || *stamp != before || std::chrono::steady_clock::now() >= deadline) return stamp;
    std::this_thread::sleep_for(std::chrono::milliseconds{5});
  }
}

TEST_P(QueryContract, VendorFilterKeepsTheDueOrder) {
  CaseQuery query;
  query.vendor = "apple";
  EXPECT_EQ(names(query), (Names{"a-early", "a-mid", "a-late", "a-none"}));
  query.includeClosed = true;
  EXPECT_EQ(names(query), (Names{"a-early", "a-closed", "a-mid", "a-late", "a-none"}));
  query.vendor = "samsung";
  EXPECT_TRUE(names(query).empty());
}

TEST_P(QueryContract, TechnicianFilterIsExactAndEmptyMeansNotTakenYet) {
  CaseQuery query;
  query.technician = "per";
  EXPECT_EQ(names(query), (Names{"h-mid", "a-late", "a-none"}));
  query.technician = "";
  EXPECT_EQ(names(query), (Names{"a-early", "h-none"}));
  query.technician = "Per";
  EXPECT_TRUE(names(query).empty());
}

TEST_P(QueryContract, FiltersCombineWithEachOtherAndWithPaging) {
  CaseQuery query;
  query.vendor = "apple";
  query.technician = "per";
  EXPECT_EQ(names(query), (Names{"a-late", "a-none"}));
  query.status = CaseStatus::Closed;
  EXPECT_EQ(names(query), (Names{"a-closed"}));
  query.status.reset();
  query.technician.reset();
  query.dueOnOrBefore = day("2026-11-25");
  EXPECT_EQ(names(query), (Names{"a-early", "a-mid"}));
  query.dueOnOrBefore.reset();
  query.dueBefore = day("2026-11-30");
  query.limit = 1;
  query.offset = 1;
  EXPECT_EQ(names(query), (Names{"a-mid"}));
}

TEST_P(QueryContract, CountMatchingCountsWhatListWouldReturnWithoutPaging) {
  std::vector<CaseQuery> queries(8);
  queries[1].includeClosed = true;
  queries[2].vendor = "apple";
  queries[3].vendor = "apple";
  queries[3].technician = "per";
  queries[4].technician = "";
  queries[5].status = CaseStatus::Closed;
  queries[6].dueOnOrBefore = day("2026-11-25");
  queries[6].vendor = "hp";
  queries[7].dueBefore = day("2026-11-25");
  queries[7].includeClosed = true;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const std::size_t all = names(queries[i]).size();
    queries[i].limit = 1;
    queries[i].offset = 1;
    EXPECT_EQ(counted(queries[i]), all) << "query " << i;
  }
  EXPECT_EQ(counted({}), 7U);
}

TEST_P(QueryContract, TechnicianSurvivesUpdateAndReopen) {
  CaseQuery query;
  query.technician = "";
  const auto untaken = store().list(query);
  ASSERT_TRUE(untaken);
  ASSERT_FALSE(untaken->empty());
  const std::string number = untaken->front().number;
  const auto updated = store().update(number, [](RepairCase& c) -> Result<void> {
    c.technician = "Åse Ødegård";
    c.events.push_back(CaseEvent{at("2026-11-26T12:00:00"), "Åse Ødegård", "diagnose", "taken"});
    return {};
  });
  ASSERT_TRUE(updated) << updated.error().message;
  const auto reopened = openAnother();
  ASSERT_TRUE(reopened);
  const auto loaded = reopened->load(number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->technician, "Åse Ødegård");
}

TEST_P(QueryContract, ChangeStampStaysWhileNothingIsCommitted) {
  const auto before = store().changeStamp();
  ASSERT_TRUE(before) << before.error().message;
  EXPECT_TRUE(store().list({}));
  EXPECT_TRUE(store().countMatching({}));
  EXPECT_TRUE(store().groupOpenCases());
  // A refused change writes nothing.
  const std::string number = store().list({})->front().number;
  EXPECT_FALSE(store().update(number, [](RepairCase&) -> Result<void> { return refused("no"); }));
  EXPECT_EQ(*store().changeStamp(), *before);
}

TEST_P(QueryContract, OwnCommitChangesOwnStamp) {
  const auto before = store().changeStamp();
  ASSERT_TRUE(before);
  add({"new", "apple", "", CaseStatus::Registered, {}, {}, false});
  const auto afterCreate = store().changeStamp();
  ASSERT_TRUE(afterCreate);
  EXPECT_NE(*afterCreate, *before);
  const std::string number = store().list({})->front().number;
  ASSERT_TRUE(store().update(number, [](RepairCase& c) -> Result<void> {
    c.finding = "fan";
    c.events.push_back(CaseEvent{at("2026-11-26T12:00:00"), "per", "diagnose", "fan"});
    return {};
  }));
  EXPECT_NE(*store().changeStamp(), *afterCreate);
}

TEST_P(QueryContract, AnotherConnectionsCommitChangesTheStamp) {
  auto other = openAnother();
  ASSERT_TRUE(other);
  const auto mine = store().changeStamp();
  const auto theirs = other->changeStamp();
  ASSERT_TRUE(mine);
  ASSERT_TRUE(theirs);
  EXPECT_EQ(*store().changeStamp(), *mine);

  RepairCase draft = draftCase("SERIAL-OTHER", "other");
  ASSERT_TRUE(other->create(draft));
  const auto seen = stampAfterOtherCommit(store(), *mine);
  ASSERT_TRUE(seen);
  EXPECT_NE(*seen, *mine);
  EXPECT_EQ(*store().changeStamp(), *seen);

  // And back the other way, through update.
  const std::string number = store().list({})->front().number;
  const auto theirsBefore = other->changeStamp();
  ASSERT_TRUE(store().update(number, [](RepairCase& c) -> Result<void> {
    c.finding = "keyboard";
    c.events.push_back(CaseEvent{at("2026-11-26T12:00:00"), "per", "diagnose", "keyboard"});
    return {};
  }));
  ASSERT_TRUE(theirsBefore);
  EXPECT_NE(*stampAfterOtherCommit(*other, *theirsBefore), *theirsBefore);
}

TEST_P(QueryContract, OpenCasesAreGroupedByEverythingTheDashboardNeeds) {
  add({"a-late-2", "apple", "per", CaseStatus::InRepair, "2026-11-30", {}, false});
  const auto groups = store().groupOpenCases();
  ASSERT_TRUE(groups) << groups.error().message;
  std::size_t total = 0;
  for (const auto& g : *groups) {
    EXPECT_NE(g.status, CaseStatus::Closed);
    total += g.count;
  }
  EXPECT_EQ(total, 8U);
  EXPECT_EQ(groups->size(), 7U);
  const auto find = [&](const std::string& vendor, const std::string& technician, CaseStatus status) {
    const auto it = std::find_if(groups->begin(), groups->end(), [&](const OpenCaseGroup& g) {
      return g.vendor == vendor && g.technician == technician && g.status == status;
    });
    EXPECT_NE(it, groups->end()) << vendor << "/" << technician;
    return it == groups->end() ? OpenCaseGroup{} : *it;
  };
  const OpenCaseGroup late = find("apple", "per", CaseStatus::InRepair);
  EXPECT_EQ(late.count, 2U);
  EXPECT_EQ(late.due, day("2026-11-30"));
  EXPECT_FALSE(late.done);
  EXPECT_FALSE(late.lateReport);
  const OpenCaseGroup band = find("lenovo", "ida", CaseStatus::Dispatched);
  EXPECT_TRUE(band.lateReport);
  EXPECT_EQ(band.count, 1U);
  EXPECT_TRUE(find("apple", "ida", CaseStatus::Shipped).done);
  EXPECT_FALSE(find("hp", "", CaseStatus::Registered).due);
}

TEST_P(QueryContract, DueOutcomesGroupOpenAndClosedCasesInTheRange) {
  add({"a-mid-2", "apple", "ida", CaseStatus::Closed, "2026-11-25", "2026-11-24T17:30:00", false});
  const auto groups = store().groupDueOutcomes(day("2026-11-20"), day("2026-11-25"));
  ASSERT_TRUE(groups) << groups.error().message;
  // a-early, a-closed (20th); l-band, a-mid + a-mid-2, h-mid (25th). a-late is due after the
  // range, the ones without a due date are never in it.
  std::size_t total = 0;
  for (const auto& g : *groups) total += g.count;
  EXPECT_EQ(total, 6U);
  ASSERT_EQ(groups->size(), 5U);
  const auto it = std::find_if(groups->begin(), groups->end(), [](const DueOutcomeGroup& g) {
    return g.vendor == "apple" && g.technician == "ida";
  });
  ASSERT_NE(it, groups->end());
  EXPECT_EQ(it->due, day("2026-11-25"));
  EXPECT_EQ(it->doneOn, day("2026-11-24"));
  EXPECT_EQ(it->count, 2U);
  const auto closed = std::find_if(groups->begin(), groups->end(), [](const DueOutcomeGroup& g) {
    return g.vendor == "apple" && g.technician == "per";
  });
  ASSERT_NE(closed, groups->end());
  EXPECT_EQ(closed->due, day("2026-11-20"));
  EXPECT_EQ(closed->doneOn, day("2026-11-23"));
  const auto open = std::find_if(groups->begin(), groups->end(), [](const DueOutcomeGroup& g) {
    return g.vendor == "hp";
  });
  ASSERT_NE(open, groups->end());
  EXPECT_FALSE(open->doneOn);

  const auto none = store().groupDueOutcomes(day("2026-12-01"), day("2026-12-31"));
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

INSTANTIATE_TEST_SUITE_P(Store, QueryContract, ::testing::ValuesIn(contractBackends()), backendName);

}  // namespace
}  // namespace kiosk::test
