// Opening files and migrating schemas: every real migration walks down and back up to the
// same schema; files that are not ours are refused untouched.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "store/sqlite_case_store.hpp"
#include "store/sqlite_connection.hpp"
#include "store/sqlite_migrations.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::test {
namespace {

using SqliteMigrationTest = TempDirTest;

// The schema as SQLite records it: what a migration created, name by name.
std::string schemaOf(const std::filesystem::path& file) {
  SqliteConnection db(file.string(), SqliteBusyPolicy{});
  SqliteStatement select(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name");
  std::string schema;
  while (select.step()) schema += select.text(0) + " " + select.text(1) + ": " + select.text(2) + "\n";
  return schema;
}

void writeFile(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary);
  out << bytes;
}

void expectRefused(const std::filesystem::path& file, const std::string& expectedFragment) {
  const std::string before = readBytes(file);
  const auto opened = SqliteCaseStore::open(file);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind, ErrorKind::Storage);
  EXPECT_NE(opened.error().message.find(file.string()), std::string::npos) << opened.error().message;
  EXPECT_NE(opened.error().message.find(expectedFragment), std::string::npos) << opened.error().message;
  EXPECT_EQ(readBytes(file), before) << "a refused file must not be modified";
}

TEST_F(SqliteMigrationTest, EmbeddedMigrationsHaveNoGap) {
  EXPECT_TRUE(checkMigrationSequence(embeddedSqliteMigrations()));
  EXPECT_GE(SqliteCaseStore::latestSchemaVersion(), 1);
}

TEST_F(SqliteMigrationTest, NewFileGetsTheLatestSchemaAndOurApplicationId) {
  auto store = SqliteCaseStore::open(dbFile());
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ(*(*store)->schemaVersion(), SqliteCaseStore::latestSchemaVersion());
  SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
  EXPECT_EQ(db.queryInteger("PRAGMA application_id"), kSqliteApplicationId);
  EXPECT_EQ(db.queryText("PRAGMA journal_mode"), "wal");
}

TEST_F(SqliteMigrationTest, EveryMigrationWalksDownAndBackUp) {
  auto opened = SqliteCaseStore::open(dbFile());
  ASSERT_TRUE(opened) << opened.error().message;
  SqliteCaseStore& store = **opened;
  const int latest = SqliteCaseStore::latestSchemaVersion();

  std::map<int, std::string> schemaAt;
  for (int version = latest; version >= 0; --version) {
    const auto moved = store.migrateTo(version);
    ASSERT_TRUE(moved) << "down to " << version << ": " << moved.error().message;
    EXPECT_EQ(*store.schemaVersion(), version);
    schemaAt[version] = schemaOf(dbFile());
  }
  // SQLite keeps sqlite_sequence once created; everything of ours is gone.
  EXPECT_EQ(schemaAt[0], "table sqlite_sequence: CREATE TABLE sqlite_sequence(name,seq)\n");

  for (int version = 1; version <= latest; ++version) {
    const auto moved = store.migrateTo(version);
    ASSERT_TRUE(moved) << "up to " << version << ": " << moved.error().message;
    EXPECT_EQ(*store.schemaVersion(), version);
    EXPECT_EQ(schemaOf(dbFile()), schemaAt[version]) << "up to " << version << " differs from before";
  }
  const auto c = store.create(fullCase("SERIAL1"));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_TRUE(store.load(c->number));
}

// Version 2 adds the technician: cases kept across a walk down and up lose only that column.
TEST_F(SqliteMigrationTest, TechnicianColumnComesAndGoesWithVersionTwo) {
  ASSERT_GE(SqliteCaseStore::latestSchemaVersion(), 2);
  auto opened = SqliteCaseStore::open(dbFile());
  ASSERT_TRUE(opened) << opened.error().message;
  SqliteCaseStore& store = **opened;
  const auto c = store.create(fullCase("SERIAL1"));
  ASSERT_TRUE(c) << c.error().message;
  const auto columnCount = [&] {
    SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
    return db.queryInteger("SELECT count(*) FROM pragma_table_info('repair_case') WHERE name = 'technician'");
  };
  EXPECT_EQ(columnCount(), 1);
  ASSERT_TRUE(store.migrateTo(1));
  EXPECT_EQ(columnCount(), 0);
  ASSERT_TRUE(store.migrateTo(2));
  EXPECT_EQ(columnCount(), 1);
  ASSERT_TRUE(store.migrateTo(SqliteCaseStore::latestSchemaVersion()));
  const auto loaded = store.load(c->number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->customer.name, c->customer.name);
  EXPECT_EQ(loaded->technician, "");
}

