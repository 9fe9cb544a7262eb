// End-to-end repair cases through kioskctl: every step, due dates over holidays, charges.
#include "cli_harness.hpp"

namespace kiosk::test {
namespace {

class CaseFlowTest : public CliTest {};

TEST_F(CaseFlowTest, CoveredMacRunsFromIntakeToCloseAcrossChristmas) {
  const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-12-21T10:00"));
  ASSERT_EQ(n.size(), 9u);
  EXPECT_EQ(n[4], '-');

  EXPECT_EQ(run({"case", "diagnose", n, "--finding", "Logic board fault", "--at", "2026-12-22T08:30"}).code, 0);
  EXPECT_EQ(run({"case", "decide", n, "--at", "2026-12-22T09:00"}).code, 0);
  EXPECT_TRUE(show(n, "2026-12-22T09:00")["due"].is_null()) << "the customer does not know the decision yet";
  EXPECT_EQ(run({"case", "inform", n, "--via", "sms", "--at", "2026-12-22T09:05"}).code, 0);
  auto j = show(n, "2026-12-22T09:10");
  EXPECT_EQ(j["status"], "diagnosed");
  EXPECT_EQ(j["warranty"]["covered"], true);
  EXPECT_EQ(j["warranty"]["basis"], "atea-extended");
  EXPECT_EQ(j["warranty"]["covered_until"], "2027-02-28");
  EXPECT_EQ(j["warranty"]["action"], "repair");
  EXPECT_EQ(j["warranty"]["diagnosis_fee_nok"], 0);
  // Informed of the covered decision on Tue 22 Dec: 23, 24, (25, 26, 27 off), 28.
  EXPECT_EQ(j["due"], "2026-12-28");
  EXPECT_EQ(j["charges_nok"], 0);

  EXPECT_EQ(run({"case", "order-parts", n, "--part", "661-12345 Logic board", "--at", "2026-12-22T10:00"}).code, 0);
  EXPECT_EQ(run({"case", "receive-parts", n, "--at", "2026-12-23T09:00"}).code, 0);
  EXPECT_EQ(run({"case", "inform", n, "--via", "email", "--at", "2026-12-23T09:05"}).code, 0);
  EXPECT_EQ(show(n)["due"], "2026-12-28") << "a later inform does not move the due date";
  EXPECT_EQ(run({"case", "repaired", n, "--at", "2026-12-23T15:00"}).code, 0);
  EXPECT_EQ(run({"case", "ship", n, "--carrier", "Posten", "--tracking", "70712345", "--at", "2026-12-24T10:00"}).code, 0);
  j = show(n, "2026-12-29T12:00");
  EXPECT_EQ(j["status"], "shipped");
  EXPECT_EQ(j["overdue"], false);
  EXPECT_EQ(j["at_risk"], false);
  EXPECT_EQ(run({"case", "close", n, "--at", "2027-01-04T09:00"}).code, 0);

  j = show(n);
  EXPECT_EQ(j["status"], "closed");
  EXPECT_EQ(j["accepted_by"], "Kari Nordmann");
  EXPECT_EQ(j["parts"], nlohmann::json::array({"661-12345 Logic board"}));
  ASSERT_EQ(j["events"].size(), 10u);
  EXPECT_EQ(j["events"][0]["kind"], "registered");
  EXPECT_EQ(j["events"][9]["kind"], "close");
  EXPECT_EQ(j["events"][9]["at"], "2027-01-04T09:00:00");
  EXPECT_EQ(j["has_passcode"], false) << "erased when the case closed";
}

TEST_F(CaseFlowTest, PasscodeIsNeverPrinted) {
  const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"case", "show", n}, {"case", "show", n, "--json"}, {"case", "list"}, {"case", "list", "--json"},
           {"case", "find", "Kari", "--json"}, {"case", "decide", n, "--json"}}) {
    const CliRun r = run(args);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.find("zebra-8642"), std::string::npos) << args[1];
    EXPECT_EQ(r.err.find("zebra-8642"), std::string::npos) << args[1];
  }
}

