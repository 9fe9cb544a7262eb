#pragma once
// Runs kioskctl in-process on a temporary database with a fixed clock.
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli_context.hpp"
#ifdef KIOSK_CLI_TESTS_ON_POSTGRES
#include "pg_cli_server.hpp"
#endif

namespace kiosk::test {

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
  [[nodiscard]] nlohmann::json json() const { return nlohmann::json::parse(out); }
  [[nodiscard]] std::string line() const { return out.substr(0, out.find('\n')); }
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = std::filesystem::temp_directory_path() /
            ("kioskctl-test-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(m_dir);
    std::filesystem::create_directories(m_dir);
    db = (m_dir / "cases.db").string();
    // Intakes seal their passcodes under a key file of the test's own, never the user's.
    ::setenv("KIOSK_PASSCODE_KEY", (m_dir / "passcode.key").c_str(), 1);
#ifdef KIOSK_CLI_TESTS_ON_POSTGRES
    // The same walks through --db-url, each test on a fresh database of the process's server.
    dbUrl = freshPostgresDatabase();
#endif
  }
  void TearDown() override {
    ::unsetenv("KIOSK_PASSCODE_KEY");
    std::filesystem::remove_all(m_dir);
  }

  CliRun run(std::vector<std::string> args) { return runWithInput(std::move(args), ""); }

  // The same, with `input` as kioskctl's standard input (--pin -).
  CliRun runWithInput(std::vector<std::string> args, const std::string& input) {
    std::vector<std::string> full = {"kioskctl", storeOption(), storeValue(), "--assets", assets};
    full.insert(full.end(), args.begin(), args.end());
    std::vector<const char*> argv;
    for (const auto& a : full) argv.push_back(a.c_str());
    std::istringstream in(input);
    std::ostringstream out, err;
    CliRun r;
    r.code = cli::runKioskctl(static_cast<int>(argv.size()), argv.data(), in, out, err, clock);
    r.out = out.str();
    r.err = err.str();
    return r;
  }

  // The option naming the test's store, and its value: --db FILE, or --db-url URL.
  [[nodiscard]] std::string storeOption() const { return dbUrl.empty() ? "--db" : "--db-url"; }
  [[nodiscard]] std::string storeValue() const { return dbUrl.empty() ? db : dbUrl; }

  // Registers a case and returns its number; fails the test if intake fails.
  std::string newCase(std::vector<std::string> extra) {
    std::vector<std::string> args = {"case", "new"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CliRun r = run(args);
    EXPECT_EQ(r.code, 0) << r.err;
    return r.line();
  }

  std::vector<std::string> appleMac(const std::string& serial, const std::string& at) {
    return {"--vendor", "apple", "--family", "mac", "--serial", serial, "--product", "MacBook Pro 14",
            "--purchased", "2024-03-01", "--seller", "atea", "--customer", "Kari Nordmann",
            "--mobile", "912 34 567", "--email", "kari@example.no", "--address", "Storgata 1, 0155 Oslo",
            "--fault", "Does not start", "--passcode", "zebra-8642", "--at", at};
  }

  nlohmann::json show(const std::string& number, const std::string& at = "2026-11-25T12:00") {
    const CliRun r = run({"case", "show", number, "--json", "--at", at});
    EXPECT_EQ(r.code, 0) << r.err;
    return r.json();
  }

  FixedClock clock{*parseLocalTime("2026-11-25T10:00")};
  std::string db;
  std::string dbUrl;  // when set, kioskctl runs with --db-url instead of --db
  std::string assets = KIOSK_ASSETS_DIR;

 protected:
  [[nodiscard]] const std::filesystem::path& folder() const { return m_dir; }

 private:
  std::filesystem::path m_dir;
};

}  // namespace kiosk::test
