// The lookups a counter and the bench make all day run on their indexes on PostgreSQL: find by
// serial, the due list (all open cases, by status, a vendor's, a technician's, due by a day,
// awaiting a deviation notice), its count, and a case's messages. Asked of the server with
// EXPLAIN for the very statements the store prepares (pg_case_queries.hpp, pg_outbox_rows.hpp),
// on a few thousand analysed cases, as custom plans (for the values at hand), as what the server
// settles on after six executions, and as the generic plan (for any values) that PostgreSQL may
// switch a prepared statement to after five. The planner chooses on its own (no enable_seqscan
// off): the indexes win by far at this size.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "store/case_columns.hpp"
#include "store/pg_case_queries.hpp"
#include "store/pg_case_store.hpp"
#include "store/pg_connection.hpp"
#include "store/pg_outbox_rows.hpp"
#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::test {
namespace {

// "NULL" or a quoted literal: an EXECUTE argument for one of a statement's parameters.
std::string literal(const std::optional<std::string>& value) {
  if (!value) return "NULL";
  std::string quoted = "'";
  for (const char ch : *value) {
    if (ch == '\'') quoted += '\'';
    quoted += ch;
  }
  return quoted + "'";
}

// The cases are made once for the suite: every test only reads them.
class PgQueryPlanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_database = postgresBackend().makeDatabase();
    auto opened = PgCaseStore::open(s_database->location());
    ASSERT_TRUE(opened) << opened.error().message;
    RepairCase first = fullCase("SER1");
    OutboxMessage sms;
    sms.channel = "sms";
    sms.to = "+4790000000";
    sms.text = "Sak {number}";
    first.newMessages.push_back(sms);
    ASSERT_TRUE((*opened)->create(first));
    // 4,000 cases like the first, one in five open, of five vendors and eight technicians, due
    // over 300 days; each with an event and a message.
    const std::map<std::string_view, std::string> differ = {
        {"seq", "g"},
        {"number", "'T' || g"},
        {"device_serial", "'SER' || g"},
        {"status", "CASE WHEN g % 5 = 0 THEN 'registered' ELSE 'closed' END"},
        {"device_vendor", "(ARRAY['apple', 'lenovo', 'hp', 'dell', 'samsung'])[1 + g / 5 % 5]"},
        {"technician", "(ARRAY['', 'kari', 'ola', 'per', 'anne', 'tor', 'liv', 'ivar'])[1 + g % 8]"},
        {"due", "DATE '2026-01-01' + g % 300"},
        {"done_at", "CASE WHEN g % 3 = 0 THEN '2026-01-02T10:00:00' END"},
        {"deviation_noticed_at", "NULL"}};
    std::string columns = "customer_name_folded";
    std::string values = "r.customer_name_folded";
    for (const std::string_view name : caseColumns()) {
      columns.append(", ").append(name);
      const auto other = differ.find(name);
      values.append(", ").append(other != differ.end() ? other->second : "r." + std::string(name));
    }
    s_database->exec("INSERT INTO repair_case (" + columns + ") SELECT " + values +
                     " FROM repair_case r, generate_series(2, 4000) g WHERE r.seq = 1");
    s_database->exec(
        "INSERT INTO case_event SELECT seq, 0, '2026-01-01T10:00:00', 'ola', 'registered', '' FROM repair_case "
        "WHERE seq > 1");
    s_database->exec(
        "INSERT INTO outbox_message (case_seq, event_position, channel, recipient, subject, body, reference, status, "
        "created_at) SELECT seq, 0, 'sms', '+4790000000', '', 'Sak', 'ref-' || seq, 'delivered', "
        "'2026-01-01T10:00:00' FROM repair_case WHERE seq > 1");
    s_database->exec("ANALYZE repair_case, case_event, outbox_message");
  }

  static void TearDownTestSuite() { s_database.reset(); }

  // EXPLAIN of `statement` prepared as the store prepares it, with plan_cache_mode `mode`
  // ("auto": after six executions).
  [[nodiscard]] std::string plan(const PgStatement& statement, const std::string& mode) {
    PgConnection db(s_database->location(), "plans", 5);
    db.exec("SET plan_cache_mode = " + mode);
    db.exec("PREPARE q AS " + statement.sql);
    std::string arguments;
    for (const auto& value : statement.params.values()) arguments += (arguments.empty() ? "(" : ", ") + literal(value);
    if (!arguments.empty()) arguments += ")";
    if (mode == "auto") {
      for (int i = 0; i < 6; ++i) db.exec("EXECUTE q" + arguments);
    }
    const PgResult rows = db.exec("EXPLAIN EXECUTE q" + arguments);
    std::string text;
    for (int r = 0; r < rows.rows(); ++r) text += rows.text(r, 0) + "\n";
    return text;
  }

  // In every mode the plan reads `index` (an index scan, or a bitmap of it), with `condition`
  // among its index conditions when given, and never reads the whole table.
  void expectIndex(const PgStatement& statement, const std::string& index, const std::string& condition) {
    for (const std::string mode : {"force_custom_plan", "auto", "force_generic_plan"}) {
      const std::string p = plan(statement, mode);
      const bool scans = p.find(" using " + index + " on ") != std::string::npos ||
                         p.find("Bitmap Index Scan on " + index + " ") != std::string::npos;
      EXPECT_TRUE(scans) << mode << ", not " << index << ":\n" << p;
      if (!condition.empty()) {
        EXPECT_NE(p.find("Index Cond: (" + condition), std::string::npos) << mode << ", no " << condition << ":\n" << p;
      }
      EXPECT_EQ(p.find("Seq Scan"), std::string::npos) << mode << ":\n" << p;
    }
  }

  static std::unique_ptr<TestDatabase> s_database;
};

