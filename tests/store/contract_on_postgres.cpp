// The store contract on PostgreSQL: a database per test on one server per test process.
// store_pg_tests runs every contract test against it, beside the PostgreSQL-only tests.
#include "tests/store/store_factories.hpp"

namespace kiosk::test {

std::vector<StoreBackend> contractBackends() { return {postgresBackend()}; }

}  // namespace kiosk::test
