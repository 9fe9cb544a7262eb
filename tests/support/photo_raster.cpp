#include "support/photo_raster.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::photos {

double Rng::normal() {
  // Box-Muller: two uniforms give two independent normals; the second is kept for next time.
  if (m_hasSpare) {
    m_hasSpare = false;
    return m_spare;
  }
  double u = 0;
  do u = uniform();
  while (u <= 1e-300);
  const double v = uniform();
  const double r = std::sqrt(-2.0 * std::log(u));
  m_spare = r * std::sin(2 * std::numbers::pi * v);
  m_hasSpare = true;
  return r * std::cos(2 * std::numbers::pi * v);
}

float Canvas::sample(double x, double y) const {
  const double fx = std::clamp(x - 0.5, 0.0, static_cast<double>(width - 1));
  const double fy = std::clamp(y - 0.5, 0.0, static_cast<double>(height - 1));
  const int x0 = static_cast<int>(fx);
  const int y0 = static_cast<int>(fy);
  const int x1 = std::min(x0 + 1, width - 1);
  const int y1 = std::min(y0 + 1, height - 1);
  const auto ax = static_cast<float>(fx - x0);
  const auto ay = static_cast<float>(fy - y0);
  const float top = at(x0, y0) + (at(x1, y0) - at(x0, y0)) * ax;
  const float bottom = at(x0, y1) + (at(x1, y1) - at(x0, y1)) * ax;
  return top + (bottom - top) * ay;
}

void Canvas::fillRect(double x0, double y0, double x1, double y1, float value) {
  const int xa = std::clamp(static_cast<int>(std::lround(std::min(x0, x1))), 0, width);
  const int xb = std::clamp(static_cast<int>(std::lround(std::max(x0, x1))), 0, width);
  const int ya = std::clamp(static_cast<int>(std::lround(std::min(y0, y1))), 0, height);
  const int yb = std::clamp(static_cast<int>(std::lround(std::max(y0, y1))), 0, height);
  for (int y = ya; y < yb; ++y)
    for (int x = xa; x < xb; ++x) at(x, y) = value;
}

void Canvas::line(double x0, double y0, double x1, double y1, double thickness, float value) {
  const double length = std::hypot(x1 - x0, y1 - y0);
  if (length < 1e-9) return;
  const double half = thickness / 2;
  const int xa = std::max(0, static_cast<int>(std::floor(std::min(x0, x1) - half)));
  const int xb = std::min(width - 1, static_cast<int>(std::ceil(std::max(x0, x1) + half)));
  const int ya = std::max(0, static_cast<int>(std::floor(std::min(y0, y1) - half)));
  const int yb = std::min(height - 1, static_cast<int>(std::ceil(std::max(y0, y1) + half)));
  const double dx = (x1 - x0) / length;
  const double dy = (y1 - y0) / length;
  for (int y = ya; y <= yb; ++y) {
    for (int x = xa; x <= xb; ++x) {
      const double px = x + 0.5 - x0;
      const double py = y + 0.5 - y0;
      const double along = px * dx + py * dy;
      const double across = std::abs(px * dy - py * dx);
      if (along >= -half && along <= length + half && across <= half) at(x, y) = value;
    }
  }
}

std::array<double, 2> Homography::apply(double x, double y) const {
  const double w = m[6] * x + m[7] * y + m[8];
  return {(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w};
}

Homography Homography::inverse() const {
  const auto& a = m;
  const double c00 = a[4] * a[8] - a[5] * a[7];
  const double c01 = a[5] * a[6] - a[3] * a[8];
  const double c02 = a[3] * a[7] - a[4] * a[6];
  const double det = a[0] * c00 + a[1] * c01 + a[2] * c02;
  Homography r;
  r.m = {c00 / det, (a[2] * a[7] - a[1] * a[8]) / det, (a[1] * a[5] - a[2] * a[4]) / det,
         c01 / det, (a[0] * a[8] - a[2] * a[6]) / det, (a[2] * a[3] - a[0] * a[5]) / det,
         c02 / det, (a[1] * a[6] - a[0] * a[7]) / det, (a[0] * a[4] - a[1] * a[3]) / det};
  return r;
}

Homography Homography::operator*(const Homography& o) const {
  Homography r;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      double s = 0;
      for (int k = 0; k < 3; ++k)
        s += m[static_cast<std::size_t>(i * 3 + k)] * o.m[static_cast<std::size_t>(k * 3 + j)];
      r.m[static_cast<std::size_t>(i * 3 + j)] = s;
    }
  return r;
}

Homography Homography::translate(double tx, double ty) { return {{1, 0, tx, 0, 1, ty, 0, 0, 1}}; }
Homography Homography::scale(double sx, double sy) { return {{sx, 0, 0, 0, sy, 0, 0, 0, 1}}; }
Homography Homography::shear(double sx) { return {{1, sx, 0, 0, 1, 0, 0, 0, 1}}; }

Homography Homography::rotate(double degrees) {
  // Counter-clockwise as seen on the screen, where y grows downwards.
  const double r = -degrees * std::numbers::pi / 180;
  return {{std::cos(r), -std::sin(r), 0, std::sin(r), std::cos(r), 0, 0, 0, 1}};
}

