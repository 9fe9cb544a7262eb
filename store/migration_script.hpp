#pragma once
// One numbered schema migration, embedded from N_up.sql / N_down.sql (store/embed_migrations.cmake);
// the SQLite and PostgreSQL stores each have their own set.
#include <span>
#include <string_view>

#include "workflow/error.hpp"

namespace kiosk {

struct MigrationScript {
  int version = 0;        // the schema version after `up`
  std::string_view up;    // from version - 1 to version
  std::string_view down;  // from version back to version - 1
};

// The set must be 1, 2, ... n without a gap, each with both directions; configure checks the
// files, this checks what was embedded (and any set a test builds).
[[nodiscard]] Result<void> checkMigrationSequence(std::span<const MigrationScript> migrations);

}  // namespace kiosk
