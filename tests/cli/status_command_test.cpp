// kioskctl status N --code CODE: the customer's lookup at the counter. The right code shows
// status, due date and next step in words (bokmål by default, --lang en) and nothing personal;
// a wrong code and an unknown number give the same answer and exit code; ten wrong codes lock
// the number, even for the right code; a mistyped number or code is bad input naming it.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_harness.hpp"
#include "workflow/case_number.hpp"

namespace kiosk::test {
namespace {

class StatusCommandTest : public CliTest {
 protected:
  // A covered Mac: registered, decided and the customer informed, so it has a due date.
  std::string informedCase() {
    const std::string number = newCase(appleMac("C02XK0JHJG5H", "2026-11-23T09:00"));
    EXPECT_EQ(run({"case", "decide", number, "--at", "2026-11-23T10:00"}).code, 0);
    EXPECT_EQ(run({"case", "inform", number, "--via", "sms", "--at", "2026-11-23T10:05"}).code, 0);
    return number;
  }

  std::string codeOf(const std::string& number) { return show(number)["customer_code"].get<std::string>(); }

  static std::string otherCode(const std::string& code) {
    std::string other = code;
    other[0] = kCaseNumberAlphabet[(kCaseNumberAlphabet.find(other[0]) + 1) % kCaseNumberAlphabet.size()];
    return other;
  }

