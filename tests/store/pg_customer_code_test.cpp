// PostgreSQL migration 2: the cases from before it get a customer code each, drawn by the
// server (gen_random_uuid) row by row and symbol by symbol, and the lookup counts get their table.
#include <gtest/gtest.h>

#include <set>

#include "store/pg_case_store.hpp"
#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/customer_code.hpp"

namespace kiosk::test {
namespace {

TEST(PgCustomerCodeMigration, CasesFromBeforeVersionTwoGetACodeEach) {
  ASSERT_GE(PgCaseStore::latestSchemaVersion(), 2);
  const auto database = postgresBackend().makeDatabase();
  auto opened = PgCaseStore::open(database->location());
  ASSERT_TRUE(opened) << opened.error().message;
  PgCaseStore& store = **opened;
  std::vector<std::string> numbers;
  for (int i = 0; i < 20; ++i) {
    const auto c = store.create(draftCase("SERIAL" + std::to_string(i)));
    ASSERT_TRUE(c) << c.error().message;
    numbers.push_back(c->number);
  }
  const auto hasColumnAndTable = [&] {
    return database->queryInteger("SELECT count(*) FROM information_schema.columns WHERE table_name = 'repair_case' "
                                  "AND column_name = 'customer_code'") +
           database->queryInteger("SELECT count(*) FROM pg_class WHERE relname = 'customer_lookup_attempt'");
  };
  EXPECT_EQ(hasColumnAndTable(), 2);
  ASSERT_TRUE(store.migrateTo(1));
  EXPECT_EQ(hasColumnAndTable(), 0);
  ASSERT_TRUE(store.migrateTo(2));
  EXPECT_EQ(hasColumnAndTable(), 2);
  // The case columns of later schemas (purged_at, 4) are read too.
  ASSERT_TRUE(store.migrateTo(PgCaseStore::latestSchemaVersion()));

  std::set<std::string> codes;
  std::set<char> symbols;
  for (const auto& number : numbers) {
    const auto loaded = store.load(number);
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_TRUE(isCustomerCode(loaded->customerCode)) << number << ": '" << loaded->customerCode << "'";
    codes.insert(loaded->customerCode);
    symbols.insert(loaded->customerCode.begin(), loaded->customerCode.end());
  }
  EXPECT_EQ(codes.size(), numbers.size()) << "each case has a code of its own";
  // 160 symbols drawn from 23: a draw made once per statement instead of per symbol shows here.
  EXPECT_GT(symbols.size(), 12U);
}

}  // namespace
}  // namespace kiosk::test
