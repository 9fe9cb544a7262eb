// The CaseStore port's promises, held against every store (store_factories.hpp): round trips,
// the append-only timeline, the one-open-case rule, numbering, lookups and persistence.
#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <stdexcept>
#include <thread>

#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/case_number.hpp"

namespace kiosk::test {
namespace {

using CaseStoreContract = StoreContractTest;

CaseStore::Change appendEvent(std::string kind) {
  return [kind = std::move(kind)](RepairCase& c) -> Result<void> {
    c.events.push_back(CaseEvent{at("2026-11-25T08:00:00"), "per", kind, "detail of " + kind});
    return {};
  };
}

TEST_P(CaseStoreContract, CreateAssignsSequenceNumberAndFirstVersion) {
  const RepairCase c = created(fullCase("C02XK0JHJG5H"));
  EXPECT_EQ(c.sequence, 1U);
  EXPECT_EQ(c.number, formatCaseNumber(1));
  EXPECT_EQ(c.version, 1);
}

TEST_P(CaseStoreContract, EveryFieldSurvivesARoundTrip) {
  const RepairCase stored = created(fullCase("C02XK0JHJG5H"));
  RepairCase expected = fullCase("C02XK0JHJG5H");
  expected.sequence = stored.sequence;
  expected.number = stored.number;
  expected.customerCode = stored.customerCode;  // drawn by the store
  expected.version = 1;
  const auto loaded = store().load(stored.number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  expectSameCase(expected, *loaded);
}

TEST_P(CaseStoreContract, UnsetOptionalFieldsStayUnset) {
  const RepairCase stored = created(draftCase("SERIAL1"));
  const auto loaded = store().load(stored.number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  expectSameCase(stored, *loaded);
  EXPECT_FALSE(loaded->warranty);
  EXPECT_FALSE(loaded->quoteOre);
  EXPECT_FALSE(loaded->due);
  EXPECT_FALSE(loaded->device.aceUntil);
  EXPECT_TRUE(loaded->parts.empty());
}

// SQLite's text can hold a NUL character, PostgreSQL's cannot: a NUL in what was typed or
// scanned is kept whole or refused with nothing written, never silently cut off there.
TEST_P(CaseStoreContract, ATextWithANulCharacterIsKeptWholeOrRefusedNeverCut) {
  RepairCase draft = draftCase("SERIAL1");
  draft.intake.fault = std::string("screen\0flickers", 15);
  const auto stored = store().create(draft);
  if (!stored) {
    EXPECT_EQ(*store().count(), 0U) << "refused, yet written";
  } else {
    const auto loaded = store().load(stored->number);
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_EQ(loaded->intake.fault, draft.intake.fault) << "cut at the NUL";
  }

  const RepairCase c = created(draftCase("SERIAL2"));
  const std::string finding("liquid\0damage", 13);
  const auto updated = store().update(c.number, [&](RepairCase& r) -> Result<void> {
    r.finding = finding;
    r.events.push_back(CaseEvent{at("2026-11-25T08:00:00"), "per", "diagnosed", finding});
    return {};
  });
  const auto loaded = store().load(c.number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  if (!updated) {
    EXPECT_EQ(loaded->version, 1) << "refused, yet written";
    EXPECT_EQ(loaded->finding, "");
  } else {
    EXPECT_EQ(loaded->finding, finding) << "cut at the NUL";
    ASSERT_EQ(loaded->events.size(), 2U);
    EXPECT_EQ(loaded->events.back().detail, finding) << "cut at the NUL";
  }
}

TEST_P(CaseStoreContract, CoveredWarrantyWithoutEndDateRoundTrips) {
  RepairCase draft = draftCase("SERIAL1");
  draft.warranty = WarrantyDecision{true, "apple-limited", std::nullopt, "repair", 0};
  const RepairCase stored = created(draft);
  const auto loaded = store().load(stored.number);
  ASSERT_TRUE(loaded && loaded->warranty);
  EXPECT_TRUE(loaded->warranty->covered);
  EXPECT_EQ(loaded->warranty->basis, "apple-limited");
  EXPECT_FALSE(loaded->warranty->coveredUntil);
}

TEST_P(CaseStoreContract, LoadAcceptsHowPeopleTypeNumbers) {
  const RepairCase stored = created(draftCase("SERIAL1"));
  std::string typed;
  for (const char ch : stored.number) {
    if (ch != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  const auto loaded = store().load(typed);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->number, stored.number);
}

TEST_P(CaseStoreContract, LoadOfUnknownNumberIsNotFound) {
  const auto missing = store().load(formatCaseNumber(42));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
  const auto garbage = store().load("not a number");
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().kind, ErrorKind::NotFound);
}

TEST_P(CaseStoreContract, UpdateAppendsEventsInOrderAndBumpsVersion) {
  const RepairCase c = created(fullCase("SERIAL1"));
  const auto first = store().update(c.number, appendEvent("quoted"));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->version, 2);
  const auto second = store().update(c.number, [](RepairCase& r) -> Result<void> {
    r.status = CaseStatus::InRepair;
    r.parts.push_back("battery");
    r.events.push_back(CaseEvent{at("2026-11-26T09:00:00"), "per", "approved", ""});
    r.events.push_back(CaseEvent{at("2026-11-26T09:01:00"), "per", "ordered", "battery"});
    return {};
  });
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->version, 3);

  const auto loaded = store().load(c.number);
  ASSERT_TRUE(loaded);
  expectSameCase(*second, *loaded);
  std::vector<std::string> kinds;
  for (const auto& e : loaded->events) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"registered", "diagnosed", "quoted", "approved", "ordered"}));
  EXPECT_EQ(loaded->status, CaseStatus::InRepair);
  EXPECT_EQ(loaded->parts.back(), "battery");
}