  // Nothing the customer gave at intake, in any field of the answer.
  static void expectNothingPersonal(const std::string& text) {
    for (const char* personal : {"Kari", "Nordmann", "912", "91234567", "kari@example.no", "Storgata", "0155",
                                 "zebra-8642", "C02XK0JHJG5H", "Does not start"}) {
      EXPECT_EQ(text.find(personal), std::string::npos) << "'" << personal << "' in:\n" << text;
    }
  }
};

TEST_F(StatusCommandTest, CaseShowHasTheCustomerCode) {
  const std::string number = informedCase();
  const std::string code = codeOf(number);
  EXPECT_EQ(code.size(), 8U);
  for (const char c : code) EXPECT_NE(kCaseNumberAlphabet.find(c), std::string_view::npos) << code;
  const CliRun text = run({"case", "show", number});
  EXPECT_NE(text.out.find(code), std::string::npos) << text.out;
  // Another case, another code.
  const std::string second = newCase(appleMac("C02XK0JHJG5J", "2026-11-23T09:30"));
  EXPECT_NE(codeOf(second), code);
  // Not in list or find: only where one case is shown.
  const CliRun listed = run({"case", "list", "--json"});
  EXPECT_EQ(listed.out.find(code), std::string::npos);
}

TEST_F(StatusCommandTest, TheRightCodeShowsStatusDueDateAndNextStepInBokmal) {
  const std::string number = informedCase();
  const std::string code = codeOf(number);
  const CliRun r = run({"status", number, "--code", code});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Sak " + number), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Status: Feilsøkt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Forventet tilbake: 26. november 2026"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Neste steg: Vi avklarer garantien"), std::string::npos) << r.out;
  expectNothingPersonal(r.out);
  EXPECT_EQ(r.out.find(code), std::string::npos) << "the code is not printed back";
}

TEST_F(StatusCommandTest, JsonInEnglishHoldsNothingPersonal) {
  const std::string number = informedCase();
  const std::string code = codeOf(number);
  // Typed as a customer might: lower case, with a space.
  std::string typed = code.substr(0, 4) + " " + code.substr(4);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const CliRun r = run({"status", number, "--code", typed, "--json", "--lang", "en"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["result"], "found");
  EXPECT_EQ(j["number"], number);
  EXPECT_EQ(j["status"], "diagnosed");
  EXPECT_EQ(j["status_text"], "Diagnosed");
  EXPECT_EQ(j["due"], "2026-11-26");
  EXPECT_EQ(j["due_text"], "Expected back by 26 November 2026");
  EXPECT_EQ(j["next_step"], "We are settling the warranty and ordering what is needed.");
  EXPECT_EQ(j["device"], "Apple Mac");
  EXPECT_EQ(j["language"], "en");
  expectNothingPersonal(r.out);
  for (const char* key : {"customer", "mobile", "email", "address", "passcode", "has_passcode", "serial", "fault",
                          "customer_code"}) {
    EXPECT_FALSE(j.contains(key)) << key;
  }
}

TEST_F(StatusCommandTest, AWrongCodeAndAnUnknownNumberGetTheSameAnswerAndExitCode) {
  const std::string number = informedCase();
  const std::string code = codeOf(number);
  const CliRun wrong = run({"status", number, "--code", otherCode(code)});
  const std::string unknownNumber = formatCaseNumber(4242);
  const CliRun unknown = run({"status", unknownNumber, "--code", code});
  EXPECT_EQ(wrong.code, 2);
  EXPECT_EQ(unknown.code, 2);
  EXPECT_EQ(wrong.out, "");
  EXPECT_EQ(unknown.out, "");
  // Word for word, but for the number typed.
  std::string unknownErr = unknown.err;
  unknownErr.replace(unknownErr.find(unknownNumber), unknownNumber.size(), number);
  EXPECT_EQ(wrong.err, unknownErr);
  expectNothingPersonal(wrong.err);

  const CliRun wrongJson = run({"status", number, "--code", otherCode(code), "--json"});
  const CliRun unknownJson = run({"status", unknownNumber, "--code", code, "--json"});
  EXPECT_EQ(wrongJson.code, unknownJson.code);
  EXPECT_EQ(wrongJson.json()["result"], "no-match");
  EXPECT_EQ(unknownJson.json()["result"], "no-match");
  EXPECT_EQ(wrongJson.json().size(), unknownJson.json().size());
}

TEST_F(StatusCommandTest, TenWrongCodesLockTheCaseEvenForTheRightCode) {
  const std::string number = informedCase();
  const std::string code = codeOf(number);
  for (int i = 1; i <= 9; ++i) EXPECT_EQ(run({"status", number, "--code", otherCode(code)}).code, 2) << i;
  const CliRun tenth = run({"status", number, "--code", otherCode(code)});
  EXPECT_EQ(tenth.code, 1) << "the tenth wrong code locks: " << tenth.err;
  EXPECT_NE(tenth.err.find("locked"), std::string::npos) << tenth.err;
  EXPECT_NE(tenth.err.find("15 min"), std::string::npos) << tenth.err;

  const CliRun right = run({"status", number, "--code", code, "--json"});
  EXPECT_EQ(right.code, 1) << right.out;
  const auto j = right.json();
  EXPECT_EQ(j["result"], "locked");
  EXPECT_FALSE(j.contains("status"));
  EXPECT_TRUE(j["locked_until"].get<std::string>().ends_with("Z"));
  // The lock is the number's: another case is looked up as ever.
  const std::string other = newCase(appleMac("C02XK0JHJG5J", "2026-11-23T09:30"));
  EXPECT_EQ(run({"status", other, "--code", codeOf(other)}).code, 0);
  // Counting wrong codes is no change to the case: its version is as it was.
  EXPECT_EQ(show(number)["version"], 3);
}

TEST_F(StatusCommandTest, TheLockFollowsTheConfiguration) {
  const std::string config = (std::filesystem::path(db).parent_path() / "kiosk.toml").string();
  std::ofstream(config) << "[customer_lookup]\nmax_wrong_codes = 2\nlock_minutes = 60\n";
  const std::string number = informedCase();
  const std::string code = codeOf(number);
  EXPECT_EQ(run({"status", number, "--code", otherCode(code), "--config", config}).code, 2);
  const CliRun second = run({"status", number, "--code", otherCode(code), "--config", config});
  EXPECT_EQ(second.code, 1);
  EXPECT_NE(second.err.find("60 min"), std::string::npos) << second.err;
}

TEST_F(StatusCommandTest, ARightCodeForgetsTheWrongOnes) {
  const std::string number = informedCase();
  const std::string code = codeOf(number);
  for (int i = 0; i < 9; ++i) (void)run({"status", number, "--code", otherCode(code)});
  EXPECT_EQ(run({"status", number, "--code", code}).code, 0);
  for (int i = 0; i < 9; ++i) EXPECT_EQ(run({"status", number, "--code", otherCode(code)}).code, 2) << i;
}

TEST_F(StatusCommandTest, TypingMistakesAreBadInputNamingTheirField) {
  const std::string number = informedCase();
  const std::string code = codeOf(number);
  std::string mistyped = number;
  mistyped.back() = mistyped.back() == '0' ? '1' : '0';
  const CliRun badNumber = run({"status", mistyped, "--code", code});
  EXPECT_EQ(badNumber.code, 2);
  EXPECT_NE(badNumber.err.find("case number"), std::string::npos) << badNumber.err;
  EXPECT_NE(badNumber.err.find("check character"), std::string::npos) << badNumber.err;

  const CliRun shortCode = run({"status", number, "--code", code.substr(0, 7)});
  EXPECT_EQ(shortCode.code, 2);
  EXPECT_NE(shortCode.err.find("--code"), std::string::npos) << shortCode.err;
  EXPECT_EQ(shortCode.err.find(code.substr(0, 7)), std::string::npos) << "the code is not repeated";

  const CliRun missing = run({"status", number});
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("--code"), std::string::npos) << missing.err;
  // None of these counted: nine wrong codes still leave the tenth to lock.
  for (int i = 0; i < 9; ++i) EXPECT_EQ(run({"status", number, "--code", otherCode(code)}).code, 2) << i;
}

}  // namespace
}  // namespace kiosk::test
