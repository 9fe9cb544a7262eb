// The SMS gateway against a real HTTP server on loopback that fails on purpose
// (flaky_http_gateway.py): every answer maps to its outcome, and what was sent is checked
// from the server's own record.
#include "gateways/sms_gateway.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <thread>
#include <vector>
#include <nlohmann/json.hpp>

#include "gateways/fake_printer.hpp"
#include "gateways/loopback_server.hpp"
#include "scanner/test_folder.hpp"

namespace kiosk {
namespace {

using test::LoopbackServer;
using test::pythonServer;

OutboxMessage smsMessage(std::string reference = "M6EM-X3NA-0-sms") {
  OutboxMessage m;
  m.caseNumber = "M6EM-X3NA";
  m.channel = "sms";
  m.to = "+4791234567";
  m.text = "Sak M6EM-X3NA: vi har mottatt enheten din. Hilsen servicesenteret, Søndre gate (æøå)";
  m.reference = std::move(reference);
  return m;
}

class SmsGatewayTest : public ::testing::Test {
 protected:
  // A gateway whose first answers follow `script` (then 200), hanging for `hangMs` when told to.
  void start(const std::string& script, int hangMs = 30000, bool keepAlive = false) {
    std::vector<std::string> arguments{"--record", record().string(), "--script", script, "--hang-ms",
                                       std::to_string(hangMs)};
    if (keepAlive) arguments.emplace_back("--keep-alive");
    m_server = std::make_unique<LoopbackServer>(pythonServer("flaky_http_gateway.py", arguments));
  }
  [[nodiscard]] std::filesystem::path record() const { return m_folder / "requests.jsonl"; }
  [[nodiscard]] HttpGatewayConfig config(std::int64_t timeoutMs = 5000) const {
    return {m_server->url("http", "/sms"), "tok-7f3a9c", timeoutMs, ""};
  }
  [[nodiscard]] std::vector<nlohmann::json> requests() const {
    std::vector<nlohmann::json> lines;
    std::ifstream in(record());
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
  }

  TestFolder m_folder;
  std::unique_ptr<LoopbackServer> m_server;
};

TEST_F(SmsGatewayTest, PostsTheMessageAsJsonWithBearerTokenAndIdempotencyKey) {
  start("");
  const SendOutcome outcome = SmsGateway(config()).send(smsMessage());
  EXPECT_EQ(outcome.result, SendResult::Delivered) << outcome.detail;
  EXPECT_NE(outcome.detail.find("200"), std::string::npos) << outcome.detail;

  const auto sent = requests();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0]["method"], "POST");
  EXPECT_EQ(sent[0]["path"], "/sms");
  EXPECT_EQ(sent[0]["authorization"], "Bearer tok-7f3a9c");
  EXPECT_EQ(sent[0]["idempotency_key"], "M6EM-X3NA-0-sms");
  EXPECT_EQ(sent[0]["content_type"], "application/json");
  const nlohmann::json body = sent[0]["json"];
  ASSERT_TRUE(body.is_object()) << sent[0]["body"];
  EXPECT_EQ(body.size(), 3u) << body.dump();
  EXPECT_EQ(body["to"], "+4791234567");
  EXPECT_EQ(body["text"], smsMessage().text) << "UTF-8 intact";
  EXPECT_EQ(body["reference"], "M6EM-X3NA-0-sms");
}

TEST_F(SmsGatewayTest, NoTokenSendsNoAuthorizationHeader) {
  start("");
  HttpGatewayConfig open = config();
  open.token.clear();
  EXPECT_EQ(SmsGateway(open).send(smsMessage()).result, SendResult::Delivered);
  EXPECT_TRUE(requests().at(0)["authorization"].is_null());
}

