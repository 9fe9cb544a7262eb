// What only the SQLite store does for the queue: its queries run on the partial indexes, without
// sorting, and its change stamp (PRAGMA data_version) moves for any commit to the file, even
// one made outside the store. (PostgreSQL's stamp counts the notices that the stores send after
// their own commits, so an edit in psql does not move it.) What the queue and dashboard get back
// is held against both stores in query_contract_test.cpp.
#include <gtest/gtest.h>

#include "store/sqlite_case_store.hpp"
#include "store/sqlite_connection.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::test {
namespace {

using SqliteQueryTest = TempDirTest;  // a file of its own per test

TEST_F(SqliteQueryTest, TheQueueQueriesUseThePartialIndexes) {
  const auto opened = SqliteCaseStore::open(dbFile());  // the schema
  ASSERT_TRUE(opened) << opened.error().message;
  SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
  const auto plan = [&](const std::string& sql) {
    SqliteStatement explain(db, "EXPLAIN QUERY PLAN " + sql);
    std::string text;
    while (explain.step()) text += explain.text(3) + "\n";
    return text;
  };
  const std::string vendorPage = plan(
      "SELECT * FROM repair_case WHERE status <> 'closed' AND device_vendor = 'apple' "
      "ORDER BY due NULLS LAST, seq LIMIT 50 OFFSET 100");
  EXPECT_NE(vendorPage.find("repair_case_open_vendor_due"), std::string::npos) << vendorPage;
  EXPECT_EQ(vendorPage.find("TEMP B-TREE"), std::string::npos) << vendorPage;
  const std::string technicianPage = plan(
      "SELECT * FROM repair_case WHERE status <> 'closed' AND technician = 'per' "
      "ORDER BY due NULLS LAST, seq LIMIT 50");
  EXPECT_NE(technicianPage.find("repair_case_open_technician_due"), std::string::npos) << technicianPage;
  EXPECT_EQ(technicianPage.find("TEMP B-TREE"), std::string::npos) << technicianPage;
  const std::string outcomes =
      plan("SELECT count(*) FROM repair_case WHERE due BETWEEN '2026-11-01' AND '2026-11-30'");
  EXPECT_NE(outcomes.find("repair_case_due"), std::string::npos) << outcomes;
  // The deviation sweep (CaseService::noticeDeviations) reads only cases still to be noticed.
  const std::string deviations = plan(
      "SELECT * FROM repair_case WHERE status <> 'closed' AND due <= '2026-11-25' AND done_at IS NULL "
      "AND deviation_noticed_at IS NULL ORDER BY due NULLS LAST, seq LIMIT 50");
  EXPECT_NE(deviations.find("repair_case_deviation_due"), std::string::npos) << deviations;
  EXPECT_EQ(deviations.find("TEMP B-TREE"), std::string::npos) << deviations;
}

TEST_F(SqliteQueryTest, ACommitOutsideTheStoreChangesTheStamp) {
  auto opened = SqliteCaseStore::open(dbFile());
  ASSERT_TRUE(opened) << opened.error().message;
  SqliteCaseStore& store = **opened;
  ASSERT_TRUE(store.create(draftCase("SERIAL1")));
  const auto before = store.changeStamp();
  ASSERT_TRUE(before);
  {
    SqliteConnection shell(dbFile().string(), SqliteBusyPolicy{});
    shell.exec("UPDATE repair_case SET tracking = 'by hand' WHERE seq = 1");
  }
  EXPECT_NE(*store.changeStamp(), *before);
}

}  // namespace
}  // namespace kiosk::test
