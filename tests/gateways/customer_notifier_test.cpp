// The Notifier the relay gets: routes by channel to the configured gateways, says which are
// configured, and takes sends from several threads at once.
#include "gateways/customer_notifier.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <set>

#include "gateways/loopback_server.hpp"
#include "scanner/test_folder.hpp"

namespace kiosk {
namespace {

using test::LoopbackServer;
using test::pythonServer;

OutboxMessage message(std::string channel, std::string to, std::string reference) {
  OutboxMessage m;
  m.caseNumber = "M6EM-X3NA";
  m.channel = std::move(channel);
  m.to = std::move(to);
  m.subject = "Sak M6EM-X3NA: mottatt";
  m.text = "Sak M6EM-X3NA: vi har mottatt enheten din (æøå).";
  m.reference = std::move(reference);
  return m;
}

TEST(CustomerNotifier, NothingConfiguredSendsNothing) {
  CustomerNotifier notifier(GatewayConfig{});
  EXPECT_FALSE(notifier.configured("sms"));
  EXPECT_FALSE(notifier.configured("email"));
  EXPECT_FALSE(notifier.configured("fax"));
  const SendOutcome sms = notifier.send(message("sms", "+4791234567", "M6EM-X3NA-0-sms"));
  EXPECT_EQ(sms.result, SendResult::Retry);
  EXPECT_NE(sms.detail.find("no sms gateway is configured"), std::string::npos) << sms.detail;
  EXPECT_EQ(notifier.send(message("fax", "x", "r")).result, SendResult::Permanent);
}

TEST(CustomerNotifier, RoutesEachChannelToItsGatewayFromManyThreads) {
  TestFolder folder;
  const auto record = folder.path() / "sms.jsonl";
  LoopbackServer http(pythonServer("flaky_http_gateway.py", {"--record", record.string()}));
  LoopbackServer smtp(pythonServer("smtp_server.py", {"--mode", "plain", "--maildir", (folder.path() / "mail").string()}));

  auto config = GatewayConfig::parse("[sms]\nurl = \"" + http.url("http", "/sms") + "\"\ntoken = \"t\"\n" +
                                         "[email]\nsmtp_url = \"" + smtp.url("smtp") + "\"\nfrom = \"verksted@example.no\"\n",
                                     "test.toml");
  ASSERT_TRUE(config) << config.error().message;
  CustomerNotifier notifier(*config);
  EXPECT_TRUE(notifier.configured("sms"));
  EXPECT_TRUE(notifier.configured("email"));

  // The relay sends from several threads through one notifier.
  constexpr int kEach = 6;
  std::vector<std::future<SendOutcome>> sends;
  for (int i = 0; i < kEach; ++i) {
    sends.push_back(std::async(std::launch::async, [&notifier, i] {
      return notifier.send(message("sms", "+4791234567", "M6EM-X3NA-" + std::to_string(i) + "-sms"));
    }));
    sends.push_back(std::async(std::launch::async, [&notifier, i] {
      return notifier.send(message("email", "kari@example.no", "M6EM-X3NA-" + std::to_string(i) + "-email"));
    }));
  }
  for (auto& send : sends) {
    const SendOutcome outcome = send.get();
    EXPECT_EQ(outcome.result, SendResult::Delivered) << outcome.detail;
  }

  std::set<std::string> smsReferences;
  std::ifstream in(record);
  for (std::string line; std::getline(in, line);) smsReferences.insert(nlohmann::json::parse(line)["idempotency_key"]);
  EXPECT_EQ(smsReferences.size(), static_cast<std::size_t>(kEach));
  std::set<std::string> messageIds;
  for (int n = 1; n <= kEach; ++n) {
    std::ifstream mail(folder.path() / "mail" / (std::to_string(n) + ".json"));
    ASSERT_TRUE(mail) << "message " << n << " missing";
    messageIds.insert(nlohmann::json::parse(mail)["parsed"]["headers"]["Message-ID"].get<std::string>());
  }
  EXPECT_EQ(messageIds.size(), static_cast<std::size_t>(kEach));
}

}  // namespace
}  // namespace kiosk