// Version 3 adds the customer's acceptance signature: down to 2 drops it, back up to 3 every
// case has none (''), and a signature stored at 3 survives a store reopen.
TEST_F(SqliteMigrationTest, SignatureColumnComesAndGoesWithVersionThree) {
  ASSERT_GE(SqliteCaseStore::latestSchemaVersion(), 3);
  auto opened = SqliteCaseStore::open(dbFile());
  ASSERT_TRUE(opened) << opened.error().message;
  SqliteCaseStore& store = **opened;
  const auto c = store.create(fullCase("SERIAL1"));
  ASSERT_TRUE(c) << c.error().message;
  const auto columnCount = [&] {
    SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
    return db.queryInteger(
        "SELECT count(*) FROM pragma_table_info('repair_case') WHERE name = 'acceptance_signature'");
  };
  EXPECT_EQ(columnCount(), 1);
  ASSERT_TRUE(store.migrateTo(2));
  EXPECT_EQ(columnCount(), 0);
  ASSERT_TRUE(store.migrateTo(3));
  EXPECT_EQ(columnCount(), 1);
  ASSERT_TRUE(store.migrateTo(SqliteCaseStore::latestSchemaVersion()));
  const auto loaded = store.load(c->number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->acceptedBy, c->acceptedBy);
  EXPECT_EQ(loaded->acceptanceSignature, "");

  const auto signedAgain = store.update(c->number, [](RepairCase& r) -> Result<void> {
    r.acceptanceSignature = "M 1 2 L 3 4";
    r.events.push_back(CaseEvent{r.events.back().at, "per", "close", "signed"});  // every change has an event
    return {};
  });
  ASSERT_TRUE(signedAgain) << signedAgain.error().message;
  opened->reset();
  auto reopened = SqliteCaseStore::open(dbFile());
  ASSERT_TRUE(reopened) << reopened.error().message;
  EXPECT_EQ((*reopened)->load(c->number)->acceptanceSignature, "M 1 2 L 3 4");
}

// Version 4 adds the outbox: down to 3 drops the table and its indexes (and the messages), back
// up to 4 it is empty, and a case stored with a message at 4 keeps both.
TEST_F(SqliteMigrationTest, OutboxTableComesAndGoesWithVersionFour) {
  ASSERT_GE(SqliteCaseStore::latestSchemaVersion(), 4);
  auto opened = SqliteCaseStore::open(dbFile());
  ASSERT_TRUE(opened) << opened.error().message;
  SqliteCaseStore& store = **opened;
  RepairCase draft = fullCase("SERIAL1");
  OutboxMessage m;
  m.channel = "sms";
  m.to = "+4791234567";
  m.text = "Sak {number}";
  draft.newMessages.push_back(m);
  const auto c = store.create(draft);
  ASSERT_TRUE(c) << c.error().message;
  const auto objects = [&] {
    SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
    return db.queryInteger(
        "SELECT count(*) FROM sqlite_schema WHERE name IN ('outbox_message', 'outbox_message_due', "
        "'outbox_message_case')");
  };
  EXPECT_EQ(objects(), 3);
  ASSERT_EQ(store.listOutbox({})->size(), 1u);
  ASSERT_TRUE(store.migrateTo(3));
  EXPECT_EQ(objects(), 0);
  ASSERT_TRUE(store.migrateTo(4));
  EXPECT_EQ(objects(), 3);
  {
    // Counted in SQL: the store reads the outbox as the latest version has it.
    SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
    EXPECT_EQ(db.queryInteger("SELECT count(*) FROM outbox_message"), 0);
  }
  ASSERT_TRUE(store.migrateTo(SqliteCaseStore::latestSchemaVersion()));
  EXPECT_TRUE(store.load(c->number));

  const auto again = store.update(c->number, [](RepairCase& r) -> Result<void> {
    r.events.push_back({r.events.back().at, "per", "inform", "via sms"});
    OutboxMessage sms;
    sms.eventPosition = r.events.size() - 1;
    sms.channel = "sms";
    sms.to = "+4791234567";
    r.newMessages.push_back(sms);
    return {};
  });
  ASSERT_TRUE(again) << again.error().message;
  opened->reset();
  auto reopened = SqliteCaseStore::open(dbFile());
  ASSERT_TRUE(reopened) << reopened.error().message;
  const auto listed = (*reopened)->listOutbox({});
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().reference, outboxReference(c->number, again->events.size() - 1, "sms"));
}

TEST_F(SqliteMigrationTest, MigratingOutsideTheKnownVersionsFails) {
  auto store = SqliteCaseStore::open(dbFile());
  ASSERT_TRUE(store);
  EXPECT_FALSE((*store)->migrateTo(-1));
  const auto tooNew = (*store)->migrateTo(SqliteCaseStore::latestSchemaVersion() + 1);
  ASSERT_FALSE(tooNew);
  EXPECT_EQ(tooNew.error().kind, ErrorKind::Storage);
  EXPECT_EQ(*(*store)->schemaVersion(), SqliteCaseStore::latestSchemaVersion());
}

TEST_F(SqliteMigrationTest, NewerSchemaIsRefused) {
  ASSERT_TRUE(SqliteCaseStore::open(dbFile()));
  const int newer = SqliteCaseStore::latestSchemaVersion() + 6;
  {
    SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
    db.exec("PRAGMA user_version = " + std::to_string(newer));
  }
  expectRefused(dbFile(), "database schema version " + std::to_string(newer) +
                              " is newer than this program (knows up to " +
                              std::to_string(SqliteCaseStore::latestSchemaVersion()) +
                              "); upgrade the program");
}

