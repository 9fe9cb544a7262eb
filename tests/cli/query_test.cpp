// Lists, finds and the tools: JSON shapes, filters, the holiday calendar, warranty checks.
#include "cli_harness.hpp"

namespace kiosk::test {
namespace {

class QueryTest : public CliTest {};

TEST_F(QueryTest, ListShowsOpenCasesByDueDateWithTheAgreedFields) {
  const std::string a = newCase(appleMac("C02AAAAAAAA1", "2026-11-23T10:00"));
  const std::string b = newCase(appleMac("C02AAAAAAAA2", "2026-11-23T10:05"));
  const std::string c = newCase(appleMac("C02AAAAAAAA3", "2026-11-23T10:10"));
  ASSERT_EQ(run({"case", "decide", b, "--at", "2026-11-23T11:00"}).code, 0);
  ASSERT_EQ(run({"case", "inform", b, "--via", "sms", "--at", "2026-11-23T11:00"}).code, 0);  // due 26 Nov
  ASSERT_EQ(run({"case", "decide", a, "--at", "2026-11-24T11:00"}).code, 0);
  ASSERT_EQ(run({"case", "inform", a, "--via", "sms", "--at", "2026-11-24T11:00"}).code, 0);  // due 27 Nov
  const CliRun r = run({"case", "list", "--json", "--at", "2026-11-26T08:00"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = r.json();
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[0]["number"], b);
  EXPECT_EQ(j[1]["number"], a);
  EXPECT_EQ(j[2]["number"], c);
  for (const char* key : {"number", "status", "vendor", "family", "serial", "product", "customer", "due", "at_risk", "overdue"}) {
    EXPECT_TRUE(j[0].contains(key)) << key;
  }
  EXPECT_EQ(j[0]["due"], "2026-11-26");
  EXPECT_EQ(j[0]["at_risk"], true);
  EXPECT_EQ(j[2]["due"], nullptr);
  EXPECT_EQ(j[0]["customer"], "Kari Nordmann");

  const auto dueBefore = run({"case", "list", "--json", "--due-before", "2026-11-27"}).json();
  ASSERT_EQ(dueBefore.size(), 1u);
  EXPECT_EQ(dueBefore[0]["number"], b);
  const auto diagnosed = run({"case", "list", "--json", "--status", "diagnosed"}).json();
  EXPECT_EQ(diagnosed.size(), 2u);
}

TEST_F(QueryTest, FindBySerialNumberNameOrMobile) {
  const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-11-23T10:00"));
  for (const std::string& text : std::vector<std::string>{"c02xk0jhjg5h", n, "kari", "Nordmann", "91234567", "+47 912 34 567"}) {
    const CliRun r = run({"case", "find", text, "--json"});
    ASSERT_EQ(r.code, 0) << text << r.err;
    const auto j = r.json();
    ASSERT_EQ(j.size(), 1u) << text;
    EXPECT_EQ(j[0]["number"], n);
  }
  EXPECT_TRUE(run({"case", "find", "nobody", "--json"}).json().empty());
}

TEST_F(QueryTest, HolidaysOfAYearWithTwoOnOneDate) {
  const CliRun r = run({"workdays", "holidays", "2027"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("2027-05-17\tGrunnlovsdag\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2027-05-17\tAndre pinsedag\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2027-03-28\tFørste påskedag\n"), std::string::npos) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 12);
  EXPECT_EQ(run({"workdays", "holidays", "1899"}).code, 2);
  EXPECT_EQ(run({"workdays", "holidays", "abc"}).code, 2);
}

TEST_F(QueryTest, AddWorkingDays) {
  EXPECT_EQ(run({"workdays", "add", "2026-12-22", "3"}).line(), "2026-12-28");
  EXPECT_EQ(run({"workdays", "add", "2026-12-26", "0"}).line(), "2026-12-28");
  EXPECT_EQ(run({"workdays", "add", "2026-11-25", "0"}).line(), "2026-11-25");
  EXPECT_EQ(run({"workdays", "add", "2026-02-30", "1"}).code, 2);
}

TEST_F(QueryTest, WarrantyCheckPrintsTheDecision) {
  const CliRun r = run({"warranty", "check", "--vendor", "apple", "--family", "mac", "--purchased", "2016-02-29",
                        "--seller", "atea", "--country", "NO", "--on", "2019-02-28"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["covered"], true);
  EXPECT_EQ(j["basis"], "atea-extended");
  EXPECT_EQ(j["covered_until"], "2019-02-28");
  EXPECT_EQ(j["action"], "repair");
  EXPECT_EQ(j["diagnosis_fee_nok"], 0);
  const auto expired = run({"warranty", "check", "--vendor", "apple", "--family", "mac", "--purchased", "2016-02-29",
                            "--seller", "atea", "--country", "NO", "--on", "2019-03-01"}).json();
  EXPECT_EQ(expired["covered"], false);
  EXPECT_EQ(expired["diagnosis_fee_nok"], 450);
  const auto ace = run({"warranty", "check", "--vendor", "apple", "--family", "iphone", "--purchased", "2024-01-10",
                        "--seller", "atea", "--country", "NO", "--on", "2025-06-01", "--ace-until", "2026-01-09"}).json();
  EXPECT_EQ(ace["basis"], "applecare-enterprise");
  EXPECT_EQ(ace["covered_until"], "2026-01-09");
  EXPECT_EQ(run({"warranty", "check", "--vendor", "hp", "--family", "ipad", "--purchased", "2024-01-10",
                 "--on", "2025-06-01"}).code, 2);
  const auto loose = run({"warranty", "check", "--vendor", "Apple", "--family", "MAC", "--purchased", "2024-01-10",
                          "--seller", "Atea", "--country", "no", "--on", "2025-06-01"});
  ASSERT_EQ(loose.code, 0) << loose.err;
  EXPECT_EQ(loose.json()["basis"], "atea-extended");
  EXPECT_EQ(run({"warranty", "check", "--vendor", "apple", "--family", "mac", "--purchased", "2024-01-10",
                 "--country", "Norway", "--on", "2025-06-01"}).code, 2);
}

}  // namespace
}  // namespace kiosk::test
