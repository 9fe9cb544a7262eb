#include "store/open_store.hpp"

#include "store/pg_case_store.hpp"
#include "store/sqlite_case_store.hpp"

namespace kiosk {

bool isPostgresUrl(const std::string& text) {
  return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

Result<std::unique_ptr<CaseDatabase>> openStore(const StoreLocation& location) {
  if (!location.postgresUrl.empty()) {
    if (!isPostgresUrl(location.postgresUrl)) {
      // The text itself is not repeated: it may hold a password.
      return badInput("db-url", "not a PostgreSQL URL: it must start with postgresql:// or postgres:// "
                                "(postgresql://user@host:port/dbname)");
    }
    auto opened = PgCaseStore::open(location.postgresUrl);
    if (!opened) return tl::unexpected(opened.error());
    return std::unique_ptr<CaseDatabase>(std::move(*opened));
  }
  auto opened = SqliteCaseStore::open(location.sqliteFile);
  if (!opened) return tl::unexpected(opened.error());
  return std::unique_ptr<CaseDatabase>(std::move(*opened));
}

}  // namespace kiosk