TEST_F(SmsGatewayTest, EachAnswerMapsToItsOutcome) {
  start("201,503,429,400,404,500");
  const SmsGateway gateway(config());
  const std::vector<std::pair<SendResult, std::string>> expected = {
      {SendResult::Delivered, "answered 201"}, {SendResult::Retry, "answered 503"},
      {SendResult::Retry, "answered 429"},     {SendResult::Permanent, "answered 400"},
      {SendResult::Permanent, "answered 404"}, {SendResult::Retry, "answered 500"}};
  for (const auto& [result, words] : expected) {
    const SendOutcome outcome = gateway.send(smsMessage());
    EXPECT_EQ(outcome.result, result) << outcome.detail;
    EXPECT_EQ(outcome.detail.rfind("sms gateway " + words + ": ", 0), 0u) << outcome.detail;
  }
  EXPECT_EQ(requests().size(), expected.size());
  const SendOutcome busy = SmsGateway(config()).send(smsMessage());
  EXPECT_EQ(busy.result, SendResult::Delivered) << "the script is used up: 200 again";
}

TEST_F(SmsGatewayTest, TheDetailCarriesTheStartOfTheAnswer) {
  start("503");
  const SendOutcome outcome = SmsGateway(config()).send(smsMessage());
  EXPECT_NE(outcome.detail.find("scripted answer 503"), std::string::npos) << outcome.detail;
}

TEST_F(SmsGatewayTest, ATokenEchoedByTheServerNeverReachesTheDetail) {
  start("400-echo");
  const SendOutcome outcome = SmsGateway(config()).send(smsMessage());
  EXPECT_EQ(outcome.result, SendResult::Permanent);
  EXPECT_EQ(outcome.detail.find("tok-7f3a9c"), std::string::npos) << outcome.detail;
  EXPECT_NE(outcome.detail.find("Bearer ***"), std::string::npos) << outcome.detail;
}

TEST_F(SmsGatewayTest, AHangingGatewayIsATimeoutAndRetried) {
  start("hang", 20000);
  const auto started = std::chrono::steady_clock::now();
  const SendOutcome outcome = SmsGateway(config(300)).send(smsMessage());
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(outcome.result, SendResult::Retry);
  EXPECT_EQ(outcome.detail, "sms gateway: timeout after 300 ms");
  // Not a timing assertion: the server holds the request for 20 s, so returning well before
  // that shows the timeout was applied at all.
  EXPECT_LT(took, std::chrono::seconds(10));
  EXPECT_EQ(requests().size(), 1u) << "the request reached the server before it hung";
}

TEST_F(SmsGatewayTest, AnAnswerDroppedAfterTheRequestIsRetriedWithTheSameReference) {
  start("drop,reset");
  const SmsGateway gateway(config());
  const SendOutcome dropped = gateway.send(smsMessage());
  EXPECT_EQ(dropped.result, SendResult::Retry) << dropped.detail;
  EXPECT_NE(dropped.detail.find("without an answer"), std::string::npos) << dropped.detail;
  const SendOutcome reset = gateway.send(smsMessage());
  EXPECT_EQ(reset.result, SendResult::Retry) << reset.detail;
  const SendOutcome delivered = gateway.send(smsMessage());
  EXPECT_EQ(delivered.result, SendResult::Delivered) << delivered.detail;

  const auto sent = requests();
  ASSERT_EQ(sent.size(), 3u);
  for (const auto& request : sent) {
    EXPECT_EQ(request["idempotency_key"], "M6EM-X3NA-0-sms");
    EXPECT_EQ(request["json"]["reference"], "M6EM-X3NA-0-sms");
  }
}

// A run of messages reuses the gateway's connection (over the internet: one TLS handshake, not
// one per message); each request still carries its own message and key.
TEST_F(SmsGatewayTest, MessagesOneAfterAnotherReuseTheConnection) {
  start("", 30000, true);
  const SmsGateway gateway(config());
  for (int i = 0; i < 3; ++i) {
    const SendOutcome sent = gateway.send(smsMessage("REF-" + std::to_string(i)));
    EXPECT_EQ(sent.result, SendResult::Delivered) << sent.detail;
  }
  const auto sent = requests();
  ASSERT_EQ(sent.size(), 3u);
  for (std::size_t i = 0; i < sent.size(); ++i) {
    EXPECT_EQ(sent[i]["client_port"], sent[0]["client_port"]) << "request " << i << " on a new connection";
    EXPECT_EQ(sent[i]["idempotency_key"], "REF-" + std::to_string(i));
    EXPECT_EQ(sent[i]["json"]["reference"], "REF-" + std::to_string(i));
    EXPECT_EQ(sent[i]["authorization"], "Bearer tok-7f3a9c");
  }
}

