#pragma once
// Fresh empty case databases for the store contract tests, on SQLite or PostgreSQL. The contract
// tests are written once against CaseDatabase; each test binary says which stores it runs them
// on (contractBackends()), so the SQLite and PostgreSQL stores are held to the same promises.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "store/case_database.hpp"

namespace kiosk::test {

class TestPostgresServer;

// One empty database for one test. open() may be called again for another connection to the
// same database (another station, another relay). Raw SQL goes around the stores, as an
// administrator's shell would; a statement the database refuses throws std::runtime_error.
class TestDatabase {
 public:
  TestDatabase() = default;
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  virtual ~TestDatabase() = default;

  [[nodiscard]] virtual Result<std::unique_ptr<CaseDatabase>> open() = 0;
  // Where it is: the SQLite file's path or the PostgreSQL URL.
  [[nodiscard]] virtual std::string location() const = 0;

  virtual void exec(const std::string& sql) = 0;
  // The first column of the first row, as an integer.
  [[nodiscard]] virtual std::int64_t queryInteger(const std::string& sql) = 0;

  // Makes the database refuse, with `message`, any change of the status of outbox message `id`
  // (a trigger, standing in for a full disk) until allowOutboxUpdates(). Triggers are spelt
  // differently on each database, so each says it its own way.
  virtual void refuseOutboxUpdates(std::int64_t id, const std::string& message) = 0;
  virtual void allowOutboxUpdates() = 0;
};

// A store the contract runs on: its name in test names ("Sqlite", "Postgres") and how to make
// an empty database on it.
struct StoreBackend {
  std::string name;
  std::function<std::unique_ptr<TestDatabase>()> makeDatabase;
};

inline void PrintTo(const StoreBackend& backend, std::ostream* out) { *out << backend.name; }

// Defined by each contract binary (contract_on_sqlite.cpp, contract_on_postgres.cpp).
[[nodiscard]] std::vector<StoreBackend> contractBackends();

// For INSTANTIATE_TEST_SUITE_P: "Sqlite" or "Postgres" as the test name's suffix.
[[nodiscard]] inline std::string backendName(const ::testing::TestParamInfo<StoreBackend>& info) {
  return info.param.name;
}

// An SQLite file in a fresh temporary folder, removed with the TestDatabase.
[[nodiscard]] StoreBackend sqliteBackend();
// A fresh database on the test process's one PostgreSQL server (sharedPostgresServer()).
[[nodiscard]] StoreBackend postgresBackend();

// The one throwaway PostgreSQL server of this test process, started on first use (initdb costs
// about a second, so tests share it, each on its own database) and stopped when the process
// ends. Tests that stop it must start it again before they end.
[[nodiscard]] TestPostgresServer& sharedPostgresServer();
// A new empty database on the shared server; its URL.
[[nodiscard]] std::string freshPostgresDatabase();

// The fixture every contract suite derives from: a fresh database per test and one store on it.
class StoreContractTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override;

  [[nodiscard]] CaseDatabase& store() { return *m_store; }
  [[nodiscard]] TestDatabase& database() { return *m_database; }
  // Another connection to the same database; null (and the test failed) if it cannot open.
  [[nodiscard]] std::unique_ptr<CaseDatabase> openAnother();
  // Drops the test's store and opens it again: what a restarted program sees.
  void reopen();
  // Stores the draft; the test fails (and gets an empty case) when the store refuses.
  RepairCase created(RepairCase draft);

  std::unique_ptr<TestDatabase> m_database;
  std::unique_ptr<CaseDatabase> m_store;
};

}  // namespace kiosk::test
