// What only the SQLite store has: a private in-memory database. Everything the CaseStore port
// promises is held against both stores in case_store_contract_test.cpp.
#include "store/sqlite_case_store.hpp"

#include <gtest/gtest.h>

#include "tests/store/store_test_support.hpp"

namespace kiosk::test {
namespace {

TEST(SqliteCaseStoreTest, InMemoryStoreWorks) {
  auto memory = SqliteCaseStore::openInMemory();
  ASSERT_TRUE(memory) << memory.error().message;
  const auto c = (*memory)->create(fullCase("SERIAL1"));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_TRUE((*memory)->load(c->number));
  EXPECT_EQ(*(*memory)->count(), 1U);
}

}  // namespace
}  // namespace kiosk::test
