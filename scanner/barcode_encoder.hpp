#pragma once
// Encoding what we print as barcodes (ZXing's writer, kept behind this header): the modules of
// a symbol without its quiet zone, so the renderer decides how big a module is in printer dots.
#include <cstdint>
#include <string_view>
#include <vector>

#include "workflow/error.hpp"

namespace kiosk {

// Dark and light modules, row-major. A linear code (Code 128) has one row: its bars.
struct ModuleMatrix {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> dark;  // 1 dark, 0 light; width * height entries

  [[nodiscard]] bool isDark(int x, int y) const {
    return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] != 0;
  }
};

// Quiet zones the standards ask for, in modules, on each side.
inline constexpr int kCode128QuietModules = 10;
inline constexpr int kQrQuietModules = 4;

// Printable ASCII only (what case numbers and serials are); anything else is a BadInput.
[[nodiscard]] Result<ModuleMatrix> encodeCode128(std::string_view text);
// UTF-8 text at error-correction level Q, so a creased or smudged receipt still reads.
[[nodiscard]] Result<ModuleMatrix> encodeQrCode(std::string_view text);

}  // namespace kiosk
