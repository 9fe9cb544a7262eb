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
// The bytes of every file of the database at `url` under the server's data directory, after a
// CHECKPOINT has written every page the server held in memory; with `withWal`, the server's
// write-ahead log (pg_wal) too, which every database of the server shares. For tests that grep
// the raw files for what must not be there.
std::string postgresDatabaseBytes(const std::string& url, bool withWal);

}  // namespace kiosk::test
