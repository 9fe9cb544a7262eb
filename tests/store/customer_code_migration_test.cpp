// SQLite migration 8: the cases from before it get a customer code each (drawn by the store's
// kiosk_new_customer_code(), a code of their own), and the lookup counts get their table.
#include <gtest/gtest.h>

#include <set>

#include "store/sqlite_case_store.hpp"
#include "store/sqlite_connection.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/customer_code.hpp"

namespace kiosk::test {
namespace {

class CustomerCodeMigrationTest : public TempDirTest {};

TEST_F(CustomerCodeMigrationTest, CasesFromBeforeVersionEightGetACodeEach) {
  ASSERT_GE(SqliteCaseStore::latestSchemaVersion(), 8);
  auto opened = SqliteCaseStore::open(dbFile());
  ASSERT_TRUE(opened) << opened.error().message;
  SqliteCaseStore& store = **opened;
  std::vector<std::string> numbers;
  for (int i = 0; i < 20; ++i) {
    const auto c = store.create(draftCase("SERIAL" + std::to_string(i)));
    ASSERT_TRUE(c) << c.error().message;
    numbers.push_back(c->number);
  }
  const auto hasColumnAndTable = [&] {
    SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
    return db.queryInteger("SELECT count(*) FROM pragma_table_info('repair_case') WHERE name = 'customer_code'") +
           db.queryInteger("SELECT count(*) FROM sqlite_schema WHERE name = 'customer_lookup_attempt'");
  };
  EXPECT_EQ(hasColumnAndTable(), 2);
  ASSERT_TRUE(store.migrateTo(7));
  EXPECT_EQ(hasColumnAndTable(), 0);
  ASSERT_TRUE(store.migrateTo(8));
  EXPECT_EQ(hasColumnAndTable(), 2);
  // The case columns of later schemas (purged_at, 10) are read too.
  ASSERT_TRUE(store.migrateTo(SqliteCaseStore::latestSchemaVersion()));

  std::set<std::string> codes;
  for (const auto& number : numbers) {
    const auto loaded = store.load(number);
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_TRUE(isCustomerCode(loaded->customerCode)) << number << ": '" << loaded->customerCode << "'";
    codes.insert(loaded->customerCode);
  }
  EXPECT_EQ(codes.size(), numbers.size()) << "each case has a code of its own";
}

}  // namespace
}  // namespace kiosk::test
