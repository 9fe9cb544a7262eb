// kioskctl parts sync and case ship --book against the loopback supplier and carrier
// (tests/gateways/parts_carrier_server.py) named in a --config file.
#include <fstream>

#include "cli_harness.hpp"
#include "gateways/http_json_client.hpp"
#include "gateways/loopback_server.hpp"

namespace kiosk::test {
namespace {

constexpr const char* kToken = "cli-s3cret-9d1e";

class PartsCommandsTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    m_server = std::make_unique<LoopbackServer>(pythonServer("parts_carrier_server.py", {kToken}));
    config = db + ".toml";
    std::ofstream(config) << "[parts]\nurl = \"" << m_server->url("http") << "\"\ntoken = \"" << kToken
                          << "\"\ntimeout_ms = 3000\n\n[carrier]\nurl = \"" << m_server->url("http")
                          << "\"\ntoken = \"" << kToken << "\"\n";
  }
  void TearDown() override {
    m_server.reset();
    CliTest::TearDown();
  }

  void control(const std::string& path, const nlohmann::json& body) {
    const HttpJsonClient http(HttpGatewayConfig{m_server->url("http"), "", 3000, ""});
    const auto answer = http.post(path, body.dump());
    ASSERT_TRUE(answer) << answer.error();
    ASSERT_EQ(answer->status, 200) << answer->body;
  }

  // A covered Mac with a logic board ordered: awaiting parts.
  std::string awaitingParts() {
    const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-11-23T10:00"));
    EXPECT_EQ(run({"case", "diagnose", n, "--finding", "Logic board fault", "--at", "2026-11-23T11:00"}).code, 0);
    EXPECT_EQ(run({"case", "decide", n, "--at", "2026-11-23T11:05"}).code, 0);
    EXPECT_EQ(run({"case", "inform", n, "--via", "sms", "--at", "2026-11-23T11:10"}).code, 0);
    EXPECT_EQ(run({"case", "order-parts", n, "--part", "661-12345 Logic board", "--at", "2026-11-23T11:20"}).code, 0);
    return n;
  }

  std::string config;
  std::unique_ptr<LoopbackServer> m_server;
};

TEST_F(PartsCommandsTest, SyncOrdersOnceFollowsTheOrderAndTheCaseMovesOnWhenItArrives) {
  const std::string n = awaitingParts();
  const CliRun sent = run({"parts", "sync", "--config", config, "--at", "2026-11-23T12:00"});
  ASSERT_EQ(sent.code, 0) << sent.err;
  EXPECT_NE(sent.out.find(n + "  sent  supplier order PO-1000"), std::string::npos) << sent.out;
  EXPECT_NE(sent.out.find(n + "  waiting  supplier order PO-1000 ordered"), std::string::npos) << sent.out;
  auto j = show(n);
  EXPECT_EQ(j["parts_order_id"], "PO-1000");
  EXPECT_EQ(j["status"], "awaiting_parts");

  const CliRun quiet = run({"parts", "sync", "--config", config, "--json", "--at", "2026-11-23T13:00"});
  ASSERT_EQ(quiet.code, 0) << quiet.err;
  ASSERT_EQ(quiet.json().size(), 1U) << quiet.out;
  EXPECT_EQ(quiet.json()[0]["action"], "waiting") << "the order is not sent twice";

  control("/_test/orders/PO-1000", {{"status", "arrived"}});
  const CliRun arrived = run({"parts", "sync", "--config", config, "--json", "--at", "2026-11-24T09:00"});
  ASSERT_EQ(arrived.code, 0) << arrived.err;
  EXPECT_EQ(arrived.json()[0]["case"], n);
  EXPECT_EQ(arrived.json()[0]["action"], "arrived");
  j = show(n);
  EXPECT_EQ(j["status"], "in_repair");
  EXPECT_EQ(j["events"].back()["kind"], "receive-parts");

  const CliRun text = run({"case", "show", n});
  EXPECT_NE(text.out.find("supplier order PO-1000"), std::string::npos) << text.out;
}

TEST_F(PartsCommandsTest, AFailingSupplierExitsFourWithoutTheTokenAndTheNextSyncSends) {
  const std::string n = awaitingParts();
  control("/_test/next", {{"mode", "fail"}, {"count", 1}});
  const CliRun failed = run({"parts", "sync", "--config", config, "--at", "2026-11-23T12:00"});
  EXPECT_EQ(failed.code, 4) << failed.out << failed.err;
  EXPECT_NE(failed.out.find(n + "  failed  the parts supplier at http://127.0.0.1:"), std::string::npos) << failed.out;
  EXPECT_NE(failed.out.find("HTTP 503"), std::string::npos) << failed.out;
  EXPECT_EQ((failed.out + failed.err).find(kToken), std::string::npos);
  EXPECT_TRUE(show(n)["parts_order_id"].is_null());

  const CliRun sent = run({"parts", "sync", "--config", config, "--at", "2026-11-23T12:10"});
  EXPECT_EQ(sent.code, 0) << sent.err;
  EXPECT_EQ(show(n)["parts_order_id"], "PO-1000");
}

TEST_F(PartsCommandsTest, ShipBookBooksWithTheCarrierAndQueuesTheTracking) {
  const std::string n = awaitingParts();
  ASSERT_EQ(run({"case", "receive-parts", n, "--at", "2026-11-24T09:00"}).code, 0);
  ASSERT_EQ(run({"case", "repaired", n, "--at", "2026-11-24T12:00"}).code, 0);

  const CliRun unconfigured = run({"case", "ship", n, "--book", "--at", "2026-11-24T15:00"});
  EXPECT_EQ(unconfigured.code, 2);
  EXPECT_NE(unconfigured.err.find("--config: no [carrier] url is configured"), std::string::npos) << unconfigured.err;
  const CliRun both = run({"case", "ship", n, "--book", "--tracking", "X1", "--config", config});
  EXPECT_EQ(both.code, 2) << "--book and --tracking exclude each other";
  const CliRun neither = run({"case", "ship", n, "--at", "2026-11-24T15:00"});
  EXPECT_EQ(neither.code, 2);
  EXPECT_NE(neither.err.find("--carrier: is required (or --book)"), std::string::npos) << neither.err;

  const CliRun shipped = run({"case", "ship", n, "--book", "--config", config, "--at", "2026-11-24T15:00"});
  ASSERT_EQ(shipped.code, 0) << shipped.err;
  EXPECT_EQ(shipped.line(), n + " shipped");
  const auto j = show(n);
  EXPECT_EQ(j["carrier"], "Posten");
  EXPECT_EQ(j["tracking"], "700000004711");
  const CliRun outbox = run({"outbox", "list", "--case", n, "--json"});
  ASSERT_EQ(outbox.code, 0) << outbox.err;
  EXPECT_NE(outbox.out.find("700000004711"), std::string::npos) << "the tracking message is queued";

  const CliRun again = run({"case", "ship", n, "--book", "--config", config, "--at", "2026-11-24T15:05"});
  EXPECT_EQ(again.code, 1) << "a shipped case is refused before the carrier is asked";
}

}  // namespace
}  // namespace kiosk::test
