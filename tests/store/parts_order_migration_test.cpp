// Migration 6: the parts supplier's order columns come and go, and a case from before reads
// as having no order for the supplier.
#include <gtest/gtest.h>

#include "store/sqlite_case_store.hpp"
#include "store/sqlite_connection.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::test {
namespace {

class PartsOrderMigrationTest : public TempDirTest {};

TEST_F(PartsOrderMigrationTest, OrderColumnsComeAndGoWithVersionSix) {
  ASSERT_GE(SqliteCaseStore::latestSchemaVersion(), 6);
  auto opened = SqliteCaseStore::open(dbFile());
  ASSERT_TRUE(opened) << opened.error().message;
  SqliteCaseStore& store = **opened;
  const auto c = store.create(fullCase("SERIAL1"));
  ASSERT_TRUE(c) << c.error().message;
  const auto columnCount = [&] {
    SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
    return db.queryInteger(
        "SELECT count(*) FROM pragma_table_info('repair_case') WHERE name LIKE 'parts_order_%'");
  };
  EXPECT_EQ(columnCount(), 3);
  const auto stored = store.load(c->number);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->partsOrder.supplierId, "PO-77");

  ASSERT_TRUE(store.migrateTo(5));
  EXPECT_EQ(columnCount(), 0);
  ASSERT_TRUE(store.migrateTo(SqliteCaseStore::latestSchemaVersion()));
  EXPECT_EQ(columnCount(), 3);
  const auto loaded = store.load(c->number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->partsOrder.reference, "") << "a case from before has no order for the supplier";
  EXPECT_TRUE(loaded->partsOrder.parts.empty());
  EXPECT_EQ(loaded->partsOrder.supplierId, "");
  EXPECT_EQ(loaded->parts, c->parts) << "the parts it lists stay";
}

}  // namespace
}  // namespace kiosk::test