TEST_P(CaseStoreContract, FailingChangeWritesNothingAndReturnsItsError) {
  const RepairCase c = created(fullCase("SERIAL1"));
  const auto result = store().update(c.number, [](RepairCase& r) -> Result<void> {
    r.finding = "changed";
    r.events.push_back(CaseEvent{at("2026-11-26T09:00:00"), "per", "closed", ""});
    return refused("the customer has not accepted the case");
  });
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::Refused);
  EXPECT_EQ(result.error().message, "the customer has not accepted the case");
  const auto loaded = store().load(c.number);
  ASSERT_TRUE(loaded);
  expectSameCase(c, *loaded);
}

TEST_P(CaseStoreContract, ThrowingChangeIsAStorageErrorAndWritesNothing) {
  const RepairCase c = created(fullCase("SERIAL1"));
  const auto result = store().update(c.number, [](RepairCase& r) -> Result<void> {
    r.finding = "changed";
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::Storage);
  EXPECT_NE(result.error().message.find("boom"), std::string::npos);
  const auto loaded = store().load(c.number);
  ASSERT_TRUE(loaded);
  expectSameCase(c, *loaded);
}

TEST_P(CaseStoreContract, ChangesThatRewriteTheTimelineAreRefused) {
  const RepairCase c = created(fullCase("SERIAL1"));
  const std::vector<CaseStore::Change> rewrites = {
      [](RepairCase& r) -> Result<void> {
        r.events.pop_back();
        return {};
      },
      [](RepairCase& r) -> Result<void> {
        r.events.front().detail = "edited";
        return {};
      },
      [](RepairCase& r) -> Result<void> {
        r.events.front().at += std::chrono::seconds{1};
        return {};
      },
      [](RepairCase& r) -> Result<void> {
        r.events.insert(r.events.begin(), CaseEvent{at("2026-01-01T00:00:00"), "x", "backdated", ""});
        return {};
      },
      [](RepairCase& r) -> Result<void> {
        r.events.clear();
        r.finding = "x";
        return {};
      },
  };
  for (std::size_t i = 0; i < rewrites.size(); ++i) {
    const auto result = store().update(c.number, rewrites[i]);
    ASSERT_FALSE(result) << "rewrite " << i;
    EXPECT_EQ(result.error().kind, ErrorKind::Storage) << "rewrite " << i;
  }
  const auto loaded = store().load(c.number);
  ASSERT_TRUE(loaded);
  expectSameCase(c, *loaded);
}

TEST_P(CaseStoreContract, ChangeMayNotRenumberTheCase) {
  const RepairCase c = created(draftCase("SERIAL1"));
  const auto result = store().update(c.number, [](RepairCase& r) -> Result<void> {
    r.number = formatCaseNumber(99);
    return {};
  });
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::Storage);
  EXPECT_TRUE(store().load(c.number));
}

TEST_P(CaseStoreContract, UpdateOfUnknownCaseIsNotFound) {
  bool called = false;
  const auto result = store().update(formatCaseNumber(7), [&](RepairCase&) -> Result<void> {
    called = true;
    return {};
  });
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::NotFound);
  EXPECT_FALSE(called);
}

