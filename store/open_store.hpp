#pragma once
// Opens the case database a program was pointed at: an SQLite file (--db PATH, the default) or
// a shared PostgreSQL server (--db-url postgresql://user@host:port/dbname).
#include <filesystem>
#include <memory>
#include <string>

#include "store/case_database.hpp"

namespace kiosk {

struct StoreLocation {
  std::filesystem::path sqliteFile;  // used when postgresUrl is empty
  std::string postgresUrl;           // postgresql://... or postgres://...; wins when set
};

// Opens (creating an SQLite file when missing) and brings the schema up to date. A URL that is
// not postgresql:// or postgres:// is BadInput on field "db-url"; a server that cannot be
// reached, or a newer schema than this program knows, is a Storage error naming the location.
[[nodiscard]] Result<std::unique_ptr<CaseDatabase>> openStore(const StoreLocation& location);

// True when `text` is spelt as a PostgreSQL URL (postgresql:// or postgres://).
[[nodiscard]] bool isPostgresUrl(const std::string& text);

}  // namespace kiosk
