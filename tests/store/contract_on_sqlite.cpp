// The store contract on SQLite: a file per test. store_contract_tests runs every contract test
// against it (the PostgreSQL run is store_pg_tests, contract_on_postgres.cpp).
#include "tests/store/store_factories.hpp"

namespace kiosk::test {

std::vector<StoreBackend> contractBackends() { return {sqliteBackend()}; }

}  // namespace kiosk::test