TEST_F(CaseFlowTest, LiquidDamagedIPhoneIsQuotedAndApprovedOverEaster) {
  const std::string n = newCase({"--vendor", "apple", "--family", "iphone", "--serial", "F2LXK0JHJG5H", "--product",
                                 "iPhone 14", "--purchased", "2026-10-01", "--seller", "atea", "--customer", "Ola Hansen",
                                 "--mobile", "+4798765432", "--address", "Bryggen 4, Bergen", "--fault", "Dead",
                                 "--at", "2027-03-22T11:00"});
  EXPECT_EQ(run({"case", "diagnose", n, "--finding", "Corrosion", "--damage", "liquid", "--at", "2027-03-22T12:00"}).code, 0);
  EXPECT_EQ(run({"case", "decide", n, "--at", "2027-03-22T12:05"}).code, 0);
  auto j = show(n, "2027-03-22T13:00");
  EXPECT_EQ(j["warranty"]["covered"], false);
  EXPECT_EQ(j["warranty"]["basis"], "none");
  EXPECT_EQ(j["warranty"]["action"], "quote");
  EXPECT_EQ(j["warranty"]["diagnosis_fee_nok"], 450);
  EXPECT_EQ(j["warranty"]["covered_until"], "2027-09-30");
  EXPECT_EQ(j["charges_nok"], 450);
  EXPECT_TRUE(j["due"].is_null());

  EXPECT_EQ(run({"case", "quote", n, "--amount-nok", "2499.50", "--at", "2027-03-22T13:00"}).code, 0);
  EXPECT_EQ(run({"case", "inform", n, "--via", "sms", "--at", "2027-03-22T13:01"}).code, 0);
  j = show(n, "2027-03-23T09:00");
  EXPECT_EQ(j["status"], "awaiting_customer");
  EXPECT_EQ(j["charges_nok"], 450);
  EXPECT_TRUE(j["due"].is_null()) << "time waiting for the customer does not count";

  EXPECT_EQ(run({"case", "approve", n, "--at", "2027-03-24T14:00"}).code, 0);
  // Approved Wed 24 Mar 2027: Maundy Thursday, Good Friday, the weekend and Easter Monday are
  // off, so 30 and 31 March and 1 April are the three working days.
  j = show(n, "2027-03-30T09:00");
  EXPECT_EQ(j["status"], "awaiting_parts");
  EXPECT_EQ(j["due"], "2027-04-01");
  EXPECT_EQ(j["charges_nok"], 2499.5);
  EXPECT_EQ(j["at_risk"], false);
  EXPECT_EQ(show(n, "2027-03-31T09:00")["at_risk"], true);
  const auto dueDay = show(n, "2027-04-01T09:00");
  EXPECT_EQ(dueDay["at_risk"], true);
  EXPECT_EQ(dueDay["due_today"], true);
  const auto late = show(n, "2027-04-02T09:00");
  EXPECT_EQ(late["overdue"], true);
  EXPECT_EQ(late["at_risk"], false);
  // A later inform does not move the due date.
  EXPECT_EQ(run({"case", "inform", n, "--via", "phone", "--at", "2027-04-05T09:00"}).code, 0);
  EXPECT_EQ(show(n)["due"], "2027-04-01");
}

TEST_F(CaseFlowTest, DeclinedQuoteChargesTheFeeUnlessTheCustomerBuysNew) {
  const auto oldMac = [this](const std::string& serial) {
    auto args = appleMac(serial, "2026-11-23T10:00");
    args[9] = "2020-01-10";  // --purchased: long out of warranty
    return newCase(args);
  };
  for (const bool boughtNew : {false, true}) {
    const std::string n = oldMac(boughtNew ? "C02AAAAAAAA1" : "C02AAAAAAAA2");
    EXPECT_EQ(run({"case", "decide", n, "--at", "2026-11-23T11:00"}).code, 0);
    EXPECT_EQ(run({"case", "quote", n, "--amount-nok", "3000", "--at", "2026-11-23T12:00"}).code, 0);
    std::vector<std::string> args = {"case", "decline", n, "--at", "2026-11-24T09:00"};
    if (boughtNew) args.push_back("--bought-new");
    EXPECT_EQ(run(args).code, 0);
    const auto j = show(n);
    EXPECT_EQ(j["status"], "returning");
    EXPECT_EQ(j["charges_nok"], boughtNew ? 0 : 450);
    EXPECT_EQ(run({"case", "ship", n, "--carrier", "Posten", "--tracking", "X1", "--at", "2026-11-24T15:00"}).code, 0);
    EXPECT_EQ(run({"case", "close", n, "--at", "2026-11-26T15:00"}).code, 0);
  }
}

TEST_F(CaseFlowTest, CoveredIPadIsSwapped) {
  const std::string n = newCase({"--vendor", "apple", "--family", "ipad", "--serial", "DMPXK0JHJG5H", "--product",
                                 "iPad Air", "--purchased", "2025-06-01", "--seller", "atea", "--customer", "Emma Lie",
                                 "--mobile", "41234567", "--address", "Oslo", "--fault", "Touch dead", "--at",
                                 "2026-11-20T10:00"});
  EXPECT_EQ(run({"case", "decide", n, "--at", "2026-11-20T11:00"}).code, 0);
  const auto j = show(n);
  EXPECT_EQ(j["warranty"]["basis"], "atea-extended");
  EXPECT_EQ(j["warranty"]["action"], "swap");
  EXPECT_EQ(j["warranty"]["covered_until"], "2027-05-31");
}

}  // namespace
}  // namespace kiosk::test