Homography Homography::tilt(double kx, double ky, double halfWidth, double halfHeight) {
  // w = 1 + px*x + py*y divides the coordinates: one side of the label shrinks, the other grows,
  // as when the label plane is turned away from the camera.
  return {{1, 0, 0, 0, 1, 0, kx / halfWidth, ky / halfHeight, 1}};
}

void warpOnto(Canvas& target, const Canvas& source, const Homography& toTarget, int supersample) {
  const Homography back = toTarget.inverse();
  double minX = 1e18, minY = 1e18, maxX = -1e18, maxY = -1e18;
  for (const auto& [sx, sy] : {std::array<double, 2>{0, 0},
                               {static_cast<double>(source.width), 0},
                               {static_cast<double>(source.width), static_cast<double>(source.height)},
                               {0, static_cast<double>(source.height)}}) {
    const auto p = toTarget.apply(sx, sy);
    minX = std::min(minX, p[0]);
    maxX = std::max(maxX, p[0]);
    minY = std::min(minY, p[1]);
    maxY = std::max(maxY, p[1]);
  }
  const int xa = std::max(0, static_cast<int>(std::floor(minX)));
  const int xb = std::min(target.width - 1, static_cast<int>(std::ceil(maxX)));
  const int ya = std::max(0, static_cast<int>(std::floor(minY)));
  const int yb = std::min(target.height - 1, static_cast<int>(std::ceil(maxY)));
  const double step = 1.0 / supersample;
  for (int y = ya; y <= yb; ++y) {
    for (int x = xa; x <= xb; ++x) {
      float sum = 0;
      int inside = 0;
      for (int j = 0; j < supersample; ++j) {
        for (int i = 0; i < supersample; ++i) {
          const auto p = back.apply(x + (i + 0.5) * step, y + (j + 0.5) * step);
          if (p[0] < 0 || p[1] < 0 || p[0] >= source.width || p[1] >= source.height) continue;
          sum += source.sample(p[0], p[1]);
          ++inside;
        }
      }
      if (inside == 0) continue;
      const float cover = static_cast<float>(inside) / static_cast<float>(supersample * supersample);
      target.at(x, y) = target.at(x, y) * (1 - cover) + sum / static_cast<float>(inside) * cover;
    }
  }
}

void gaussianBlur(Canvas& image, double sigma) {
  if (sigma < 0.2) return;
  const int radius = static_cast<int>(std::ceil(sigma * 3));
  std::vector<float> kernel(static_cast<std::size_t>(2 * radius + 1));
  float total = 0;
  for (int i = -radius; i <= radius; ++i) {
    kernel[static_cast<std::size_t>(i + radius)] = static_cast<float>(std::exp(-(i * i) / (2 * sigma * sigma)));
    total += kernel[static_cast<std::size_t>(i + radius)];
  }
  for (auto& k : kernel) k /= total;
  Canvas tmp(image.width, image.height, 0);
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      float s = 0;
      for (int i = -radius; i <= radius; ++i)
        s += kernel[static_cast<std::size_t>(i + radius)] * image.at(std::clamp(x + i, 0, image.width - 1), y);
      tmp.at(x, y) = s;
    }
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      float s = 0;
      for (int i = -radius; i <= radius; ++i)
        s += kernel[static_cast<std::size_t>(i + radius)] * tmp.at(x, std::clamp(y + i, 0, image.height - 1));
      image.at(x, y) = s;
    }
}

void addNoise(Canvas& image, double sigma, Rng& rng) {
  if (sigma <= 0) return;
  for (auto& p : image.v) p += static_cast<float>(rng.normal() * sigma);
}

void addBlockNoise(Canvas& image, double amount, Rng& rng) {
  // A JPEG at low quality: each 8x8 block drifts by its own offset and loses fine detail
  // towards its mean.
  if (amount <= 0) return;
  for (int by = 0; by < image.height; by += 8) {
    for (int bx = 0; bx < image.width; bx += 8) {
      const int xe = std::min(bx + 8, image.width);
      const int ye = std::min(by + 8, image.height);
      float mean = 0;
      for (int y = by; y < ye; ++y)
        for (int x = bx; x < xe; ++x) mean += image.at(x, y);
      mean /= static_cast<float>((xe - bx) * (ye - by));
      const auto offset = static_cast<float>(rng.normal() * amount);
      const auto keep = static_cast<float>(1.0 - std::min(0.3, amount / 40));
      for (int y = by; y < ye; ++y)
        for (int x = bx; x < xe; ++x) image.at(x, y) = mean + (image.at(x, y) - mean) * keep + offset;
    }
  }
}

GrayImage toGray(const Canvas& image) {
  GrayImage out;
  out.width = image.width;
  out.height = image.height;
  out.pixels.resize(image.v.size());
  for (std::size_t i = 0; i < image.v.size(); ++i)
    out.pixels[i] = static_cast<std::uint8_t>(std::clamp(std::lround(image.v[i]), 0L, 255L));
  return out;
}

}  // namespace kiosk::photos
