#include "pg_cli_server.hpp"

#include <memory>

namespace kiosk::test {
namespace {

// Test support, not product code: one server for the process, made on first use.
std::unique_ptr<TestPostgresServer>& server() {
  static std::unique_ptr<TestPostgresServer> instance;
  return instance;
}

}  // namespace

TestPostgresServer& cliPostgres() {
  if (!server()) server() = std::make_unique<TestPostgresServer>();
  return *server();
}

std::string freshPostgresDatabase() {
  static int made = 0;
  return cliPostgres().createDatabase("cli_" + std::to_string(++made));
}

}  // namespace kiosk::test
