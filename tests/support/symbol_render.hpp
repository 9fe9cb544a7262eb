#pragma once
// Symbols as module grids, from ZXing's writer (plus an EAN-5 add-on it does not draw).
#include <cstdint>
#include <vector>

#include "support/label_photos.hpp"

namespace kiosk::photos {

struct Modules {
  int width = 0;
  int height = 0;  // 1 for linear symbols
  std::vector<std::uint8_t> dark;
  int addOnStart = -1;  // first module column of an EAN add-on (shorter bars), -1 if none
  [[nodiscard]] bool linear() const { return height == 1; }
  [[nodiscard]] bool at(int x, int y) const {
    return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] != 0;
  }
};

// Throws std::invalid_argument for content the symbology cannot hold (test-data bug).
[[nodiscard]] Modules encodeModules(const CodeSpec& code);

}  // namespace kiosk::photos
