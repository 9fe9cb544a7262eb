#pragma once
// Writing a finished label or receipt: whole or not at all. A half-written PDF on a shared
// folder would print as garbage, so the bytes go to a temporary file that is renamed into place.
#include <filesystem>
#include <string_view>

#include "workflow/error.hpp"

namespace kiosk {

// BadInput on `field` (the CLI's "out") naming the path and the reason when it cannot be
// written; the temporary file is removed then and `path` is left as it was.
[[nodiscard]] Result<void> writeFileAtomically(const std::filesystem::path& path, std::string_view bytes,
                                               std::string_view field = "out");

}  // namespace kiosk
