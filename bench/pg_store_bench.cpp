// The shared PostgreSQL store's figures (issue 7), against a throwaway server on loopback with
// fsync on (as a real one runs):
//  1. intake throughput: 8 clients, each its own connection, registering cases through
//     CaseService and PgCaseStore (the kiosk's and kioskctl's path: one-open-case check, the
//     case number, the row, its event, the receipt SMS in the outbox, one transaction), beside
//     pgbench with 8 clients inserting one equivalent repair_case row per transaction into the
//     same table on the same server, in the same run;
//  2. at 1,000,000 cases: find by serial and the due list (first 50 open cases by due date, and
//     those due by tomorrow), median and p99 latency.
// Figures are printed, never asserted.
// Usage: pg_store_bench [--intakes N] [--seconds S] [--cases N] [--fsync off]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "bench_support.hpp"
#include "tests/support/scratch_passcode_vault.hpp"
#include "store/pg_case_store.hpp"
#include "support/postgres_server.hpp"
#include "workflow/case_service.hpp"
#include "workflow/outbox.hpp"

namespace {

using namespace kiosk;
using SteadyClock = std::chrono::steady_clock;
constexpr int kClients = 8;

struct Options {
  std::size_t intakes = 4000;  // ours, spread over the clients
  int pgbenchSeconds = 10;
  std::size_t cases = 1'000'000;
  bool durable = true;  // --fsync off: commits cost no disk flush, so the round trips show
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const long value = std::strtol(argv[i + 1], nullptr, 10);
    if (flag == "--intakes") o.intakes = static_cast<std::size_t>(value);
    if (flag == "--seconds") o.pgbenchSeconds = static_cast<int>(value);
    if (flag == "--cases") o.cases = static_cast<std::size_t>(value);
    if (flag == "--fsync") o.durable = std::string(argv[i + 1]) != "off";
  }
  return o;
}

std::unique_ptr<PgCaseStore> openOrDie(const std::string& url) {
  auto store = PgCaseStore::open(url);
  if (!store) {
    std::cerr << "pg_store_bench: " << store.error().message << "\n";
    std::exit(1);
  }
  return std::move(*store);
}

// Ours: intakes per second with kClients threads, each its own store (connection) and service.
double intakeThroughput(const std::string& url, std::size_t intakes) {
  static const VendorCatalog vendors = *VendorCatalog::load(std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors");
  static const MessageTexts texts = *MessageTexts::load(KIOSK_ASSETS_DIR, "nb");
  std::vector<std::unique_ptr<PgCaseStore>> stores;
  for (int c = 0; c < kClients; ++c) stores.push_back(openOrDie(url));
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> failed{0};
  const auto start = SteadyClock::now();
  kiosk::test::ScratchPasscodeVault vault;  // intake seals the passcode, one key for every client
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      CaseService service(*stores[static_cast<std::size_t>(c)], vendors, &texts, &vault);
      const Actor actor{"bench", *parseLocalTime("2026-12-01T10:00:00")};
      for (std::size_t i = next++; i < intakes; i = next++) {
        if (!service.registerCase(bench::benchForm(1'000'000 + i), actor)) ++failed;
      }
    });
  }
  for (auto& t : clients) t.join();
  const double seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
  if (failed > 0) std::cerr << "pg_store_bench: " << failed << " intakes failed\n";
  return static_cast<double>(intakes - failed) / seconds;
}

// pgbench: the same table, one row a transaction, the number from the same sequence.
double pgbenchThroughput(const test::TestPostgresServer& server, const std::string& database, int seconds) {
  const auto script = server.folder() / "intake.sql";
  std::ofstream(script) << "INSERT INTO repair_case (seq, number, version, status, registered_at, device_vendor, "
                           "device_family, device_serial, device_product, device_purchased, device_seller, "
                           "device_country, customer_name, customer_name_folded, customer_mobile, customer_email, "
                           "customer_address, intake_ecase, intake_invoice, intake_order, intake_fault, intake_channel, "
                           "intake_agreement, intake_accessories, intake_condition, intake_shelf, intake_passcode, "
                           "intake_second_case_reason, finding, damage, answer, parts, carrier, tracking, late_report, "
                           "accepted_by) SELECT s, 'PGB-' || s, 1, 'registered', '2026-12-01T10:00:00', 'apple', 'mac', "
                           "'C02P' || s, 'MacBook Pro 14-inch (2023)', '2024-03-01', 'atea', 'NO', 'Kari Nordmann ' || s, "
                           "'kari nordmann ' || s, '+4791234567', 'kari@example.no', 'Storgata 1, 0155 Oslo', '', '', '', "
                           "'Starter ikke etter oppdatering', 'counter', 'SA0011807', 'Lader', 'Pent brukt', 'H4', "
                           "'246810', '', '', '', 'none', '[]', '', '', false, '' "
                           "FROM nextval('case_number_seq') AS s;\n";
  const std::string command = (server.binaries() / "pgbench").string() + " -n -M prepared -c " +
                              std::to_string(kClients) + " -j " + std::to_string(kClients) + " -T " +
                              std::to_string(seconds) + " -f " + script.string() + " -h 127.0.0.1 -p " +
                              std::to_string(server.port()) + " -U kiosk " + database + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return 0;
  std::string output;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  ::pclose(pipe);
  std::smatch match;
  if (!std::regex_search(output, match, std::regex(R"(tps = ([0-9.]+))"))) {
    std::cerr << "pg_store_bench: pgbench said:\n" << output;
    return 0;
  }
  return std::stod(match[1]);
}

