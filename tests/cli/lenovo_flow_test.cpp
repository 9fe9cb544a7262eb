// Lenovo on-site cases: next-business-day due dates from the report time, dispatch, close.
#include "cli_harness.hpp"

namespace kiosk::test {
namespace {

class LenovoFlowTest : public CliTest {
 protected:
  std::string report(const std::string& serial, const std::string& at) {
    return newCase({"--vendor", "lenovo", "--family", "laptop", "--serial", serial, "--product", "ThinkPad T14",
                    "--purchased", "2025-01-15", "--seller", "atea", "--customer", "Lars Østby", "--mobile",
                    "90000001", "--address", "Markveien 35, 0554 Oslo", "--fault", "No display", "--channel",
                    "phone", "--at", at});
  }
};

TEST_F(LenovoFlowTest, DueDatesFollowTheReportTime) {
  struct Row {
    const char* at;
    const char* due;
    bool atRiskFromTheStart;
  };
  // Thursday 26 November 2026 and around; 28-29 Nov is a weekend; Christmas Eve is a Thursday.
  const Row rows[] = {
      {"2026-11-26T15:29", "2026-11-27", false},
      {"2026-11-26T15:30", "2026-11-27", true},
      {"2026-11-26T16:00", "2026-11-27", true},
      {"2026-11-26T16:01", "2026-11-30", false},
      {"2026-11-27T16:30", "2026-12-01", false},  // Friday after 16:00: Monday, then Tuesday
      {"2026-11-28T10:00", "2026-12-01", false},  // Saturday: as if Monday before 15:30
      {"2026-11-29T17:00", "2026-12-01", false},  // Sunday evening too
      {"2026-12-24T16:30", "2026-12-29", false},  // after 16:00 on Christmas Eve
      {"2027-03-24T16:05", "2027-03-31", false},  // before Easter 2027
  };
  int i = 0;
  for (const Row& row : rows) {
    const std::string n = report("PF3ABC" + std::to_string(100 + i++), row.at);
    const auto j = show(n, row.at);
    EXPECT_EQ(j["due"], row.due) << row.at;
    EXPECT_EQ(j["late_report"], row.atRiskFromTheStart) << row.at;
    EXPECT_EQ(j["warranty"]["basis"], "lenovo-onsite-nbd") << row.at;
  }
}

TEST_F(LenovoFlowTest, LateBandReportIsAtRiskAtOnce) {
  const std::string n = report("PF3LATE01", "2026-11-23T15:45");  // Monday
  const auto j = show(n, "2026-11-23T15:46");
  EXPECT_EQ(j["due"], "2026-11-24");
  EXPECT_EQ(j["at_risk"], true);
  EXPECT_EQ(show(n, "2026-11-25T08:00")["overdue"], true);
}

TEST_F(LenovoFlowTest, DispatchRepairCloseWithoutShipping) {
  const std::string n = report("PF3FLOW01", "2026-11-24T09:00");
  EXPECT_EQ(run({"case", "decide", n, "--at", "2026-11-24T09:10"}).code, 0);
  EXPECT_EQ(show(n)["warranty"]["action"], "onsite-nbd");
  const CliRun order = run({"case", "order-parts", n, "--part", "Screen", "--at", "2026-11-24T09:15"});
  EXPECT_EQ(order.code, 1);
  EXPECT_NE(order.err.find("dispatch"), std::string::npos) << order.err;
  EXPECT_EQ(run({"case", "dispatch", n, "--at", "2026-11-24T09:20"}).code, 0);
  EXPECT_EQ(show(n, "2026-11-24T10:00")["status"], "dispatched");
  EXPECT_EQ(run({"case", "repaired", n, "--at", "2026-11-25T13:00"}).code, 0);
  const CliRun ship = run({"case", "ship", n, "--carrier", "Posten", "--tracking", "1", "--at", "2026-11-25T14:00"});
  EXPECT_EQ(ship.code, 1) << "an on-site repair is not shipped";
  const auto done = show(n, "2026-11-30T09:00");
  EXPECT_EQ(done["overdue"], false) << "the visit was made on the due day";
  EXPECT_EQ(run({"case", "close", n, "--accepted-by", "Lars Østby", "--at", "2026-11-26T09:00"}).code, 0);
  EXPECT_EQ(show(n)["status"], "closed");
}

TEST_F(LenovoFlowTest, AppleCasesAreNotDispatched) {
  const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  const CliRun r = run({"case", "dispatch", n, "--at", "2026-11-24T11:00"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(show(n)["status"], "registered");
}

}  // namespace
}  // namespace kiosk::test
