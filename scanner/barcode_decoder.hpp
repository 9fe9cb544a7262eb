#pragma once
// Finds and decodes barcodes in a grayscale picture with ZXing-cpp (Debian's 1.4.0), in passes:
// a fast first pass, and only when it finds nothing, slower passes (other binarizers, contrast,
// scale, tiles for off-centre Data Matrix). ZXing stays behind this header.
#include <array>
#include <chrono>
#include <string>
#include <vector>

#include "scanner/gray_image.hpp"
#include "workflow/error.hpp"

namespace kiosk {

struct CodePoint {
  int x = 0;
  int y = 0;
};

struct DecodedCode {
  std::string text;                 // UTF-8, as encoded (control characters kept)
  std::string format;               // ZXing's name: Code128, Code39, QRCode, DataMatrix, EAN-13, EAN-8, UPC-A, UPC-E
  std::string symbologyIdentifier;  // AIM identifier such as "]C0", "]Q1", "]d2"; may be empty
  std::array<CodePoint, 4> position{};  // corners: top-left, top-right, bottom-right, bottom-left
};

struct DecodeOptions {
  // Decoding gives up (with what it found so far) after this long: no picture can hang a scan.
  std::chrono::milliseconds timeLimit{2000};
  // Only the first pass: for live camera frames, where the next frame comes in 16 ms.
  bool firstPassOnly = false;
};

// How a decode went: for tests, benchmarks and the log, not for deciding anything.
struct DecodeStats {
  int passes = 0;         // passes run, the first included (1: the fast pass was enough)
  int foundInPass = 0;    // the pass that found the first code (1: the fast pass), 0: none found
  bool timedOut = false;  // the time limit stopped it before all passes had run
};

class BarcodeDecoder {
 public:
  // Every code found, each once. An empty vector when there is none; an error only for an
  // unusable picture (empty, absurd size).
  [[nodiscard]] Result<std::vector<DecodedCode>> decode(const GrayImage& image,
                                                        const DecodeOptions& options = {}) const;
  // The same, telling how it went.
  [[nodiscard]] Result<std::vector<DecodedCode>> decode(const GrayImage& image, const DecodeOptions& options,
                                                        DecodeStats& stats) const;
};

}  // namespace kiosk
