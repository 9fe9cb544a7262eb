// For screenshot_smoke_test.sh: a throwaway PostgreSQL server (TestPostgresServer) with one
// database of demo cases, kept while the script runs.
//   postgres_demo_server CASES YYYY-MM-DDTHH:MM
// Prints the database's URL on one line once the cases are in, then waits until its standard
// input closes (the script ends), and stops the server.
#include <cstdlib>
#include <iostream>
#include <string>

#include "store/pg_case_store.hpp"
#include "support/postgres_server.hpp"
#include "workflow/demo_cases.hpp"

namespace {

int run(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: postgres_demo_server CASES YYYY-MM-DDTHH:MM\n";
    return 2;
  }
  const auto now = kiosk::parseLocalTime(argv[2]);
  if (!now) {
    std::cerr << "postgres_demo_server: '" << argv[2] << "' is not YYYY-MM-DDTHH:MM\n";
    return 2;
  }
  kiosk::test::TestPostgresServer server;
  const std::string url = server.createDatabase("kiosk_demo");
  {
    auto store = kiosk::PgCaseStore::open(url);
    auto vendors = kiosk::VendorCatalog::load(std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors");
    if (!store || !vendors) {
      std::cerr << "postgres_demo_server: " << (!store ? store.error().message : vendors.error().message) << "\n";
      return 3;
    }
    kiosk::CaseService service(**store, *vendors);
    const auto added = kiosk::fillWithDemoCases(service, std::strtoul(argv[1], nullptr, 10), *now);
    if (!added) {
      std::cerr << "postgres_demo_server: " << added.error().message << "\n";
      return 3;
    }
  }
  std::cout << url << std::endl;  // flushed: the reader is a pipe
  std::string ignored;
  while (std::getline(std::cin, ignored)) {
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "postgres_demo_server: " << e.what() << "\n";
    return 3;
  }
}
