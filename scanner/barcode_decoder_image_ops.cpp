#include "scanner/barcode_decoder_image_ops.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace kiosk::decoding {
namespace {

std::size_t index(const GrayImage& image, int x, int y) {
  return static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) + static_cast<std::size_t>(x);
}

GrayImage blank(int width, int height, std::uint8_t fill) {
  GrayImage out;
  out.width = width;
  out.height = height;
  out.pixels.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), fill);
  return out;
}

std::uint8_t bilinear(const GrayImage& image, double x, double y) {
  const double fx = std::clamp(x, 0.0, static_cast<double>(image.width - 1));
  const double fy = std::clamp(y, 0.0, static_cast<double>(image.height - 1));
  const int x0 = static_cast<int>(fx);
  const int y0 = static_cast<int>(fy);
  const int x1 = std::min(x0 + 1, image.width - 1);
  const int y1 = std::min(y0 + 1, image.height - 1);
  const double ax = fx - x0;
  const double ay = fy - y0;
  const double top = image.at(x0, y0) + (image.at(x1, y0) - image.at(x0, y0)) * ax;
  const double bottom = image.at(x0, y1) + (image.at(x1, y1) - image.at(x0, y1)) * ax;
  return static_cast<std::uint8_t>(std::lround(top + (bottom - top) * ay));
}

// Catmull-Rom: keeps the edges of bars one or two pixels wide that bilinear would wash out.
std::uint8_t bicubic(const GrayImage& image, double x, double y) {
  const int ix = static_cast<int>(std::floor(x));
  const int iy = static_cast<int>(std::floor(y));
  const double fx = x - ix;
  const double fy = y - iy;
  const auto weights = [](double t) {
    const double t2 = t * t;
    const double t3 = t2 * t;
    return std::array<double, 4>{(-t3 + 2 * t2 - t) / 2, (3 * t3 - 5 * t2 + 2) / 2, (-3 * t3 + 4 * t2 + t) / 2,
                                 (t3 - t2) / 2};
  };
  const auto wx = weights(fx);
  const auto wy = weights(fy);
  double sum = 0;
  for (int j = 0; j < 4; ++j) {
    const int yy = std::clamp(iy - 1 + j, 0, image.height - 1);
    double row = 0;
    for (int i = 0; i < 4; ++i)
      row += wx[static_cast<std::size_t>(i)] * image.at(std::clamp(ix - 1 + i, 0, image.width - 1), yy);
    sum += wy[static_cast<std::size_t>(j)] * row;
  }
  return static_cast<std::uint8_t>(std::clamp(std::lround(sum), 0L, 255L));
}

}  // namespace

CodePoint Affine::map(int x, int y) const {
  return {static_cast<int>(std::lround(a * x + b * y + c)), static_cast<int>(std::lround(d * x + e * y + f))};
}

Affine Affine::then(const Affine& o) const {
  return {o.a * a + o.b * d, o.a * b + o.b * e, o.a * c + o.b * f + o.c,
          o.d * a + o.e * d, o.d * b + o.e * e, o.d * c + o.e * f + o.f};
}

GrayImage crop(const GrayImage& image, const Rect& r) {
  const int x0 = std::clamp(r.x, 0, image.width);
  const int y0 = std::clamp(r.y, 0, image.height);
  const int x1 = std::clamp(r.x + r.width, 0, image.width);
  const int y1 = std::clamp(r.y + r.height, 0, image.height);
  GrayImage out = blank(std::max(0, x1 - x0), std::max(0, y1 - y0), 255);
  for (int y = y0; y < y1; ++y)
    std::copy_n(image.pixels.begin() + static_cast<std::ptrdiff_t>(index(image, x0, y)), out.width,
                out.pixels.begin() + static_cast<std::ptrdiff_t>(index(out, 0, y - y0)));
  return out;
}

GrayImage downscale(const GrayImage& image, int factor) {
  if (factor <= 1) return image;
  GrayImage out = blank(image.width / factor, image.height / factor, 255);
  const int area = factor * factor;
  std::vector<int> row(static_cast<std::size_t>(out.width));
  for (int oy = 0; oy < out.height; ++oy) {
    std::fill(row.begin(), row.end(), 0);
    for (int y = oy * factor; y < (oy + 1) * factor; ++y) {
      const std::uint8_t* src = image.pixels.data() + index(image, 0, y);
      for (int ox = 0; ox < out.width; ++ox)
        for (int k = 0; k < factor; ++k) row[static_cast<std::size_t>(ox)] += src[ox * factor + k];
    }
    for (int ox = 0; ox < out.width; ++ox)
      out.pixels[index(out, ox, oy)] = static_cast<std::uint8_t>((row[static_cast<std::size_t>(ox)] + area / 2) / area);
  }
  return out;
}

