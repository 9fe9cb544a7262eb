// kioskctl privacy: a customer's export (everything held about them, as JSON, never the passcode).
// Also run by cli_postgres_tests through --db-url.
#include "cli_harness.hpp"

namespace kiosk::test {
namespace {

class PrivacyCommandTest : public CliTest {
 protected:
  // Kari's two cases (one closed) and one of Ola's; returns Kari's numbers.
  std::vector<std::string> twoCustomers() {
    auto old = appleMac("C02KARI00001", "2026-11-20T10:00");
    old[9] = "2020-01-10";  // --purchased: out of warranty, so a declined quote ends it quickly
    const std::string first = newCase(old);
    EXPECT_EQ(run({"case", "decide", first, "--at", "2026-11-20T11:00"}).code, 0);
    EXPECT_EQ(run({"case", "quote", first, "--amount-nok", "3000", "--at", "2026-11-20T12:00"}).code, 0);
    EXPECT_EQ(run({"case", "decline", first, "--at", "2026-11-21T09:00"}).code, 0);
    EXPECT_EQ(run({"case", "ship", first, "--carrier", "Posten", "--tracking", "X1", "--at", "2026-11-21T15:00"}).code, 0);
    EXPECT_EQ(run({"case", "close", first, "--at", "2026-11-22T09:00"}).code, 0);
    const std::string second = newCase(appleMac("C02KARI00002", "2026-11-23T10:00"));
    auto ola = appleMac("C02OLA000001", "2026-11-23T11:00");
    ola[13] = "Ola Hansen";        // --customer
    ola[15] = "+46 70 123 45 67";  // --mobile
    ola[17] = "ola@example.se";    // --email
    ola[19] = "Kungsgatan 2, Stockholm";
    newCase(ola);
    return {first, second};
  }
};

TEST_F(PrivacyCommandTest, ExportByMobileHoldsEveryCaseTimelineMessageAndCodeButNoPasscode) {
  const auto kari = twoCustomers();
  const CliRun r = run({"privacy", "export", "--customer", "912 34 567"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find("zebra-8642"), std::string::npos) << "the passcode is never exported";
  EXPECT_EQ(r.out.find("Ola"), std::string::npos) << "another customer's case";
  const auto j = r.json();
  EXPECT_EQ(j["customer"], (nlohmann::json{{"mobile", "+4791234567"}}));
  ASSERT_EQ(j["cases"].size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& c = j["cases"][i];
    EXPECT_EQ(c["number"], kari[i]) << "oldest first";
    EXPECT_EQ(c["customer"], "Kari Nordmann");
    EXPECT_EQ(c["mobile"], "+4791234567");
    EXPECT_EQ(c["email"], "kari@example.no");
    EXPECT_EQ(c["address"], "Storgata 1, 0155 Oslo");
    EXPECT_EQ(c["customer_code"], show(kari[i])["customer_code"]);
    EXPECT_EQ(c["has_passcode"], i == 1) << "the first case is closed: its passcode was erased then";
    EXPECT_FALSE(c.contains("passcode"));
    EXPECT_EQ(c["events"], show(kari[i])["events"]) << "the whole timeline";
  }
  EXPECT_EQ(j["cases"][0]["status"], "closed");
  EXPECT_EQ(j["cases"][0]["events"].back()["kind"], "close");
  // The receipts (SMS and e-mail) of both cases, and the first case's shipping news.
  const auto outbox = run({"outbox", "list", "--json"}).json();
  std::size_t theirs = 0;
  for (const auto& m : outbox) {
    if (m["case"] == kari[0] || m["case"] == kari[1]) ++theirs;
  }
  ASSERT_GE(theirs, 4u);
  ASSERT_EQ(j["messages"].size(), theirs);
  for (const auto& m : j["messages"]) {
    EXPECT_TRUE(m["case"] == kari[0] || m["case"] == kari[1]) << m.dump();
    EXPECT_TRUE(m["to"] == "+4791234567" || m["to"] == "kari@example.no") << m.dump();
    EXPECT_FALSE(m["text"].get<std::string>().empty());
  }
}

TEST_F(PrivacyCommandTest, ExportByEmailIgnoresLetterCase) {
  const auto kari = twoCustomers();
  const CliRun r = run({"privacy", "export", "--customer", " Kari@Example.NO "});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["customer"], (nlohmann::json{{"email", "Kari@Example.NO"}}));
  ASSERT_EQ(j["cases"].size(), 2u);
  EXPECT_EQ(j["cases"][0]["number"], kari[0]);
  EXPECT_EQ(j["cases"][1]["number"], kari[1]);

  const auto ola = run({"privacy", "export", "--customer", "+46701234567"}).json();
  ASSERT_EQ(ola["cases"].size(), 1u);
  EXPECT_EQ(ola["cases"][0]["customer"], "Ola Hansen");
}

TEST_F(PrivacyCommandTest, ACustomerWithNothingHeldGetsAnEmptyExport) {
  twoCustomers();
  const CliRun r = run({"privacy", "export", "--customer", "99887766"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["customer"], (nlohmann::json{{"mobile", "+4799887766"}}));
  EXPECT_EQ(j["cases"], nlohmann::json::array());
  EXPECT_EQ(j["messages"], nlohmann::json::array());
}

TEST_F(PrivacyCommandTest, AnExportIsInTheAuditLogWithoutTheCustomer) {
  ASSERT_EQ(run({"privacy", "export", "--customer", "912 34 567", "--staff", "Siri"}).code, 0);
  ASSERT_EQ(run({"privacy", "export", "--customer", "Kari@Example.no"}).code, 0);
  EXPECT_EQ(run({"privacy", "export", "--customer", "12345"}).code, 2);
  const CliRun log = run({"audit", "log", "--kind", "privacy-export", "--json"});
  ASSERT_EQ(log.code, 0) << log.err;
  const nlohmann::json entries = log.json();
  ASSERT_EQ(entries.size(), 2U) << "bad input exports nothing and logs nothing: " << entries.dump(2);
  EXPECT_EQ(entries[0]["staff"], "Siri");
  EXPECT_EQ(entries[0]["subject"], "mobile");
  EXPECT_EQ(entries[1]["subject"], "e-mail");
  const std::string text = run({"audit", "log"}).out;
  for (const char* personal : {"91234567", "912 34 567", "example.no", "Example.no"}) {
    EXPECT_EQ(text.find(personal), std::string::npos) << personal << " in " << text;
  }
}

TEST_F(PrivacyCommandTest, AMalformedCustomerIsBadInputThatDoesNotRepeatIt) {
  for (const char* typed : {"Kari Nordmann", "12345", "kari@", "@example.no"}) {
    const CliRun r = run({"privacy", "export", "--customer", typed});
    EXPECT_EQ(r.code, 2) << typed;
    EXPECT_NE(r.err.find("--customer"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(typed), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
  EXPECT_EQ(run({"privacy", "export"}).code, 2) << "--customer is required";
  EXPECT_EQ(run({"privacy"}).code, 2);
}

TEST_F(PrivacyCommandTest, OnceStaffAccountsExistTheExportNamesAnEnabledOne) {
  twoCustomers();
  ASSERT_EQ(run({"staff", "add", "--name", "Siri", "--role", "admin", "--pin", "482913"}).code, 0);
  const CliRun unknown = run({"privacy", "export", "--customer", "91234567", "--staff", "Nobody"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("--staff"), std::string::npos) << unknown.err;
  EXPECT_EQ(unknown.out, "");
  const CliRun siri = run({"privacy", "export", "--customer", "91234567", "--staff", "siri"});
  EXPECT_EQ(siri.code, 0) << siri.err;
  EXPECT_EQ(siri.json()["cases"].size(), 2u);
}

}  // namespace
}  // namespace kiosk::test
