#pragma once
// The one throwaway PostgreSQL server of a kioskctl test process (initdb costs a second, so
// every test of the binary shares it), and a fresh database on it per test.
#include <string>

#include "support/postgres_server.hpp"

namespace kiosk::test {

// Started on first use, stopped when the process ends.
TestPostgresServer& cliPostgres();
// A new, empty database on that server; its URL.
std::string freshPostgresDatabase();

}  // namespace kiosk::test