GrayImage upscale(const GrayImage& image, double factor) {
  GrayImage out = blank(static_cast<int>(image.width * factor), static_cast<int>(image.height * factor), 255);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x)
      out.pixels[index(out, x, y)] = bilinear(image, (x + 0.5) / factor - 0.5, (y + 0.5) / factor - 0.5);
  return out;
}

GrayImage rotate(const GrayImage& image, double degrees, Affine& backToSource) {
  const double r = degrees * std::numbers::pi / 180;
  const double c = std::cos(r);
  const double s = std::sin(r);
  const int width = static_cast<int>(std::ceil(std::abs(c) * image.width + std::abs(s) * image.height));
  const int height = static_cast<int>(std::ceil(std::abs(s) * image.width + std::abs(c) * image.height));
  // content turns counter-clockwise on the screen (y grows downwards): a source offset p lands
  // at (c*px + s*py, -s*px + c*py); each output pixel looks up its source by the inverse
  const double scx = image.width / 2.0;
  const double scy = image.height / 2.0;
  const double ocx = width / 2.0;
  const double ocy = height / 2.0;
  backToSource = {c, -s, scx - c * ocx + s * ocy, s, c, scy - s * ocx - c * ocy};
  // the corners outside the source get its median grey: white there would be a third peak in
  // the grey histogram by which ZXing thresholds each scan line
  std::array<std::size_t, 256> histogram{};
  for (auto p : image.pixels) ++histogram[p];
  std::size_t seen = 0;
  int median = 0;
  while (median < 255 && (seen += histogram[static_cast<std::size_t>(median)]) < image.pixels.size() / 2) ++median;
  GrayImage out = blank(width, height, static_cast<std::uint8_t>(median));
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const double sx = backToSource.a * x + backToSource.b * y + backToSource.c;
      const double sy = backToSource.d * x + backToSource.e * y + backToSource.f;
      if (sx < -0.5 || sy < -0.5 || sx > image.width - 0.5 || sy > image.height - 0.5) continue;
      out.pixels[index(out, x, y)] = bicubic(image, sx, sy);
    }
  }
  return out;
}

GrayImage transpose(const GrayImage& image) {
  GrayImage out = blank(image.height, image.width, 255);
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) out.pixels[index(out, y, x)] = image.at(x, y);
  return out;
}

GrayImage stretchContrast(const GrayImage& image) {
  std::array<std::size_t, 256> histogram{};
  for (auto p : image.pixels) ++histogram[p];
  const std::size_t total = image.pixels.size();
  std::size_t seen = 0;
  int lo = 0;
  while (lo < 255 && (seen += histogram[static_cast<std::size_t>(lo)]) < total / 100) ++lo;
  seen = 0;
  int hi = 255;
  while (hi > 0 && (seen += histogram[static_cast<std::size_t>(hi)]) < total / 100) --hi;
  if (hi - lo < 8) return image;
  std::array<std::uint8_t, 256> lut{};
  for (int v = 0; v < 256; ++v)
    lut[static_cast<std::size_t>(v)] = static_cast<std::uint8_t>(std::clamp((v - lo) * 255 / (hi - lo), 0, 255));
  GrayImage out = image;
  for (auto& p : out.pixels) p = lut[p];
  return out;
}

GrayImage smooth(const GrayImage& image) {
  GrayImage out = image;
  for (int y = 1; y + 1 < image.height; ++y)
    for (int x = 1; x + 1 < image.width; ++x) {
      int sum = 0;
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
          sum += image.at(x + dx, y + dy) * (dx == 0 && dy == 0 ? 4 : (dx == 0 || dy == 0 ? 2 : 1));
      out.pixels[index(out, x, y)] = static_cast<std::uint8_t>((sum + 8) / 16);
    }
  return out;
}

GrayImage smoothVertically(const GrayImage& image, int radius) {
  GrayImage out = image;
  std::vector<int> column(static_cast<std::size_t>(image.width), 0);
  // running sums down each column, clamped at the top and bottom edges
  for (int x = 0; x < image.width; ++x) {
    int sum = 0;
    for (int k = -radius; k <= radius; ++k) sum += image.at(x, std::clamp(k, 0, image.height - 1));
    column[static_cast<std::size_t>(x)] = sum;
  }
  const int count = 2 * radius + 1;
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      int& sum = column[static_cast<std::size_t>(x)];
      out.pixels[index(out, x, y)] = static_cast<std::uint8_t>((sum + count / 2) / count);
      sum += image.at(x, std::min(y + radius + 1, image.height - 1)) - image.at(x, std::max(y - radius, 0));
    }
  }
  return out;
}