// Threads sending at once on one gateway each get a connection of their own, and no more
// connections are opened than calls were in flight.
TEST_F(SmsGatewayTest, ThreadsSendingAtOnceEachUseTheirOwnConnection) {
  start("", 30000, true);
  const SmsGateway gateway(config());
  constexpr int kThreads = 4;
  constexpr int kEach = 5;
  std::vector<std::thread> threads;
  std::vector<int> delivered(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        if (gateway.send(smsMessage("T" + std::to_string(t) + "-" + std::to_string(i))).result ==
            SendResult::Delivered) {
          ++delivered[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(delivered[static_cast<std::size_t>(t)], kEach) << "thread " << t;
  const auto sent = requests();
  ASSERT_EQ(sent.size(), static_cast<std::size_t>(kThreads * kEach));
  std::set<std::string> keys;
  std::set<int> ports;
  for (const auto& request : sent) {
    keys.insert(request["idempotency_key"].get<std::string>());
    ports.insert(request["client_port"].get<int>());
    EXPECT_EQ(request["json"]["reference"], request["idempotency_key"]) << "a body sent with another's key";
  }
  EXPECT_EQ(keys.size(), sent.size());
  EXPECT_LE(ports.size(), static_cast<std::size_t>(kThreads));
}

TEST(SmsGatewayTls, HttpsWithTheConfiguredCaAndNotWithout) {
  TestFolder folder;
  const auto certificate = test::makeSelfSignedCertificate(folder.path());
  const auto record = folder.path() / "requests.jsonl";
  LoopbackServer server(pythonServer("flaky_http_gateway.py", {"--record", record.string(), "--cert",
                                                               certificate.cert.string(), "--key", certificate.key.string()}));
  const SendOutcome trusted = SmsGateway({server.url("https", "/sms"), "t", 5000, certificate.cert.string()}).send(smsMessage());
  EXPECT_EQ(trusted.result, SendResult::Delivered) << trusted.detail << "\n" << server.output();
  const SendOutcome untrusted = SmsGateway({server.url("https", "/sms"), "t", 5000, ""}).send(smsMessage());
  EXPECT_EQ(untrusted.result, SendResult::Retry) << "the system CAs do not know the test's certificate";
}

TEST(SmsGatewayNoServer, ARefusedConnectionIsRetried) {
  const std::string url = "http://127.0.0.1:" + std::to_string(test::closedLoopbackPort()) + "/sms";
  const SendOutcome outcome = SmsGateway({url, "tok", 2000, ""}).send(smsMessage());
  EXPECT_EQ(outcome.result, SendResult::Retry);
  EXPECT_NE(outcome.detail.find("could not connect"), std::string::npos) << outcome.detail;
}

TEST(SmsGatewayNoServer, AUrlsPasswordNeverReachesTheDetail) {
  const SendOutcome outcome = SmsGateway({"http://kiosk:hunter2@127.0.0.1:1/sms", "tok", 2000, ""}).send(smsMessage());
  EXPECT_EQ(outcome.result, SendResult::Retry);
  EXPECT_EQ(outcome.detail.find("hunter2"), std::string::npos) << outcome.detail;
}

TEST(SmsGatewayMapping, StatusCodes) {
  EXPECT_EQ(resultOfHttpStatus(200), SendResult::Delivered);
  EXPECT_EQ(resultOfHttpStatus(204), SendResult::Delivered);
  EXPECT_EQ(resultOfHttpStatus(429), SendResult::Retry);
  EXPECT_EQ(resultOfHttpStatus(400), SendResult::Permanent);
  EXPECT_EQ(resultOfHttpStatus(401), SendResult::Permanent);
  EXPECT_EQ(resultOfHttpStatus(422), SendResult::Permanent);
  EXPECT_EQ(resultOfHttpStatus(500), SendResult::Retry);
  EXPECT_EQ(resultOfHttpStatus(503), SendResult::Retry);
  EXPECT_EQ(resultOfHttpStatus(302), SendResult::Retry);
}

}  // namespace
}  // namespace kiosk
