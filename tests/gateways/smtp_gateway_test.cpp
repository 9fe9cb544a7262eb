// The e-mail gateway against a real SMTP server on loopback (aiosmtpd, smtp_server.py) in its
// three modes: plain, STARTTLS and implicit TLS, with and without AUTH, and refusing on purpose.
// What arrived is read back through Python's email package, an independent MIME parser.
#include "gateways/smtp_gateway.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "gateways/fake_printer.hpp"
#include "gateways/loopback_server.hpp"
#include "scanner/test_folder.hpp"

namespace kiosk {
namespace {

using test::LoopbackServer;
using test::pythonServer;

const std::string kSubject = "Sak M6EM-X3NA: enheten er på vei tilbake";
const std::string kText =
    "Sak M6EM-X3NA: enheten din er sendt med Bring, sporingsnummer 70712345678.\n"
    "Hilsen servicesenteret i Søndre gate: æøå ÆØÅ. Vi åpner kl. 08.00 og stenger kl. 16.00 på hverdager; "
    "ring gjerne på 815 21 550 før du kommer, så står enheten klar for deg ved skranken.\n"
    ".\n"
    "From the service centre, with a line that starts like an mbox separator.";

OutboxMessage mailMessage(std::string to = "kari@example.no") {
  OutboxMessage m;
  m.caseNumber = "M6EM-X3NA";
  m.channel = "email";
  m.to = std::move(to);
  m.subject = kSubject;
  m.text = kText;
  m.reference = "M6EM-X3NA-4-email";
  return m;
}

// One self-signed certificate for 127.0.0.1 for the whole suite, made with the openssl CLI.
class SmtpGatewayTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_certs = std::make_unique<TestFolder>();
    (void)test::makeSelfSignedCertificate(s_certs->path());
  }
  static void TearDownTestSuite() { s_certs.reset(); }

  static std::string cert() { return (s_certs->path() / "cert.pem").string(); }

  void start(const std::string& mode, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--mode", mode, "--maildir", maildir().string()};
    if (mode != "plain") args.insert(args.end(), {"--cert", cert(), "--key", (s_certs->path() / "key.pem").string()});
    args.insert(args.end(), extra.begin(), extra.end());
    m_server = std::make_unique<LoopbackServer>(pythonServer("smtp_server.py", args));
  }

  [[nodiscard]] EmailGatewayConfig config(const std::string& scheme, std::string username = "",
                                          std::string password = "") const {
    EmailGatewayConfig c;
    c.smtpUrl = m_server->url(scheme);
    c.from = "verksted@example.no";
    c.username = std::move(username);
    c.password = std::move(password);
    c.timeoutMs = 10000;
    c.caFile = cert();
    return c;
  }

  [[nodiscard]] std::filesystem::path maildir() const { return m_folder.path() / "mail"; }
  [[nodiscard]] std::vector<nlohmann::json> received() const {
    std::vector<nlohmann::json> messages;
    for (int n = 1;; ++n) {
      std::ifstream in(maildir() / (std::to_string(n) + ".json"));
      if (!in) break;
      messages.push_back(nlohmann::json::parse(in));
    }
    return messages;
  }
  [[nodiscard]] std::vector<nlohmann::json> logins() const {
    std::vector<nlohmann::json> lines;
    std::ifstream in(maildir() / "auth.jsonl");
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
  }

  static std::unique_ptr<TestFolder> s_certs;
  TestFolder m_folder;
  std::unique_ptr<LoopbackServer> m_server;
};
std::unique_ptr<TestFolder> SmtpGatewayTest::s_certs;

