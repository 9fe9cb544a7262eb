// kioskctl never writes a customer's personal data, a device passcode or a staff PIN to standard
// error, the stream a script or cron job keeps as its log: not when a step fails on a mistyped
// mobile or e-mail, a refused intake, a wrong customer code, a wrong PIN or a malformed export.
// (Standard output is the data asked for, e.g. case show.) Also run by cli_postgres_tests.
#include "cli_harness.hpp"

namespace kiosk::test {
namespace {

class NoPersonalDataOnStderr : public CliTest {
 protected:
  CliRun logged(std::vector<std::string> args) {
    CliRun r = run(std::move(args));
    m_stderr += r.err;
    return r;
  }
  std::string m_stderr;
};

TEST_F(NoPersonalDataOnStderr, NoFailureRepeatsACustomersDataAPasscodeOrAPin) {
  const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));

  auto badMobile = appleMac("C02OTHER0001", "2026-11-24T11:00");
  badMobile[15] = "912 34 56";  // --mobile: a digit short
  EXPECT_EQ(logged(badMobile).code, 2);
  auto badEmail = appleMac("C02OTHER0002", "2026-11-24T11:00");
  badEmail[17] = "kari(at)example.no";
  EXPECT_EQ(logged(badEmail).code, 2);
  auto international = appleMac("C02OTHER0003", "2026-11-24T11:00");
  international[15] = "+47 912 34 5678";  // +47 and 9 digits
  EXPECT_EQ(logged(international).code, 2);
  EXPECT_NE(logged(appleMac("C02XK0JHJG5H", "2026-11-24T12:00")).code, 0) << "the serial's open case";
  EXPECT_NE(logged({"case", "close", n, "--accepted-by", "Kari Nordmann"}).code, 0) << "not shipped yet";
  EXPECT_EQ(logged({"status", n, "--code", "AAAAAAAA"}).code, 2);
  EXPECT_EQ(logged({"privacy", "export", "--customer", "Kari Nordmann"}).code, 2);
  EXPECT_EQ(logged({"privacy", "export", "--customer", "kari@example"}).code, 2);
  EXPECT_EQ(logged({"case", "inform", n, "--via", "email", "--at", "2026-11-24T13:00"}).code, 0);
  logged({"outbox", "run"});  // no gateway set: says on stderr that messages wait
  ASSERT_EQ(logged({"staff", "add", "--name", "Siri", "--role", "admin", "--pin", "482913"}).code, 0);
  EXPECT_EQ(logged({"staff", "check", "--name", "Siri", "--pin", "000111"}).code, 1);
  EXPECT_EQ(logged({"staff", "add", "--name", "Per", "--role", "technician", "--pin", "12ab"}).code, 2);

  ASSERT_NE(m_stderr, "") << "the failures above said something";
  for (const char* secret : {"Kari", "Nordmann", "912 34", "91234", "+4791", "kari@", "kari(at)", "Storgata",
                             "zebra-8642", "482913", "000111", "12ab"}) {
    EXPECT_EQ(m_stderr.find(secret), std::string::npos) << secret << " on stderr:\n" << m_stderr;
  }
}

}  // namespace
}  // namespace kiosk::test