TEST_P(CaseStoreContract, SecondOpenCaseForASerialIsRefusedNamingTheOpenCase) {
  const RepairCase first = created(draftCase("C02XK0JHJG5H"));
  const auto second = store().create(draftCase("C02XK0JHJG5H"));
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, ErrorKind::Refused);
  EXPECT_EQ(second.error().message, "serial C02XK0JHJG5H already has open case " + first.number);
  EXPECT_EQ(*store().count(), 1U);
}

TEST_P(CaseStoreContract, SecondOpenCaseWithAReasonIsAllowed) {
  created(draftCase("C02XK0JHJG5H"));
  RepairCase draft = draftCase("C02XK0JHJG5H");
  draft.intake.secondCaseReason = "keyboard fault, separate from the screen case";
  const auto second = store().create(draft);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->intake.secondCaseReason, draft.intake.secondCaseReason);
}

TEST_P(CaseStoreContract, ClosedCaseAllowsANewOne) {
  const RepairCase first = created(draftCase("C02XK0JHJG5H"));
  ASSERT_TRUE(store().update(first.number, [](RepairCase& r) -> Result<void> {
    r.status = CaseStatus::Closed;
    r.closedAt = at("2026-11-26T12:00:00");
    r.events.push_back(CaseEvent{*r.closedAt, "per", "close", "closed"});
    return {};
  }));
  const auto second = store().create(draftCase("C02XK0JHJG5H"));
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_NE(second->number, first.number);
}

TEST_P(CaseStoreContract, OtherSerialsAreNotBlocked) {
  created(draftCase("SERIAL-A"));
  EXPECT_TRUE(store().create(draftCase("SERIAL-B")));
}

TEST_P(CaseStoreContract, NumbersAreUniqueAndSequencesRunInOrder) {
  std::set<std::string> numbers;
  for (std::uint64_t i = 1; i <= 40; ++i) {
    const RepairCase c = created(draftCase("SERIAL" + std::to_string(i)));
    EXPECT_EQ(c.sequence, i);
    EXPECT_EQ(c.number, formatCaseNumber(i));
    numbers.insert(c.number);
  }
  EXPECT_EQ(numbers.size(), 40U);
  EXPECT_EQ(*store().count(), 40U);
}

TEST_P(CaseStoreContract, RefusedCreateDoesNotUseUpANumber) {
  created(draftCase("SERIAL1"));
  ASSERT_FALSE(store().create(draftCase("SERIAL1")));
  EXPECT_EQ(created(draftCase("SERIAL2")).sequence, 2U);
}

TEST_P(CaseStoreContract, NumberOfARemovedNewestCaseIsNeverReused) {
  RepairCase draft = draftCase("SERIAL1");
  draft.events.clear();  // events are append-only, so only an event-less row can be removed
  const RepairCase removed = created(draft);
  database().exec("DELETE FROM repair_case WHERE seq = " + std::to_string(removed.sequence));
  const RepairCase next = created(draftCase("SERIAL2"));
  EXPECT_EQ(next.sequence, removed.sequence + 1);
  EXPECT_NE(next.number, removed.number);
}

TEST_P(CaseStoreContract, EventsCannotBeRewrittenBehindTheStoresBack) {
  const RepairCase c = created(fullCase("SERIAL1"));
  EXPECT_THROW(database().exec("UPDATE case_event SET detail = 'edited'"), std::runtime_error);
  EXPECT_THROW(database().exec("DELETE FROM case_event"), std::runtime_error);
  EXPECT_EQ(store().load(c.number)->events.size(), 2U);
}

TEST_P(CaseStoreContract, ABadValueInTheDatabaseIsAStorageErrorNamingTheColumn) {
  const RepairCase c = created(fullCase("SERIAL1"));
  database().exec("UPDATE repair_case SET informed_at = 'yesterday'");
  const auto loaded = store().load(c.number);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().kind, ErrorKind::Storage);
  EXPECT_NE(loaded.error().message.find("informed_at"), std::string::npos) << loaded.error().message;
  EXPECT_FALSE(store().findBySerial("SERIAL1"));
}

TEST_P(CaseStoreContract, CasesPersistAcrossReopen) {
  const RepairCase c = created(fullCase("SERIAL1"));
  ASSERT_TRUE(store().update(c.number, appendEvent("quoted")));
  reopen();
  const auto loaded = store().load(c.number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->version, 2);
  EXPECT_EQ(loaded->events.size(), 3U);
  EXPECT_EQ(created(draftCase("SERIAL2")).sequence, 2U);
}

