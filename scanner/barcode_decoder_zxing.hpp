#pragma once
// The only place that calls ZXing-cpp 1.4.0 (inside scanner/, not a public API). Each call is
// one ZXing search with hint combinations that cannot reach 1.4.0's failed assertion (see the
// .cpp); exceptions from the library end here.
#include <cstdint>
#include <vector>

#include "scanner/barcode_decoder.hpp"
#include "scanner/gray_image.hpp"

namespace kiosk::decoding {

// A rectangle of a grey picture, without copying it.
struct PixelView {
  const std::uint8_t* data = nullptr;
  int width = 0;
  int height = 0;
  int stride = 0;

  [[nodiscard]] static PixelView of(const GrayImage& image) {
    return {image.pixels.data(), image.width, image.height, image.width};
  }
  [[nodiscard]] PixelView cropped(int x, int y, int w, int h) const;
};

enum class Threshold {
  Local,      // ZXing's hybrid binariser: local means for 2D codes, a histogram per line for 1D
  Histogram,  // one histogram valley for the whole picture (per line for 1D)
  Fixed,      // grey 127: for pictures we binarised ourselves
};

struct SearchSettings {
  Threshold threshold = Threshold::Local;
  bool tryHarder = false;     // every line instead of a few around the middle
  bool tryRotate = true;      // also vertical scan lines (1D); all four trace directions (Data Matrix)
  bool tryDownscale = false;  // ZXing's own image pyramid
};

// At most one linear code (Code 128, Code 39, EAN-13/8, UPC-A/E) per call.
[[nodiscard]] std::vector<DecodedCode> readOneLinearCode(const PixelView& view, const SearchSettings& settings);
// Every QR Code found, and the Data Matrix that ZXing 1.4.0 finds along the centre lines.
[[nodiscard]] std::vector<DecodedCode> readMatrixCodes(const PixelView& view, const SearchSettings& settings, bool qr,
                                                       bool dataMatrix);

}  // namespace kiosk::decoding
