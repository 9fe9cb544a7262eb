#pragma once
// Synthetic "badly photographed labels" for the decoder's tests and benchmarks: symbols encoded
// with ZXing's writer, laid out on a label among fake text, placed on a cluttered scene and
// then rotated, tilted, blurred, dimmed, made noisy. Deterministic for a given seed.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "scanner/barcode_decoder.hpp"
#include "scanner/gray_image.hpp"

namespace kiosk::photos {

// The five families the kiosk reads; EanUpc stands for EAN-13, EAN-8, UPC-A and UPC-E.
enum class Family { Code128, Code39, QRCode, DataMatrix, EanUpc };
inline constexpr std::array<Family, 5> kFamilies{Family::Code128, Family::Code39, Family::QRCode, Family::DataMatrix,
                                                 Family::EanUpc};
[[nodiscard]] const char* familyName(Family family);

// One symbol to draw: `format` is the decoder's name for it ("Code128", "EAN-13", ...).
struct CodeSpec {
  std::string format;
  std::string text;       // for EAN/UPC the digits without or with the check digit
  double height = 0.25;   // linear codes: bar height as a fraction of the symbol's width
  bool eanAddOn = false;  // EAN-13/UPC-A: a 5-digit add-on printed to the right
};

// What the camera did to the label.
struct Distortion {
  double rotationDeg = 0;  // any angle, counter-clockwise
  double tiltX = 0;        // perspective: relative size change across the label, -0.3 .. 0.3
  double tiltY = 0;
  double squash = 1;  // foreshortening of a label seen at an angle: 0.6 .. 1 along squashAngle
  double squashAngle = 0;
  double shear = 0;       // horizontal skew, tan of the angle
  double blurSigma = 0;   // Gaussian blur in photo pixels
  double contrast = 1;    // 1: paper white and ink black; 0.2: dim and flat
  double brightness = 0;  // added to the mid grey, -0.5 .. 0.5 of full scale
  double gamma = 1;
  double noiseSigma = 0;  // Gaussian sensor noise, in grey levels
  double blockNoise = 0;  // JPEG-like 8x8 block artefacts, in grey levels
  double lighting = 0;    // uneven light: darkening across the frame, 0 .. 0.6
};

// Another copy of the same label elsewhere on the scene (identical codes twice in one frame).
struct Placement {
  double centreX = 0.5;
  double centreY = 0.5;
  double rotationDeg = 0;
};

struct PhotoSpec {
  int width = 1280;
  int height = 720;
  std::vector<CodeSpec> codes;  // stacked on one label, top to bottom
  double moduleSize = 3;        // photo pixels per module at the label centre
  double centreX = 0.5;         // label centre as a fraction of the frame (may lie near or past a border)
  double centreY = 0.5;
  int clutter = 10;       // boxes, lines and text blocks on the scene around the label
  bool labelText = true;  // fake printed text lines on the label
  Distortion distortion;
  std::vector<Placement> copies;  // further copies of the label, same size and tilt
  std::uint64_t seed = 1;
};

// A code on the photo and what a correct reader returns for it.
struct PlacedCode {
  std::string format;
  std::string text;                    // with EAN/UPC check digit
  std::array<CodePoint, 4> corners{};  // symbol corners in the photo (no quiet zone)
  bool insideFrame = true;             // false when part of the symbol is cut off by the border
};

struct LabelPhoto {
  GrayImage image;
  std::vector<PlacedCode> codes;
  std::string description;  // what was done to it, for failure messages
};

// The full symbol as the decoder should return it (EAN/UPC check digit appended when missing).
[[nodiscard]] std::string expectedText(const CodeSpec& code);
// A clean black-on-white symbol with a quiet zone, `moduleSize` pixels per module.
[[nodiscard]] GrayImage renderSymbol(const CodeSpec& code, int moduleSize, int quietZoneModules = 10);
[[nodiscard]] LabelPhoto makeLabelPhoto(const PhotoSpec& spec);

// Typical contents: serial-like texts for each family, reproducible from the seed.
[[nodiscard]] CodeSpec randomCode(Family family, std::uint64_t seed);
// A set of badly photographed labels, families in turn, distortions drawn from the seed; each
// stays readable in principle (enough pixels per module, blur below the module size).
[[nodiscard]] std::vector<LabelPhoto> badlyPhotographedLabels(int count, std::uint64_t seed, int width = 1280,
                                                              int height = 720);
// Hard cases for the decoder's robustness rather than its read rate: several codes per image,
// identical codes twice, linear codes at many angles and bar heights, EAN with add-ons, codes
// cut by the border, heavy noise. Not all of them are readable.
[[nodiscard]] std::vector<LabelPhoto> stressPhotos(int count, std::uint64_t seed, int width = 640, int height = 480);

// 8-bit grey PNG, for zbarimg and for looking at a failure.
[[nodiscard]] bool writePng(const GrayImage& image, const std::filesystem::path& file);

}  // namespace kiosk::photos
