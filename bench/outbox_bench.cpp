// Issue 6's figure: 1,000 SMS through the outbox relay (claim, send, record: SQLite WAL with
// synchronous=FULL) to a loopback gateway that answers at once, against a bare libcurl loop
// posting the same 1,000 bodies to the same gateway in the same run. Prints figures; asserts
// nothing but that every message arrived.
#include <curl/curl.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/bench_support.hpp"
#include "tests/support/scratch_passcode_vault.hpp"
#include "bench/loopback_http_sink.hpp"
#include "gateways/customer_notifier.hpp"
#include "store/sqlite_case_store.hpp"
#include "workflow/outbox_relay.hpp"

namespace kiosk::bench {
namespace {

constexpr std::size_t kMessages = 1000;
constexpr const char* kToken = "bench-token";

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// A fresh database with kMessages queued SMS: one receipt per registered case (no e-mail).
std::filesystem::path queueMessages(const std::filesystem::path& dir) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto file = dir / "outbox.db";
  auto store = SqliteCaseStore::open(file);
  auto vendors = VendorCatalog::load(std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors");
  auto texts = MessageTexts::load(KIOSK_ASSETS_DIR, "nb");
  if (!store || !vendors || !texts) throw std::runtime_error("cannot set up the bench database");
  kiosk::test::ScratchPasscodeVault vault;  // intake seals the passcode
  CaseService service(**store, *vendors, &*texts, &vault);
  const LocalTime at = *parseLocalTime("2026-11-25T10:00:00");
  for (std::size_t i = 0; i < kMessages; ++i) {
    IntakeForm f = benchForm(i);
    f.email.clear();
    if (auto c = service.registerCase(f, Actor{"bench", at}); !c) throw std::runtime_error(c.error().message);
  }
  return file;
}

struct RelayRun {
  double seconds = 0;
  RelayPass pass;
};

RelayRun runRelay(const std::filesystem::path& dir, const std::string& url, int parallel) {
  const auto file = queueMessages(dir);
  auto store = SqliteCaseStore::open(file);
  if (!store) throw std::runtime_error(store.error().message);
  GatewayConfig config;
  config.sms = HttpGatewayConfig{url, kToken, 10000, ""};
  config.outbox.parallelSends = parallel;
  CustomerNotifier notifier(config);
  OutboxRelay relay(**store, notifier, config.outbox, systemUtcMs, uniformJitter(7), "bench-relay");
  const auto start = Clock::now();
  auto idle = relay.runUntilIdle([](std::int64_t ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); });
  RelayRun run;
  run.seconds = secondsSince(start);
  if (!idle) throw std::runtime_error(idle.error().message);
  run.pass = idle->total;
  return run;
}

// The same bodies the relay sends, posted one after another; `reuse`: one easy handle (and
// connection) for all, else a new handle per message as a gateway call makes.
double bareCurlLoop(const std::string& url, bool reuse) {
  std::vector<std::string> bodies;
  for (std::size_t i = 0; i < kMessages; ++i) {
    bodies.push_back(nlohmann::json{{"to", "+4790000000"},
                                    {"text", "Hei! Vi har mottatt feilmeldingen din og registrert den som sak "
                                             "ABCD-EFGH."},
                                    {"reference", "BARE-" + std::to_string(i) + "-0-sms"}}
                         .dump());
  }
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Content-Type: application/json");
  headers = curl_slist_append(headers, (std::string("Authorization: Bearer ") + kToken).c_str());
  const auto discard = +[](char*, size_t size, size_t count, void*) { return size * count; };
  CURL* shared = reuse ? curl_easy_init() : nullptr;
  const auto start = Clock::now();
  for (const auto& body : bodies) {
    CURL* curl = reuse ? shared : curl_easy_init();
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 10000L);
    if (curl_easy_perform(curl) != CURLE_OK) throw std::runtime_error("bare libcurl post failed");
    if (!reuse) curl_easy_cleanup(curl);
  }
  const double seconds = secondsSince(start);
  if (shared != nullptr) curl_easy_cleanup(shared);
  curl_slist_free_all(headers);
  return seconds;
}

void line(const char* what, double seconds, std::size_t arrived, double baseline) {
  std::printf("%-44s %8.3f s %9.0f msg/s  arrived %4zu/%zu  %6.2fx bare loop\n", what, seconds,
              static_cast<double>(kMessages) / seconds, arrived, kMessages, seconds / baseline);
}

}  // namespace
}  // namespace kiosk::bench

int main() {
  using namespace kiosk::bench;
  curl_global_init(CURL_GLOBAL_DEFAULT);
  const auto dir = std::filesystem::temp_directory_path() / "kiosk-outbox-bench";
  LoopbackHttpSink sink;
  std::printf("outbox_bench: %zu SMS to a loopback gateway answering at once (%s)\n", kMessages, sink.url().c_str());

  const double bareReuse = bareCurlLoop(sink.url(), true);
  const std::size_t bareArrived = sink.distinctReferences();
  sink.reset();
  const double bareFresh = bareCurlLoop(sink.url(), false);
  const std::size_t freshArrived = sink.distinctReferences();
  sink.reset();
  line("bare libcurl loop, one handle (baseline)", bareReuse, bareArrived, bareReuse);
  line("bare libcurl loop, a handle per message", bareFresh, freshArrived, bareReuse);
  for (const int parallel : {1, 4, 8}) {
    const RelayRun run = runRelay(dir, sink.url(), parallel);
    const std::string what = "relay, " + std::to_string(parallel) + " send(s) in flight";
    line(what.c_str(), run.seconds, sink.distinctReferences(), bareReuse);
    if (run.pass.delivered != static_cast<int>(kMessages) || sink.requests() != kMessages) {
      std::printf("  !! delivered %d, requests %zu: expected %zu each\n", run.pass.delivered, sink.requests(),
                  kMessages);
    }
    sink.reset();
  }
  std::filesystem::remove_all(dir);
  curl_global_cleanup();
  return 0;
}
