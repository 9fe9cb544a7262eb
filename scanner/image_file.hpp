#pragma once
// Reading PNG and JPEG files (and in-memory encoded images) into grayscale.
#include <filesystem>
#include <span>

#include "scanner/gray_image.hpp"
#include "workflow/error.hpp"

namespace kiosk {

// Largest picture accepted, in pixels: a 20000 x 20000 image is refused with a clear message
// before any memory is spent on it.
inline constexpr long long kMaxImagePixels = 50'000'000;

// BadInput errors name the file: missing, unreadable, empty, truncated, not an image, too large.
[[nodiscard]] Result<GrayImage> loadImageFile(const std::filesystem::path& file);
[[nodiscard]] Result<GrayImage> decodeImageBytes(std::span<const unsigned char> bytes, const std::string& name);

}  // namespace kiosk