// A million cases straight into the schema: statuses, vendors, technicians and due dates mixed
// as in kiosk_bench; a tenth closed. One statement, then ANALYZE.
void fill(const test::TestPostgresServer& server, const std::string& database, std::size_t cases) {
  const std::string sql =
      "INSERT INTO repair_case (seq, number, version, status, registered_at, device_vendor, device_family, "
      "device_serial, device_product, device_purchased, device_seller, device_country, customer_name, "
      "customer_name_folded, customer_mobile, customer_email, customer_address, intake_ecase, intake_invoice, "
      "intake_order, intake_fault, intake_channel, intake_agreement, intake_accessories, intake_condition, "
      "intake_shelf, intake_passcode, intake_second_case_reason, finding, damage, answer, parts, carrier, tracking, "
      "due, late_report, accepted_by, technician) "
      "SELECT s, 'F' || lpad(s::text, 9, '0'), 1, "
      "(ARRAY['registered','diagnosed','awaiting-customer','awaiting-parts','in-repair','shipped','closed','closed',"
      "'closed','closed'])[1 + s % 10], '2026-01-01T10:00:00', (ARRAY['apple','hp','lenovo'])[1 + s % 3], 'laptop', "
      "'SER' || lpad(s::text, 9, '0'), 'Product', '2024-03-01', 'atea', 'NO', 'Kunde ' || s, 'kunde ' || s, "
      "'+479' || lpad((s % 10000000)::text, 7, '0'), '', 'Storgata 1', '', '', '', 'Feil', 'counter', 'SA0009858', "
      "'', '', '', '', '', '', '', 'none', '[]', '', '', DATE '2026-01-01' + (s % 700), false, '', "
      "'Tekniker ' || (s % 40) FROM generate_series(1, " + std::to_string(cases) + ") AS s";
  const std::string psql = (server.binaries() / "psql").string() + " -q -h 127.0.0.1 -p " +
                           std::to_string(server.port()) + " -U kiosk -d " + database + " -c \"" + sql +
                           "\" -c \"SELECT setval('case_number_seq', " + std::to_string(cases) + ")\" -c \"ANALYZE\" >/dev/null";
  if (std::system(psql.c_str()) != 0) {
    std::cerr << "pg_store_bench: filling the database failed\n";
    std::exit(1);
  }
}

struct Latency {
  double medianUs = 0, p99Us = 0;
};

template <class Op>
Latency measure(int count, Op&& op) {
  std::vector<double> us;
  us.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const auto start = SteadyClock::now();
    op(i);
    us.push_back(std::chrono::duration<double, std::micro>(SteadyClock::now() - start).count());
  }
  std::sort(us.begin(), us.end());
  return {us[us.size() / 2], us[std::min(us.size() - 1, us.size() * 99 / 100)]};
}

void printLatency(const char* what, Latency l) {
  std::printf("  %-44s median %8.0f us   p99 %8.0f us   %s\n", what, l.medianUs, l.p99Us,
              l.medianUs < 2000 ? "(under 2 ms)" : "(OVER 2 ms)");
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  test::TestPostgresServer server(options.durable);
  std::printf("PostgreSQL on 127.0.0.1:%d, fsync %s, %d clients\n", server.port(), options.durable ? "on" : "off",
              kClients);

  const std::string intakeUrl = server.createDatabase("intake");
  openOrDie(intakeUrl);  // the schema
  const double ours = intakeThroughput(intakeUrl, options.intakes);
  const double pgbench = pgbenchThroughput(server, "intake", options.pgbenchSeconds);
  std::printf("intake, %d clients:\n", kClients);
  std::printf("  pgbench, one repair_case row per transaction   %8.0f tx/s   1.00x (baseline)\n", pgbench);
  std::printf("  CaseService::registerCase on PgCaseStore       %8.0f tx/s   %.2fx the baseline's time\n", ours,
              ours > 0 ? pgbench / ours : 0.0);

  const std::string lookupUrl = server.createDatabase("lookups");
  auto store = openOrDie(lookupUrl);
  const auto filling = SteadyClock::now();
  fill(server, "lookups", options.cases);
  std::printf("at %zu cases (filled in %.0f s):\n", options.cases,
              std::chrono::duration<double>(SteadyClock::now() - filling).count());
  std::uint64_t sink = 0;
  printLatency("find by serial", measure(2000, [&](int i) {
                 char serial[32];
                 std::snprintf(serial, sizeof serial, "SER%09zu", 1 + (static_cast<std::size_t>(i) * 7919) % options.cases);
                 sink += store->findBySerial(serial)->size();
               }));
  printLatency("due list, first 50 open by due date", measure(1000, [&](int) {
                 CaseQuery q;
                 q.limit = 50;
                 sink += store->list(q)->size();
               }));
  printLatency("due list, open and due by a day, first 50", measure(1000, [&](int i) {
                 CaseQuery q;
                 q.dueOnOrBefore = Date{date::sys_days{*parseDate("2026-01-01")} + date::days(i % 700)};
                 q.limit = 50;
                 sink += store->list(q)->size();
               }));
  printLatency("due list of one technician, first 50", measure(1000, [&](int i) {
                 CaseQuery q;
                 q.technician = "Tekniker " + std::to_string(i % 40);
                 q.limit = 50;
                 sink += store->list(q)->size();
               }));
  return sink == 0 ? 1 : 0;
}