GrayImage normalizeRows(const GrayImage& image, int radius) {
  GrayImage out = image;
  std::vector<std::uint8_t> lo(static_cast<std::size_t>(image.width));
  std::vector<std::uint8_t> hi(static_cast<std::size_t>(image.width));
  std::vector<int> minQueue;
  std::vector<int> maxQueue;
  for (int y = 0; y < image.height; ++y) {
    const std::uint8_t* row = image.pixels.data() + index(image, 0, y);
    // sliding-window minimum and maximum with monotonic queues: linear in the row length
    minQueue.clear();
    maxQueue.clear();
    std::size_t minHead = 0;
    std::size_t maxHead = 0;
    for (int x = 0; x < image.width + radius; ++x) {
      if (x < image.width) {
        while (minQueue.size() > minHead && row[minQueue.back()] >= row[x]) minQueue.pop_back();
        minQueue.push_back(x);
        while (maxQueue.size() > maxHead && row[maxQueue.back()] <= row[x]) maxQueue.pop_back();
        maxQueue.push_back(x);
      }
      const int centre = x - radius;
      if (centre < 0) continue;
      while (minQueue[minHead] < centre - radius) ++minHead;
      while (maxQueue[maxHead] < centre - radius) ++maxHead;
      lo[static_cast<std::size_t>(centre)] = row[minQueue[minHead]];
      hi[static_cast<std::size_t>(centre)] = row[maxQueue[maxHead]];
    }
    for (int x = 0; x < image.width; ++x) {
      const int l = lo[static_cast<std::size_t>(x)];
      const int range = hi[static_cast<std::size_t>(x)] - l;
      // too flat to hold bars: leave it light, noise there would only look like more bars
      out.pixels[index(out, x, y)] =
          range < 24 ? 255 : static_cast<std::uint8_t>(std::clamp((row[x] - l) * 255 / range, 0, 255));
    }
  }
  return out;
}

GrayImage binarizeLocal(const GrayImage& image, int radius) {
  const int w = image.width;
  const int h = image.height;
  // integral images of grey and grey squared: mean and spread of any window in four lookups
  std::vector<std::int64_t> sum(static_cast<std::size_t>(w + 1) * static_cast<std::size_t>(h + 1), 0);
  std::vector<std::int64_t> sq(sum.size(), 0);
  const auto at = [w](int x, int y) {
    return static_cast<std::size_t>(y) * static_cast<std::size_t>(w + 1) + static_cast<std::size_t>(x);
  };
  for (int y = 0; y < h; ++y) {
    std::int64_t rowSum = 0;
    std::int64_t rowSq = 0;
    for (int x = 0; x < w; ++x) {
      const std::int64_t v = image.at(x, y);
      rowSum += v;
      rowSq += v * v;
      sum[at(x + 1, y + 1)] = sum[at(x + 1, y)] + rowSum;
      sq[at(x + 1, y + 1)] = sq[at(x + 1, y)] + rowSq;
    }
  }
  GrayImage out = blank(w, h, 255);
  for (int y = 0; y < h; ++y) {
    const int y0 = std::max(0, y - radius);
    const int y1 = std::min(h, y + radius + 1);
    for (int x = 0; x < w; ++x) {
      const int x0 = std::max(0, x - radius);
      const int x1 = std::min(w, x + radius + 1);
      const auto n = static_cast<double>((x1 - x0) * (y1 - y0));
      const double s = static_cast<double>(sum[at(x1, y1)] - sum[at(x0, y1)] - sum[at(x1, y0)] + sum[at(x0, y0)]);
      const double q = static_cast<double>(sq[at(x1, y1)] - sq[at(x0, y1)] - sq[at(x1, y0)] + sq[at(x0, y0)]);
      const double mean = s / n;
      const double spread = std::sqrt(std::max(0.0, q / n - mean * mean));
      // flat neighbourhoods stay white: noise there would only make speckles for the detectors
      if (spread >= 6 && image.at(x, y) < mean - 0.1 * spread) out.pixels[index(out, x, y)] = 0;
    }
  }
  return out;
}

}  // namespace kiosk::decoding
