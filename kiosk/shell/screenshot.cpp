#include "kiosk/shell/screenshot.hpp"

#include <GL/gl.h>

#include <cstdint>
#include <vector>

#include <stb_image_write.h>

namespace kiosk {

Result<void> saveFramebufferPng(const std::filesystem::path& file, int width, int height) {
  if (width <= 0 || height <= 0) return badInput("screenshot", "the window has no size");
  const auto w = static_cast<std::size_t>(width);
  const auto h = static_cast<std::size_t>(height);
  std::vector<std::uint8_t> pixels(w * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  if (glGetError() != GL_NO_ERROR) return storageError("could not read the window's pixels for " + file.string());
  // OpenGL's first row is the bottom one; a PNG's is the top.
  std::vector<std::uint8_t> flipped(pixels.size());
  for (std::size_t y = 0; y < h; ++y) {
    std::copy_n(pixels.begin() + static_cast<std::ptrdiff_t>((h - 1 - y) * w * 4), w * 4,
                flipped.begin() + static_cast<std::ptrdiff_t>(y * w * 4));
  }
  for (std::size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;  // the window is opaque
  if (stbi_write_png(file.c_str(), width, height, 4, flipped.data(), width * 4) == 0) {
    return badInput("screenshot", "cannot write " + file.string());
  }
  return {};
}

}  // namespace kiosk
