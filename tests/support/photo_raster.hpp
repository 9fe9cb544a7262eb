#pragma once
// Raster helpers of the synthetic photo generator: a float canvas, a seeded random source that
// gives the same numbers on every platform, projective warps, blur and sensor noise.
#include <array>
#include <cstdint>
#include <random>
#include <vector>

#include "scanner/gray_image.hpp"

namespace kiosk::photos {

// mt19937_64 is fully specified by the standard; the distributions of <random> are not, so the
// conversions to uniform and normal numbers are done here.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : m_engine(seed) {}
  [[nodiscard]] double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
  [[nodiscard]] double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  [[nodiscard]] int range(int lo, int hi) {  // inclusive
    return lo + static_cast<int>(m_engine() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  [[nodiscard]] bool chance(double p) { return uniform() < p; }
  [[nodiscard]] double normal();

 private:
  std::mt19937_64 m_engine;
  bool m_hasSpare = false;
  double m_spare = 0;
};

// Grey levels 0..255 as floats, so effects can be chained without rounding in between.
struct Canvas {
  int width = 0;
  int height = 0;
  std::vector<float> v;

  Canvas() = default;
  Canvas(int w, int h, float fill)
      : width(w), height(h), v(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), fill) {}
  [[nodiscard]] float& at(int x, int y) {
    return v[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
  }
  [[nodiscard]] float at(int x, int y) const {
    return v[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
  }
  // Bilinear, with (0.5, 0.5) the centre of the first pixel; outside reads the border.
  [[nodiscard]] float sample(double x, double y) const;
  void fillRect(double x0, double y0, double x1, double y1, float value);
  // A straight stroke of the given thickness, anti-aliasing left to the later blur.
  void line(double x0, double y0, double x1, double y1, double thickness, float value);
};

// A 3x3 projective transform, row-major, acting on (x, y, 1).
struct Homography {
  std::array<double, 9> m{1, 0, 0, 0, 1, 0, 0, 0, 1};

  [[nodiscard]] std::array<double, 2> apply(double x, double y) const;
  [[nodiscard]] Homography inverse() const;
  [[nodiscard]] Homography operator*(const Homography& o) const;
  [[nodiscard]] static Homography translate(double tx, double ty);
  [[nodiscard]] static Homography scale(double sx, double sy);
  [[nodiscard]] static Homography rotate(double degrees);
  [[nodiscard]] static Homography shear(double sx);
  // Perspective: relative size change of kx across x = -1..1 and ky across y = -1..1.
  [[nodiscard]] static Homography tilt(double kx, double ky, double halfWidth, double halfHeight);
};

// Draws `source` onto `target` through `toTarget`, supersampled; only where the source has pixels.
void warpOnto(Canvas& target, const Canvas& source, const Homography& toTarget, int supersample);

void gaussianBlur(Canvas& image, double sigma);
void addNoise(Canvas& image, double sigma, Rng& rng);
void addBlockNoise(Canvas& image, double amount, Rng& rng);
[[nodiscard]] GrayImage toGray(const Canvas& image);

}  // namespace kiosk::photos
