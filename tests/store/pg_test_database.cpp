// The contract's PostgreSQL database: a fresh database on the test process's one server.
#include <libpq-fe.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "store/pg_case_store.hpp"
#include "support/postgres_server.hpp"
#include "tests/store/store_factories.hpp"

namespace kiosk::test {
namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using QueryResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

class PgTestDatabase final : public TestDatabase {
 public:
  PgTestDatabase() : m_url(freshPostgresDatabase()) {}

  Result<std::unique_ptr<CaseDatabase>> open() override {
    auto opened = PgCaseStore::open(m_url);
    if (!opened) return tl::unexpected(opened.error());
    return std::unique_ptr<CaseDatabase>(std::move(*opened));
  }

  [[nodiscard]] std::string location() const override { return m_url; }

  void exec(const std::string& sql) override { run(sql); }

  std::int64_t queryInteger(const std::string& sql) override {
    const QueryResult result = run(sql);
    if (PQntuples(result.get()) < 1 || PQnfields(result.get()) < 1 || PQgetisnull(result.get(), 0, 0)) {
      throw std::runtime_error(sql + ": no value");
    }
    return std::stoll(PQgetvalue(result.get(), 0, 0));
  }

  void refuseOutboxUpdates(std::int64_t id, const std::string& message) override {
    exec("CREATE FUNCTION refuse_outbox_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '" +
         message + "'; END; $$");
    exec("CREATE TRIGGER refuse_outbox_update BEFORE UPDATE OF status ON outbox_message FOR EACH ROW WHEN (OLD.id = " +
         std::to_string(id) + ") EXECUTE FUNCTION refuse_outbox_update()");
  }

  void allowOutboxUpdates() override {
    exec("DROP TRIGGER refuse_outbox_update ON outbox_message");
    exec("DROP FUNCTION refuse_outbox_update()");
  }

 private:
  // One connection per statement: the tests use these seldom, and a server restart between two
  // of them then costs nothing.
  QueryResult run(const std::string& sql) {
    const Connection connection(PQconnectdb(m_url.c_str()), &PQfinish);
    if (PQstatus(connection.get()) != CONNECTION_OK) {
      throw std::runtime_error(m_url + ": " + PQerrorMessage(connection.get()));
    }
    QueryResult result(PQexec(connection.get(), sql.c_str()), &PQclear);
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      throw std::runtime_error(sql + ": " + PQerrorMessage(connection.get()));
    }
    return result;
  }

  std::string m_url;
};

}  // namespace

TestPostgresServer& sharedPostgresServer() {
  // Process-wide on purpose: one initdb for every PostgreSQL test of the binary. Destroyed at
  // exit, which stops the server and removes its folder.
  static TestPostgresServer server;
  return server;
}

std::string freshPostgresDatabase() {
  static int made = 0;  // database names only need to differ within the one server
  return sharedPostgresServer().createDatabase("contract_" + std::to_string(++made));
}

StoreBackend postgresBackend() {
  return StoreBackend{"Postgres", [] { return std::make_unique<PgTestDatabase>(); }};
}

}  // namespace kiosk::test