TEST_F(SqliteMigrationTest, AnotherProgramsSqliteFileIsRefused) {
  {
    SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
    db.exec(
        "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES "
        "('cat.jpg')");
  }
  expectRefused(dbFile(), "another program's SQLite database");
}

TEST_F(SqliteMigrationTest, SqliteFileWithAnotherApplicationIdIsRefused) {
  {
    SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
    db.exec("PRAGMA application_id = 305419896");  // 0x12345678, and no tables at all
  }
  expectRefused(dbFile(), "0x12345678");
}

TEST_F(SqliteMigrationTest, TextFileIsRefusedAndNotModified) {
  writeFile(dbFile(), "name,mobile\nKari Nordmann,+4791234567\n");
  expectRefused(dbFile(), "is not a SQLite database");
  const auto shortFile = dir() / "short.db";
  writeFile(shortFile, "hi\n");
  expectRefused(shortFile, "is not a SQLite database");
}

TEST_F(SqliteMigrationTest, CorruptSqliteFileIsAnErrorNotACrash) {
  std::string bytes("SQLite format 3\0", 16);
  for (int i = 0; i < 8192; ++i) bytes += static_cast<char>((i * 7919) % 251);
  writeFile(dbFile(), bytes);
  expectRefused(dbFile(), "");
}

TEST_F(SqliteMigrationTest, EmptyFileIsInitialised) {
  writeFile(dbFile(), "");
  auto store = SqliteCaseStore::open(dbFile());
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ(*(*store)->schemaVersion(), SqliteCaseStore::latestSchemaVersion());
  EXPECT_TRUE((*store)->create(draftCase("SERIAL1")));
}

TEST_F(SqliteMigrationTest, MissingParentFoldersAreCreated) {
  const auto nested = dir() / "a" / "b" / "c" / "cases.db";
  auto store = SqliteCaseStore::open(nested);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_TRUE(std::filesystem::is_regular_file(nested));
}

TEST_F(SqliteMigrationTest, AFolderIsNotADatabase) {
  std::filesystem::create_directories(dbFile());
  const auto store = SqliteCaseStore::open(dbFile());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().kind, ErrorKind::Storage);
  EXPECT_NE(store.error().message.find(dbFile().string()), std::string::npos);
}

// The runner itself, on made-up migrations with more steps than the real set has yet.
constexpr SqliteMigration kThreeSteps[] = {
    {1, "CREATE TABLE a (x);", "DROP TABLE a;"},
    {2, "CREATE TABLE b (x); INSERT INTO a VALUES (1);", "DROP TABLE b; DELETE FROM a;"},
    {3, "ALTER TABLE a ADD COLUMN y;", "ALTER TABLE a DROP COLUMN y;"},
};

TEST_F(SqliteMigrationTest, RunnerStepsUpAndDownThroughSeveralMigrations) {
  SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
  migrateSqlite(db, kThreeSteps, 3);
  EXPECT_EQ(sqliteSchemaVersion(db), 3);
  EXPECT_EQ(db.queryInteger("SELECT count(*) FROM pragma_table_info('a')"), 2);
  migrateSqlite(db, kThreeSteps, 1);
  EXPECT_EQ(sqliteSchemaVersion(db), 1);
  EXPECT_EQ(db.queryInteger("SELECT count(*) FROM a"), 0);
  EXPECT_EQ(db.queryInteger("SELECT count(*) FROM sqlite_schema WHERE name = 'b'"), 0);
  migrateSqlite(db, kThreeSteps, 2);
  EXPECT_EQ(db.queryInteger("SELECT count(*) FROM a"), 1);
  migrateSqlite(db, kThreeSteps, 0);
  EXPECT_EQ(db.queryInteger("SELECT count(*) FROM sqlite_schema"), 0);
}

TEST_F(SqliteMigrationTest, FailingMigrationLeavesTheDatabaseAsItWas) {
  const SqliteMigration broken[] = {
      {1, "CREATE TABLE a (x);", "DROP TABLE a;"},
      {2, "CREATE TABLE b (x); THIS IS NOT SQL;", "DROP TABLE b;"},
  };
  SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
  EXPECT_THROW(migrateSqlite(db, broken, 2), SqliteError);
  EXPECT_EQ(sqliteSchemaVersion(db), 0);
  EXPECT_EQ(db.queryInteger("SELECT count(*) FROM sqlite_schema"), 0);
}

TEST_F(SqliteMigrationTest, GapsAndMissingDirectionsAreRejected) {
  const SqliteMigration gap[] = {{1, "SELECT 1;", "SELECT 1;"}, {3, "SELECT 1;", "SELECT 1;"}};
  EXPECT_FALSE(checkMigrationSequence(gap));
  const SqliteMigration noDown[] = {{1, "SELECT 1;", ""}};
  EXPECT_FALSE(checkMigrationSequence(noDown));
  SqliteConnection db(dbFile().string(), SqliteBusyPolicy{});
  EXPECT_THROW(migrateSqlite(db, gap, 1), SqliteError);
  EXPECT_EQ(sqliteSchemaVersion(db), 0);
}

}  // namespace
}  // namespace kiosk::test
