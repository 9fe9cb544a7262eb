#pragma once
// Saving what the window shows: the back buffer of the current OpenGL context as a PNG.
#include <filesystem>

#include "workflow/error.hpp"

namespace kiosk {

// Reads width x height pixels of the frame just rendered (before the buffer swap) and writes
// them to `file`. Errors name the file.
[[nodiscard]] Result<void> saveFramebufferPng(const std::filesystem::path& file, int width, int height);

}  // namespace kiosk
