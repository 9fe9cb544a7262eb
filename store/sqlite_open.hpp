#pragma once
// Opening a case database safely: refuse what is not ours before SQLite may write to it, then
// set the durability pragmas and bring the schema up to date.
#include <filesystem>
#include <memory>
#include <string>

#include "store/sqlite_connection.hpp"

namespace kiosk {

inline constexpr std::string_view kInMemoryDatabase = ":memory:";

// Creates the parent folders and checks that an existing, non-empty file starts with the
// SQLite header: a text file or a spreadsheet saved over the database is reported, never
// touched. Throws SqliteError.
void prepareDatabaseFile(const std::filesystem::path& file);

// Opens `path` (a checked file or kInMemoryDatabase) as a case database at the latest schema.
// Throws SqliteError naming the path when it belongs to someone else or is newer than us.
[[nodiscard]] std::unique_ptr<SqliteConnection> openCaseDatabase(const std::string& path,
                                                                 SqliteBusyPolicy policy);

}  // namespace kiosk