std::unique_ptr<TestDatabase> PgQueryPlanTest::s_database;

TEST_F(PgQueryPlanTest, FindBySerialUsesTheSerialIndex) {
  expectIndex(pgFindBySerialStatement("SER77"), "repair_case_serial", "device_serial = ");
}

TEST_F(PgQueryPlanTest, TheDueListUsesTheOpenCasesIndexes) {
  CaseQuery open;
  open.limit = 50;
  expectIndex(pgListStatement(open), "repair_case_open_due", "");

  CaseQuery vendor = open;
  vendor.vendor = "lenovo";
  vendor.offset = 50;
  expectIndex(pgListStatement(vendor), "repair_case_open_vendor_due", "device_vendor = ");

  CaseQuery technician = open;
  technician.technician = "kari";
  expectIndex(pgListStatement(technician), "repair_case_open_technician_due", "technician = ");

  CaseQuery due = open;
  due.dueOnOrBefore = day("2026-03-01");
  expectIndex(pgListStatement(due), "repair_case_open_due", "due <= ");

  CaseQuery status = open;
  status.status = CaseStatus::Registered;
  expectIndex(pgListStatement(status), "repair_case_status_due", "status = ");

  CaseQuery deviations = due;
  deviations.awaitingDeviationNotice = true;
  expectIndex(pgListStatement(deviations), "repair_case_deviation_due", "due <= ");
}

TEST_F(PgQueryPlanTest, CountingTheDueListUsesTheOpenCasesIndexes) {
  CaseQuery vendor;
  vendor.vendor = "lenovo";
  expectIndex(pgCountStatement(vendor), "repair_case_open_vendor_due", "device_vendor = ");
  CaseQuery technician;
  technician.technician = "kari";
  expectIndex(pgCountStatement(technician), "repair_case_open_technician_due", "technician = ");
}

TEST_F(PgQueryPlanTest, ACasesMessagesAreFoundByItsNumber) {
  OutboxQuery query;
  query.caseNumber = "T77";
  const PgStatement statement = pgOutboxListStatement(query);
  expectIndex(statement, "repair_case_number_key", "number = ");
  expectIndex(statement, "outbox_message_case", "case_seq = ");
}

}  // namespace
}  // namespace kiosk::test
