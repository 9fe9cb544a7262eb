// Several stations at once, each its own connection to one database: no update is lost and no
// case number is given twice, whichever store they share. A store may refuse an update with a
// Conflict when another connection changed the case first (PostgreSQL's optimistic writes); the
// station then reloads and tries again, as the workflow's callers do.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::test {
namespace {

constexpr int kStations = 4;

class StationStores : public StoreContractTest {
 protected:
  // One connection per station, opened on the test's thread.
  std::vector<std::unique_ptr<CaseDatabase>> openStations() {
    std::vector<std::unique_ptr<CaseDatabase>> stores;
    for (int s = 0; s < kStations; ++s) {
      stores.push_back(openAnother());
      if (!stores.back()) ADD_FAILURE() << "station " << s << " cannot open";
    }
    return stores;
  }

  // Runs `work(station, store)` on a thread per station, all at once, and waits for them.
  template <class Work>
  static void onStations(std::vector<std::unique_ptr<CaseDatabase>>& stores, Work work) {
    std::vector<std::thread> threads;
    for (int s = 0; s < kStations; ++s) {
      threads.emplace_back([&, s] { work(s, *stores[static_cast<std::size_t>(s)]); });
    }
    for (auto& thread : threads) thread.join();
  }
};

TEST_P(StationStores, EveryStationsEventsAreKeptWhenTheyAppendToOneCaseAtOnce) {
  constexpr int kEventsEach = 15;
  constexpr int kGiveUpAfter = 1000;  // attempts for one event: far beyond any fair contention
  const RepairCase c = created(draftCase("SHARED-1"));
  auto stores = openStations();
  for (const auto& s : stores) ASSERT_TRUE(s);

  std::atomic<int> conflicts{0};
  std::atomic<int> failures{0};
  onStations(stores, [&](int station, CaseDatabase& store) {
    for (int i = 0; i < kEventsEach; ++i) {
      const std::string detail = "station " + std::to_string(station) + " event " + std::to_string(i);
      bool written = false;
      for (int attempt = 0; attempt < kGiveUpAfter && !written; ++attempt) {
        const auto updated = store.update(c.number, [&](RepairCase& r) -> Result<void> {
          r.events.push_back(CaseEvent{at("2026-11-25T08:00:00"), "station", "note", detail});
          return {};
        });
        if (updated) {
          written = true;
        } else if (updated.error().kind == ErrorKind::Conflict) {
          ++conflicts;
        } else {
          ADD_FAILURE() << detail << ": " << updated.error().message;
          ++failures;
          return;
        }
      }
      if (!written) {
        ADD_FAILURE() << detail << ": still in conflict after " << kGiveUpAfter << " attempts";
        ++failures;
        return;
      }
    }
  });
  ASSERT_EQ(failures, 0);
  RecordProperty("conflicts", conflicts.load());

  const auto loaded = store().load(c.number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  constexpr std::size_t kAppended = static_cast<std::size_t>(kStations * kEventsEach);
  ASSERT_EQ(loaded->events.size(), 1 + kAppended) << "an update was lost";
  EXPECT_EQ(loaded->version, static_cast<std::int64_t>(1 + kAppended)) << "one version per update";
  std::set<std::string> details;
  for (std::size_t i = 1; i < loaded->events.size(); ++i) details.insert(loaded->events[i].detail);
  EXPECT_EQ(details.size(), kAppended) << "each event exactly once";
  // Each station's own events keep the order it wrote them in.
  for (int s = 0; s < kStations; ++s) {
    int next = 0;
    const std::string prefix = "station " + std::to_string(s) + " event ";
    for (const auto& e : loaded->events) {
      if (e.detail.rfind(prefix, 0) != 0) continue;
      EXPECT_EQ(e.detail, prefix + std::to_string(next)) << "station " << s;
      ++next;
    }
    EXPECT_EQ(next, kEventsEach) << "station " << s;
  }
}

TEST_P(StationStores, CasesCreatedAtOnceGetUniqueNumbersAndAreAllKept) {
  constexpr int kCasesEach = 12;
  auto stores = openStations();
  for (const auto& s : stores) ASSERT_TRUE(s);

  std::vector<std::vector<RepairCase>> made(kStations);
  onStations(stores, [&](int station, CaseDatabase& store) {
    for (int i = 0; i < kCasesEach; ++i) {
      auto c = store.create(draftCase("S" + std::to_string(station) + "-" + std::to_string(i)));
      if (!c) {
        ADD_FAILURE() << "station " << station << ": " << c.error().message;
        return;
      }
      made[static_cast<std::size_t>(station)].push_back(*c);
    }
  });

  std::set<std::string> numbers;
  std::set<std::uint64_t> sequences;
  for (const auto& perStation : made) {
    ASSERT_EQ(perStation.size(), static_cast<std::size_t>(kCasesEach));
    for (const auto& c : perStation) {
      numbers.insert(c.number);
      sequences.insert(c.sequence);
      const auto loaded = store().load(c.number);
      ASSERT_TRUE(loaded) << c.number << ": " << loaded.error().message;
      EXPECT_EQ(loaded->device.serial, c.device.serial) << c.number;
    }
  }
  constexpr std::size_t kAll = static_cast<std::size_t>(kStations * kCasesEach);
  EXPECT_EQ(numbers.size(), kAll) << "a number was given twice";
  EXPECT_EQ(sequences.size(), kAll);
  EXPECT_EQ(*store().count(), kAll);
}

INSTANTIATE_TEST_SUITE_P(Store, StationStores, ::testing::ValuesIn(contractBackends()), backendName);

}  // namespace
}  // namespace kiosk::test
