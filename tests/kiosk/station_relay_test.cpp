// The kiosk's background relay on a database file: a message a step queued reaches the SMS
// gateway without anyone asking, and its status tells the settings screen.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "gateways/loopback_server.hpp"
#include "kiosk/app/station_relay.hpp"
#include "store/sqlite_case_store.hpp"
#include "support/sample_intake.hpp"
#include "support/scratch_passcode_vault.hpp"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

TEST(StationRelay, AQueuedMessageIsSentInTheBackgroundAndCounted) {
  const auto dir = std::filesystem::temp_directory_path() / ("station-relay-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  LoopbackServer gateway(pythonServer("flaky_http_gateway.py",
                                      {"--record", (dir / "sms.jsonl").string(), "--script", "503", "--default", "200"}));
  auto vendors = VendorCatalog::load(std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors");
  auto texts = MessageTexts::load(KIOSK_ASSETS_DIR, "nb");
  ASSERT_TRUE(vendors && texts);
  const FixedClock clock(*parseLocalTime("2026-11-25T10:00:00"));
  GatewayConfig config;
  config.sms = HttpGatewayConfig{gateway.url("http", "/sms"), "t", 2000, ""};
  config.outbox.backoffInitialMs = 50;
  config.outbox.backoffMaxMs = 100;

  auto relay = StationRelay::start(StoreLocation{dir / "cases.db", {}}, config, *vendors, *texts, clock, "Benk 1");
  ASSERT_TRUE(relay) << relay.error().message;
  {
    auto store = SqliteCaseStore::open(dir / "cases.db");  // another station's intake
    ASSERT_TRUE(store);
    ScratchPasscodeVault vault;
    CaseService service(**store, *vendors, &*texts, &vault);
    ASSERT_TRUE(service.registerCase(macIntake(), Actor{"ola", clock.now()}));
  }
  (*relay)->wake();
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while ((*relay)->status().total.delivered < 1 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(20ms);
  }
  const StationRelayStatus status = (*relay)->status();
  EXPECT_EQ(status.total.delivered, 1) << "the receipt SMS, after one 503";
  EXPECT_EQ(status.total.retried, 1);
  EXPECT_EQ(status.lastProblem, "");
  relay->reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kiosk::test
