#pragma once
// Picture operations of the decoder's slower passes (inside scanner/, not a public API):
// scaling, rotation, contrast, smoothing, binarisation, and where bar-like texture lies.
#include <array>
#include <vector>

#include "scanner/barcode_decoder.hpp"
#include "scanner/gray_image.hpp"

namespace kiosk::decoding {

// Maps a point of a derived picture back onto the original picture: x' = a*x + b*y + c, ...
struct Affine {
  double a = 1, b = 0, c = 0;
  double d = 0, e = 1, f = 0;

  [[nodiscard]] CodePoint map(int x, int y) const;
  [[nodiscard]] Affine then(const Affine& outer) const;  // first this, then outer
  [[nodiscard]] static Affine translation(double x, double y) { return {1, 0, x, 0, 1, y}; }
  [[nodiscard]] static Affine scaling(double s) { return {s, 0, 0, 0, s, 0}; }
};

struct Rect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
};

[[nodiscard]] GrayImage crop(const GrayImage& image, const Rect& rect);
// Box-filter reduction by an integer factor: fine lines survive better than by skipping pixels.
[[nodiscard]] GrayImage downscale(const GrayImage& image, int factor);
// Bilinear enlargement for codes whose modules are one or two pixels wide.
[[nodiscard]] GrayImage upscale(const GrayImage& image, double factor);
// Rotation about the centre onto a canvas large enough for the whole picture, filled white;
// `backToSource` maps the result's pixels onto the input's.
[[nodiscard]] GrayImage rotate(const GrayImage& image, double degrees, Affine& backToSource);
// Rows become columns: vertical codes for the row-wise operations below. Maps back by itself.
[[nodiscard]] GrayImage transpose(const GrayImage& image);
// Spreads the 1st..99th percentile of grey over 0..255: dim and flat pictures.
[[nodiscard]] GrayImage stretchContrast(const GrayImage& image);
// 3x3 smoothing against sensor noise.
[[nodiscard]] GrayImage smooth(const GrayImage& image);
// Averages each pixel with `radius` pixels above and below: upright bars keep their edges
// while sensor noise falls by the square root of the rows averaged.
[[nodiscard]] GrayImage smoothVertically(const GrayImage& image, int radius);
// Each pixel set against the darkest and lightest grey within `radius` pixels on its row:
// bars on paper span 0..255 wherever they are, so one threshold per scan line suits them all.
[[nodiscard]] GrayImage normalizeRows(const GrayImage& image, int radius);
// Black where a pixel is darker than its neighbourhood's mean by a margin, white elsewhere.
[[nodiscard]] GrayImage binarizeLocal(const GrayImage& image, int radius);

// Paints over a linear code found along a scan line so the next search finds the others. The
// bars' extent across the scan line is followed row by row as long as rows look alike.
void maskLinearCode(GrayImage& image, const std::array<CodePoint, 4>& line, bool generous);

// Whether a linear code's scan line looks like a real read: false when it crosses the bars more
// than 30 degrees off square (a mix read across the bar tops), when its margins begin outside the
// picture (a code cut by the border), or when they hold bars of about the code's own contrast
// (a short symbol read out of the middle of a longer one; not checked when `modules` is 0).
[[nodiscard]] bool quietZonesClear(const GrayImage& image, const std::array<CodePoint, 4>& line, int modules);

// Regions with dense edges: where codes may be. `angle` is the direction of the gradients in
// degrees (perpendicular to bars), meaningful when `coherence` is high (a linear code).
struct Candidate {
  Rect box;
  double angle = 0;
  double coherence = 0;
  double strength = 0;
  // direction of the region's edges modulo 90 degrees: turning by it puts the sides of a
  // square symbol (QR Code, Data Matrix) along the picture's axes
  double squareAngle = 0;
  // direction of the region's longest extent: a linear code's axis, which differs from `angle`
  // when the photo skews the code so that its bars lean
  double shapeAngle = 0;
  std::vector<CodePoint> blocks;  // top-left corners of the region's blocks
  int blockSize = 0;

  // Extent of the region along direction `degrees` and across it, relative to the box centre.
  struct Extent {
    double alongMin, alongMax, acrossMin, acrossMax;
  };
  [[nodiscard]] Extent extent(double degrees) const;
};
[[nodiscard]] std::vector<Candidate> findCandidates(const GrayImage& image, int maxCount);

}  // namespace kiosk::decoding