TEST_F(SmtpGatewayTest, DeliversAProperUtf8MimeMessage) {
  start("plain");
  const SendOutcome outcome = SmtpGateway(config("smtp")).send(mailMessage());
  ASSERT_EQ(outcome.result, SendResult::Delivered) << outcome.detail << "\n" << m_server->output();
  EXPECT_NE(outcome.detail.find("250"), std::string::npos) << outcome.detail;

  const auto messages = received();
  ASSERT_EQ(messages.size(), 1u);
  const nlohmann::json& m = messages[0];
  EXPECT_EQ(m["mail_from"], "verksted@example.no");
  EXPECT_EQ(m["rcpt_tos"], nlohmann::json::array({"kari@example.no"}));
  EXPECT_EQ(m["tls"], false) << "a plain server offers no STARTTLS; without a username it may stay plain";
  const nlohmann::json& parsed = m["parsed"];
  EXPECT_TRUE(parsed["defects"].empty()) << parsed["defects"].dump();
  EXPECT_EQ(parsed["headers"]["Subject"], kSubject) << "the encoded-word decodes to the UTF-8 subject";
  EXPECT_EQ(parsed["headers"]["From"], "verksted@example.no");
  EXPECT_EQ(parsed["headers"]["To"], "kari@example.no");
  EXPECT_EQ(parsed["headers"]["Message-ID"], "<M6EM-X3NA-4-email@example.no>");
  EXPECT_EQ(parsed["headers"]["MIME-Version"], "1.0");
  EXPECT_TRUE(parsed["date"].is_string()) << "Date parses as a date: " << parsed.dump();
  EXPECT_EQ(parsed["charset"], "utf-8");
  std::string body = parsed["body"];
  for (auto at = body.find("\r\n"); at != std::string::npos; at = body.find("\r\n", at)) body.erase(at, 1);
  while (!body.empty() && body.back() == '\n') body.pop_back();
  EXPECT_EQ(body, kText) << "the body decodes to the text, æøå intact";
  EXPECT_NE(parsed["headers"]["Subject"].get<std::string>().find("M6EM-X3NA"), std::string::npos);
  EXPECT_NE(body.find("M6EM-X3NA"), std::string::npos) << "the case number is in subject and body";
}

TEST_F(SmtpGatewayTest, EveryAttemptCarriesTheSameMessageId) {
  start("plain");
  const SmtpGateway gateway(config("smtp"));
  ASSERT_EQ(gateway.send(mailMessage()).result, SendResult::Delivered);
  ASSERT_EQ(gateway.send(mailMessage()).result, SendResult::Delivered);
  const auto messages = received();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0]["parsed"]["headers"]["Message-ID"], messages[1]["parsed"]["headers"]["Message-ID"]);
}

TEST_F(SmtpGatewayTest, TheDateIsTheAttemptsTime) {
  start("plain");
  const auto at = std::chrono::system_clock::time_point(std::chrono::seconds(1795615676));
  ASSERT_EQ(SmtpGateway(config("smtp"), [at] { return at; }).send(mailMessage()).result, SendResult::Delivered);
  EXPECT_EQ(received().at(0)["parsed"]["date"], "2026-11-25T14:07:56+00:00");
}

TEST_F(SmtpGatewayTest, StartTlsIsUsedWhenOfferedEvenWithoutAUsername) {
  start("starttls");  // the server refuses MAIL before STARTTLS
  const SendOutcome outcome = SmtpGateway(config("smtp")).send(mailMessage());
  ASSERT_EQ(outcome.result, SendResult::Delivered) << outcome.detail << "\n" << m_server->output();
  EXPECT_EQ(received().at(0)["tls"], true);
}

TEST_F(SmtpGatewayTest, WithAUsernameItLogsInOnlyAfterStartTls) {
  start("starttls", {"--auth", "verksted:Pa55-word"});
  const SendOutcome outcome = SmtpGateway(config("smtp", "verksted", "Pa55-word")).send(mailMessage());
  ASSERT_EQ(outcome.result, SendResult::Delivered) << outcome.detail << "\n" << m_server->output();
  const auto messages = received();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0]["tls"], true);
  EXPECT_EQ(messages[0]["login"], "verksted");
  const auto attempts = logins();
  ASSERT_EQ(attempts.size(), 1u);
  EXPECT_EQ(attempts[0]["tls"], true);
}

TEST_F(SmtpGatewayTest, WithAUsernameAServerWithoutStartTlsGetsNothing) {
  // The server would even take the login in the clear; the gateway must not offer it.
  start("plain", {"--auth", "verksted:Pa55-word", "--auth-in-clear"});
  const SendOutcome outcome = SmtpGateway(config("smtp", "verksted", "Pa55-word")).send(mailMessage());
  EXPECT_EQ(outcome.result, SendResult::Retry);
  EXPECT_NE(outcome.detail.find("STARTTLS"), std::string::npos) << outcome.detail;
  EXPECT_NE(outcome.detail.find("email.username"), std::string::npos) << outcome.detail;
  EXPECT_TRUE(received().empty());
  EXPECT_TRUE(logins().empty()) << "no login was attempted in the clear";
}

TEST_F(SmtpGatewayTest, ImplicitTlsWithLogin) {
  start("smtps", {"--auth", "verksted:Pa55-word"});
  const SendOutcome outcome = SmtpGateway(config("smtps", "verksted", "Pa55-word")).send(mailMessage());
  ASSERT_EQ(outcome.result, SendResult::Delivered) << outcome.detail << "\n" << m_server->output();
  EXPECT_EQ(received().at(0)["tls"], true);
  EXPECT_EQ(received().at(0)["login"], "verksted");
}

