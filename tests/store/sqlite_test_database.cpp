// The contract's SQLite database: a file in a fresh temporary folder.
#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <vector>

#include "store/sqlite_case_store.hpp"
#include "store/sqlite_connection.hpp"
#include "tests/store/store_factories.hpp"

namespace kiosk::test {
namespace {

class SqliteTestDatabase final : public TestDatabase {
 public:
  SqliteTestDatabase() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kiosk_contract_XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (mkdtemp(buffer.data()) == nullptr) throw std::runtime_error("cannot make a temporary folder");
    m_dir = buffer.data();
  }

  ~SqliteTestDatabase() override {
    std::error_code ignored;
    std::filesystem::remove_all(m_dir, ignored);
  }

  Result<std::unique_ptr<CaseDatabase>> open() override {
    auto opened = SqliteCaseStore::open(file());
    if (!opened) return tl::unexpected(opened.error());
    return std::unique_ptr<CaseDatabase>(std::move(*opened));
  }

  [[nodiscard]] std::string location() const override { return file().string(); }

  void exec(const std::string& sql) override { connect().exec(sql); }

  std::int64_t queryInteger(const std::string& sql) override { return connect().queryInteger(sql); }

  void refuseOutboxUpdates(std::int64_t id, const std::string& message) override {
    exec("CREATE TRIGGER refuse_outbox_update BEFORE UPDATE OF status ON outbox_message WHEN OLD.id = " +
         std::to_string(id) + " BEGIN SELECT RAISE(ABORT, '" + message + "'); END");
  }

  void allowOutboxUpdates() override { exec("DROP TRIGGER refuse_outbox_update"); }

 private:
  [[nodiscard]] std::filesystem::path file() const { return m_dir / "cases.db"; }
  // SqliteError is a std::runtime_error, as TestDatabase promises.
  [[nodiscard]] SqliteConnection connect() const { return SqliteConnection(file().string(), SqliteBusyPolicy{}); }

  std::filesystem::path m_dir;
};

}  // namespace

StoreBackend sqliteBackend() {
  return StoreBackend{"Sqlite", [] { return std::make_unique<SqliteTestDatabase>(); }};
}

}  // namespace kiosk::test