TEST_P(CaseStoreContract, FindBySerialAndMobileNewestFirstWithoutEvents) {
  RepairCase a = draftCase("SERIAL1");
  a.customer.mobile = "+4711111111";
  const RepairCase first = created(a);
  a.intake.secondCaseReason = "second fault";
  const RepairCase second = created(a);
  RepairCase other = draftCase("SERIAL2");
  other.customer.mobile = "+4722222222";
  created(other);

  const auto bySerial = store().findBySerial("SERIAL1");
  ASSERT_TRUE(bySerial);
  ASSERT_EQ(bySerial->size(), 2U);
  EXPECT_EQ((*bySerial)[0].number, second.number);
  EXPECT_EQ((*bySerial)[1].number, first.number);
  EXPECT_TRUE((*bySerial)[0].events.empty());

  const auto byMobile = store().findByMobile("+4711111111");
  ASSERT_TRUE(byMobile);
  ASSERT_EQ(byMobile->size(), 2U);
  EXPECT_EQ((*byMobile)[0].number, second.number);
  EXPECT_TRUE(store().findBySerial("NOPE")->empty());
  EXPECT_TRUE(store().findByMobile("+4700000000")->empty());
}

TEST_P(CaseStoreContract, FindByCustomerNameIgnoresCaseIncludingNorwegianLetters) {
  const RepairCase oyvind = created(draftCase("S1", "Øyvind Ærlig-Åsen"));
  const RepairCase kari = created(draftCase("S2", "Kari Nordmann"));
  const RepairCase per = created(draftCase("S3", "Per Nordmann"));

  const auto nordmann = store().findByCustomerName("NORDMANN", 0);
  ASSERT_TRUE(nordmann);
  ASSERT_EQ(nordmann->size(), 2U);
  EXPECT_EQ((*nordmann)[0].number, per.number);  // newest first
  EXPECT_EQ((*nordmann)[1].number, kari.number);

  const auto limited = store().findByCustomerName("nordmann", 1);
  ASSERT_TRUE(limited);
  ASSERT_EQ(limited->size(), 1U);
  EXPECT_EQ((*limited)[0].number, per.number);

  const auto folded = store().findByCustomerName("ærlig-åS", 0);
  ASSERT_TRUE(folded);
  ASSERT_EQ(folded->size(), 1U);
  EXPECT_EQ((*folded)[0].number, oyvind.number);
  EXPECT_EQ(store().findByCustomerName("øYVIND", 0)->size(), 1U);
  EXPECT_EQ(store().findByCustomerName("ØYVIND", 0)->size(), 1U);
  // Wildcards of LIKE are plain characters here.
  EXPECT_TRUE(store().findByCustomerName("%", 0)->empty());
  EXPECT_TRUE(store().findByCustomerName("_ari", 0)->empty());
}

TEST_P(CaseStoreContract, ThreadsSharingOneStoreAllSucceed) {
  constexpr int kThreads = 4;
  constexpr int kCasesEach = 10;
  std::vector<std::vector<Result<RepairCase>>> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCasesEach; ++i) {
        results[static_cast<std::size_t>(t)].push_back(
            store().create(draftCase("T" + std::to_string(t) + "-" + std::to_string(i))));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::string> numbers;
  for (const auto& perThread : results) {
    for (const auto& r : perThread) {
      ASSERT_TRUE(r) << r.error().message;
      numbers.insert(r->number);
    }
  }
  EXPECT_EQ(numbers.size(), static_cast<std::size_t>(kThreads * kCasesEach));
}

TEST_P(CaseStoreContract, TwoConnectionsSeeEachOthersCasesAndTheOpenCaseRule) {
  auto other = openAnother();
  ASSERT_TRUE(other);
  const RepairCase c = created(draftCase("SHARED1"));
  const auto seen = other->load(c.number);
  ASSERT_TRUE(seen) << seen.error().message;
  const auto second = other->create(draftCase("SHARED1"));
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, ErrorKind::Refused);
  ASSERT_TRUE(other->update(c.number, appendEvent("quoted")));
  const auto updated = store().load(c.number);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(updated->events.back().kind, "quoted");
}

INSTANTIATE_TEST_SUITE_P(Store, CaseStoreContract, ::testing::ValuesIn(contractBackends()), backendName);

}  // namespace
}  // namespace kiosk::test
