#pragma once
// An 8-bit grayscale picture: what the decoder reads, whatever the source (file, camera).
#include <cstdint>
#include <vector>

namespace kiosk {

struct GrayImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // row-major, width * height bytes, 0 black .. 255 white

  [[nodiscard]] bool empty() const { return width <= 0 || height <= 0; }
  [[nodiscard]] std::uint8_t at(int x, int y) const {
    return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
  }
};

}  // namespace kiosk
