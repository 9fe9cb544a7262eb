#pragma once
// Outbox messages for the relay's tests: cases queued straight through the store, each with one
// message per channel asked for, on a temp-file database several stores can open at once.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "store/sqlite_case_store.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::test {

class OutboxFixture : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    m_store = openStore();
  }

  // Another store on the same file: another relay process, as far as SQLite can tell.
  [[nodiscard]] std::unique_ptr<SqliteCaseStore> openStore() {
    auto opened = SqliteCaseStore::open(dbFile());
    EXPECT_TRUE(opened) << opened.error().message;
    return opened ? std::move(*opened) : nullptr;
  }

  // `cases` new cases, each queuing one message per channel in `channels`; their ids, in order.
  std::vector<std::int64_t> queueCases(int cases, const std::vector<std::string>& channels) {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < cases; ++i) {
      RepairCase draft = draftCase("SERIAL-" + std::to_string(m_serial++));
      for (const auto& channel : channels) {
        OutboxMessage m;
        m.channel = channel;
        m.to = channel == "sms" ? "+4790000000" : "kari@example.no";
        m.text = "Sak {number}";
        draft.newMessages.push_back(m);
      }
      auto stored = m_store->create(draft);
      EXPECT_TRUE(stored) << stored.error().message;
      if (!stored) continue;
      for (const auto& m : stored->newMessages) ids.push_back(m.id);
    }
    return ids;
  }

  [[nodiscard]] OutboxMessage message(std::int64_t id) {
    auto all = m_store->listOutbox({});
    EXPECT_TRUE(all) << all.error().message;
    if (all) {
      for (auto& m : *all) {
        if (m.id == id) return m;
      }
    }
    ADD_FAILURE() << "no outbox message " << id;
    return {};
  }

  std::unique_ptr<SqliteCaseStore> m_store;

 private:
  int m_serial = 1;
};

}  // namespace kiosk::test
