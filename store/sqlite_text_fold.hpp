#pragma once
// Case-insensitive search for customer names. SQLite's LIKE folds ASCII only, so "ØYVIND"
// would not find "Øyvind"; this folds the Latin letters Norwegian and its neighbours use.
#include <string>
#include <string_view>

namespace kiosk {

class SqliteConnection;

// Lower-cases ASCII, Latin-1 and Latin Extended-A letters in UTF-8 text; other bytes unchanged.
[[nodiscard]] std::string foldCase(std::string_view utf8);

// Registers kiosk_contains_folded(text, foldedFragment) on the connection: 1 when the folded
// text contains the (already folded) fragment. Throws SqliteError.
void registerTextFunctions(SqliteConnection& db);

}  // namespace kiosk