TEST_F(SmtpGatewayTest, AnUntrustedCertificateIsNotAccepted) {
  start("smtps");
  EmailGatewayConfig untrusting = config("smtps");
  untrusting.caFile.clear();  // the system's CAs do not know our self-signed certificate
  const SendOutcome outcome = SmtpGateway(untrusting).send(mailMessage());
  EXPECT_EQ(outcome.result, SendResult::Retry) << outcome.detail;
  EXPECT_TRUE(received().empty());
}

TEST_F(SmtpGatewayTest, ARefusedLoginIsRetriedAndSaysSoWithoutThePassword) {
  start("starttls", {"--auth", "verksted:right-one"});
  const SendOutcome outcome = SmtpGateway(config("smtp", "verksted", "wrong-one")).send(mailMessage());
  EXPECT_EQ(outcome.result, SendResult::Retry);
  EXPECT_NE(outcome.detail.find("refused the login"), std::string::npos) << outcome.detail;
  EXPECT_EQ(outcome.detail.find("wrong-one"), std::string::npos) << outcome.detail;
  EXPECT_TRUE(received().empty());
}

TEST_F(SmtpGatewayTest, ARejectedRecipientIsPermanent) {
  start("plain", {"--reject", "gone@example.no"});
  const SendOutcome outcome = SmtpGateway(config("smtp")).send(mailMessage("gone@example.no"));
  EXPECT_EQ(outcome.result, SendResult::Permanent) << outcome.detail;
  EXPECT_NE(outcome.detail.find("550"), std::string::npos) << outcome.detail;
  EXPECT_NE(outcome.detail.find("mailbox unavailable"), std::string::npos) << "the server's words: " << outcome.detail;
  EXPECT_TRUE(received().empty());
}

TEST_F(SmtpGatewayTest, ATemporaryRefusalIsRetried) {
  start("plain", {"--defer", "busy@example.no"});
  const SendOutcome outcome = SmtpGateway(config("smtp")).send(mailMessage("busy@example.no"));
  EXPECT_EQ(outcome.result, SendResult::Retry) << outcome.detail;
  EXPECT_NE(outcome.detail.find("451"), std::string::npos) << outcome.detail;
  EXPECT_TRUE(received().empty());
}

TEST_F(SmtpGatewayTest, AnAnswerLostAfterTheMessageIsRetriedAndTheRetryCarriesTheSameMessageId) {
  start("plain", {"--hang-data", "kari@example.no"});
  EmailGatewayConfig quick = config("smtp");
  quick.timeoutMs = 1000;
  const SendOutcome lost = SmtpGateway(quick).send(mailMessage());
  EXPECT_EQ(lost.result, SendResult::Retry) << lost.detail;
  EXPECT_NE(lost.detail.find("timeout after 1000 ms"), std::string::npos) << lost.detail;
  // The server had the message: the relay cannot know, so it sends again, as the same message.
  const SendOutcome again = SmtpGateway(quick).send(mailMessage());
  EXPECT_EQ(again.result, SendResult::Retry);
  const auto messages = received();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0]["parsed"]["headers"]["Message-ID"], messages[1]["parsed"]["headers"]["Message-ID"]);
}

TEST_F(SmtpGatewayTest, ARecipientThatIsNotAnAddressIsPermanentAndNeverSent) {
  start("plain");
  const SendOutcome outcome = SmtpGateway(config("smtp")).send(mailMessage("kari@example.no\r\nRCPT TO:<x@y.no>"));
  EXPECT_EQ(outcome.result, SendResult::Permanent);
  EXPECT_TRUE(received().empty());
}

TEST(SmtpGatewayNoServer, NobodyListeningIsRetried) {
  EmailGatewayConfig c;
  c.smtpUrl = "smtp://127.0.0.1:" + std::to_string(test::closedLoopbackPort());
  c.from = "verksted@example.no";
  const SendOutcome outcome = SmtpGateway(c).send(mailMessage());
  EXPECT_EQ(outcome.result, SendResult::Retry);
  EXPECT_EQ(outcome.detail.rfind("e-mail: ", 0), 0u) << outcome.detail;
}

TEST(SmtpGatewayNoServer, AServerThatNeverGreetsIsATimeout) {
  test::FakePrinter silent(test::FakePrinter::Mode::NeverReads);  // accepts, never says a word
  EmailGatewayConfig c;
  c.smtpUrl = "smtp://127.0.0.1:" + std::to_string(silent.port());
  c.from = "verksted@example.no";
  c.timeoutMs = 300;
  const SendOutcome outcome = SmtpGateway(c).send(mailMessage());
  EXPECT_EQ(outcome.result, SendResult::Retry);
  EXPECT_EQ(outcome.detail, "e-mail: timeout after 300 ms");
}

}  // namespace
}  // namespace kiosk
