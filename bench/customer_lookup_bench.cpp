// A customer's lookup at the counter (kioskctl status, the kiosk's status screen): a wrong code
// for a real case and any code for a number no case has must take the same time, so that timing
// the answer tells a guesser nothing the answer does not. Both run the same work (the attempt
// counted in one write transaction, the case's code read beside it, a constant-time comparison
// with the case's code or a stand-in); this prints both medians and their ratio. And the
// comparison on its own: equal codes, the first symbol differing, the last symbol differing.
//
// On SQLite (a temporary file, WAL, synchronous=FULL as in production): each attempt is a
// durable write, so fsync dominates and varies from run to run; compare the lines of one run.
#include <filesystem>
#include <iostream>

#include "bench_support.hpp"
#include "tests/support/scratch_passcode_vault.hpp"
#include "store/sqlite_case_store.hpp"
#include "workflow/customer_code.hpp"
#include "workflow/customer_lookup.hpp"

namespace kiosk::bench {
namespace {

constexpr std::size_t kCases = 200;
std::filesystem::path g_folder;
std::unique_ptr<SqliteCaseStore> g_store;
std::vector<RepairCase> g_cases;
// Never locks here: the bench times the comparison path, not the lock.
const CodeAttemptPolicy kNoLock{1'000'000, 0};

std::string otherCode(const std::string& code) {
  std::string other = code;
  other[0] = kCaseNumberAlphabet[(kCaseNumberAlphabet.find(other[0]) + 1) % kCaseNumberAlphabet.size()];
  return other;
}

void BM_WrongCodeForACase(benchmark::State& state) {
  CustomerLookup lookup(*g_store, *g_store, kNoLock);
  LatencySamples samples;
  std::size_t i = 0;
  for (auto _ : state) {
    const RepairCase& c = g_cases[i++ % g_cases.size()];
    const std::string wrong = otherCode(c.customerCode);
    samples.time([&] {
      auto answer = lookup.lookUp(c.number, wrong, 1);
      if (!answer || answer->verdict != LookupVerdict::NoMatch) state.SkipWithError("not a no-match");
      benchmark::DoNotOptimize(answer);
    });
  }
  samples.report(state);
}

void BM_AnyCodeForAnUnknownNumber(benchmark::State& state) {
  CustomerLookup lookup(*g_store, *g_store, kNoLock);
  LatencySamples samples;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % kCases;
    const std::string number = formatCaseNumber(100'000 + k);
    const std::string& code = g_cases[k].customerCode;  // a real code, of another case
    samples.time([&] {
      auto answer = lookup.lookUp(number, code, 1);
      if (!answer || answer->verdict != LookupVerdict::NoMatch) state.SkipWithError("not a no-match");
      benchmark::DoNotOptimize(answer);
    });
  }
  samples.report(state);
}

// The two in turn, in one loop, the order swapped every other round: drift of the disk's flush
// time, the WAL's growth and the checkpoints fall on both alike, so their ratio is the one to read.
void BM_WrongAndUnknownInTurn(benchmark::State& state) {
  CustomerLookup lookup(*g_store, *g_store, kNoLock);
  LatencySamples wrongSamples;
  LatencySamples unknownSamples;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i % kCases;
    const RepairCase& c = g_cases[k];
    const std::string wrong = otherCode(c.customerCode);
    const std::string unknown = formatCaseNumber(200'000 + k);
    const auto lookUp = [&](LatencySamples& samples, const std::string& number, const std::string& code) {
      samples.time([&] {
        auto answer = lookup.lookUp(number, code, 1);
        if (!answer || answer->verdict != LookupVerdict::NoMatch) state.SkipWithError("not a no-match");
        benchmark::DoNotOptimize(answer);
      });
    };
    if (i++ % 2 == 0) {
      lookUp(wrongSamples, c.number, wrong);
      lookUp(unknownSamples, unknown, c.customerCode);
    } else {
      lookUp(unknownSamples, unknown, c.customerCode);
      lookUp(wrongSamples, c.number, wrong);
    }
  }
  wrongSamples.report(state, "wrong_");
  unknownSamples.report(state, "unknown_");
}

void compareCodes(benchmark::State& state, const std::string& typed) {
  const std::string stored = "K7M2PX9A";
  for (auto _ : state) {
    bool same = sameCustomerCode(stored, typed);
    benchmark::DoNotOptimize(same);
  }
}
void BM_CompareEqual(benchmark::State& state) { compareCodes(state, "K7M2PX9A"); }
void BM_CompareFirstSymbolDiffers(benchmark::State& state) { compareCodes(state, "C7M2PX9A"); }
void BM_CompareLastSymbolDiffers(benchmark::State& state) { compareCodes(state, "K7M2PX9C"); }

BENCHMARK(BM_WrongCodeForACase)->MinTime(3.0)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AnyCodeForAnUnknownNumber)->MinTime(3.0)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_WrongAndUnknownInTurn)->MinTime(3.0)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CompareEqual);
BENCHMARK(BM_CompareFirstSymbolDiffers);
BENCHMARK(BM_CompareLastSymbolDiffers);

}  // namespace
}  // namespace kiosk::bench

int main(int argc, char** argv) {
  using namespace kiosk;
  using namespace kiosk::bench;
  g_folder = std::filesystem::temp_directory_path() / "kiosk-customer-lookup-bench";
  std::filesystem::remove_all(g_folder);
  std::filesystem::create_directories(g_folder);
  auto opened = SqliteCaseStore::open(g_folder / "cases.db");
  if (!opened) {
    std::cerr << opened.error().message << '\n';
    return 1;
  }
  g_store = std::move(*opened);
  const auto vendors = VendorCatalog::load(std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors");
  if (!vendors) {
    std::cerr << vendors.error().message << '\n';
    return 1;
  }
  kiosk::test::ScratchPasscodeVault vault;  // intake seals the passcode
  CaseService service(*g_store, *vendors, nullptr, &vault);
  for (std::size_t i = 0; i < kCases; ++i) {
    auto c = service.registerCase(benchForm(i), Actor{"bench", *parseLocalTime("2026-11-25T10:00")});
    if (!c) {
      std::cerr << c.error().message << '\n';
      return 1;
    }
    g_cases.push_back(std::move(*c));
  }
  benchmark::Initialize(&argc, argv);
  RememberingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const double wrong = reporter.counter("BM_WrongCodeForACase", "median_us");
  const double unknown = reporter.counter("BM_AnyCodeForAnUnknownNumber", "median_us");
  if (wrong > 0 && unknown > 0) {
    std::cout << "\nunknown number / wrong code (median): " << unknown / wrong << "x, one after the other (the same work: near 1)\n";
  }
  const double wrongInTurn = reporter.counter("BM_WrongAndUnknownInTurn", "wrong_median_us");
  const double unknownInTurn = reporter.counter("BM_WrongAndUnknownInTurn", "unknown_median_us");
  if (wrongInTurn > 0 && unknownInTurn > 0) {
    std::cout << "unknown number / wrong code (median): " << unknownInTurn / wrongInTurn
              << "x, in turn (the figure to read: drift falls on both)\n";
  }
  g_store.reset();
  std::filesystem::remove_all(g_folder);
  return 0;
}
