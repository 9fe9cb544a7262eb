#include "pg_cli_server.hpp"

#include <libpq-fe.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <vector>

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

std::string postgresDatabaseBytes(const std::string& url, bool withWal) {
  const std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url.c_str()), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(conn.get()));
  PQclear(PQexec(conn.get(), "CHECKPOINT"));
  const std::unique_ptr<PGresult, decltype(&PQclear)> oid(
      PQexec(conn.get(), "SELECT oid FROM pg_database WHERE datname = current_database()"), &PQclear);
  if (PQntuples(oid.get()) != 1) throw std::runtime_error("no oid for the database of " + url);
  const std::filesystem::path data = cliPostgres().folder() / "data";
  std::vector<std::filesystem::path> folders = {data / "base" / PQgetvalue(oid.get(), 0, 0)};
  if (withWal) folders.push_back(data / "pg_wal");
  std::string raw;
  for (const auto& folder : folders) {
    if (!std::filesystem::is_directory(folder)) throw std::runtime_error(folder.string() + " is not a folder");
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      raw.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  return raw;
}

}  // namespace kiosk::test
