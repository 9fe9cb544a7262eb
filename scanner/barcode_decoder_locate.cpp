// Where codes may be: gradient texture per block (for the slower passes), and painting over a
// linear code already read (so the one-code-per-call linear search can find the next).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

#include "scanner/barcode_decoder_image_ops.hpp"

namespace kiosk::decoding {
namespace {

// Pixels of a picture seen along a scan line at any angle: u runs along the line, v across it,
// both in pixels from the line's first point.
struct LineFrame {
  GrayImage& image;
  double ox, oy;  // origin
  double dx, dy;  // along
  [[nodiscard]] double nx() const { return -dy; }
  [[nodiscard]] double ny() const { return dx; }

  [[nodiscard]] float at(double u, double v) const {
    const double x = std::clamp(ox + u * dx + v * nx(), 0.0, image.width - 1.0);
    const double y = std::clamp(oy + u * dy + v * ny(), 0.0, image.height - 1.0);
    const int x0 = static_cast<int>(x);
    const int y0 = static_cast<int>(y);
    const int x1 = std::min(x0 + 1, image.width - 1);
    const int y1 = std::min(y0 + 1, image.height - 1);
    const auto ax = static_cast<float>(x - x0);
    const auto ay = static_cast<float>(y - y0);
    const float top = image.at(x0, y0) + (image.at(x1, y0) - image.at(x0, y0)) * ax;
    const float bottom = image.at(x0, y1) + (image.at(x1, y1) - image.at(x0, y1)) * ax;
    return top + (bottom - top) * ay;
  }
  [[nodiscard]] bool inside(double v) const {
    const double x = ox + v * nx();
    const double y = oy + v * ny();
    return x >= 0 && y >= 0 && x < image.width && y < image.height;
  }
  // White over u0..u1 on row v, in half-pixel steps so that no pixel of a slanted row is missed.
  void paint(double v, double u0, double u1) const {
    for (double u = u0; u <= u1; u += 0.5) {
      for (const double dv : {-0.25, 0.25}) {
        const auto x = static_cast<int>(std::lround(ox + u * dx + (v + dv) * nx()));
        const auto y = static_cast<int>(std::lround(oy + u * dy + (v + dv) * ny()));
        if (x >= 0 && y >= 0 && x < image.width && y < image.height)
          image.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) +
                       static_cast<std::size_t>(x)] = 255;
      }
    }
  }
};

void readProfile(const LineFrame& frame, int v, int u0, int u1, std::vector<float>& out) {
  out.clear();
  for (int u = u0; u <= u1; ++u) out.push_back(frame.at(u, v));
}

// Normalised cross-correlation: 1 for the same bar pattern whatever the brightness.
double correlation(const std::vector<float>& a, const std::vector<float>& b) {
  const auto n = static_cast<double>(a.size());
  double ma = 0, mb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ma += static_cast<double>(a[i]);
    mb += static_cast<double>(b[i]);
  }
  ma /= n;
  mb /= n;
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double da = static_cast<double>(a[i]) - ma;
    const double db = static_cast<double>(b[i]) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa < n * 4 || sbb < n * 4) return 0;  // flat: paper or background, not bars
  return sab / std::sqrt(saa * sbb);
}

// A profile blurred over about three pixels: thin bars shifted by part of a pixel still match.
std::vector<float> soften(const std::vector<float>& p) {
  std::vector<float> out(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    const float left = p[i == 0 ? 0 : i - 1];
    const float right = p[i + 1 == p.size() ? i : i + 1];
    out[i] = (left + 2 * p[i] + right) / 4;
  }
  return out;
}

struct Extent {
  int edge = 0;             // last v still part of the code
  std::vector<int> shifts;  // drift of the bars along u, per step away from the start
};

Extent followBars(const LineFrame& view, int vStart, int dir, int u0, int u1, int maxSteps) {
  constexpr std::size_t kLookBack = 8;
  Extent extent{vStart, {}};
  std::vector<float> candidate;
  std::vector<float> best;
  std::vector<float> first;
  readProfile(view, vStart, u0, u1, first);
  // the rows accepted lately, softened, newest last: the bars drift and spread slowly (a slant,
  // perspective), so a row is compared with one a few rows back rather than with the first
  const std::vector<float> firstSoft = soften(first);
  std::vector<std::vector<float>> recent{firstSoft};
  int shift = 0;
  int misses = 0;
  for (int step = 1; step <= maxSteps; ++step) {
    const int v = vStart + dir * step;
    if (!view.inside(v)) break;
    const std::vector<float>& reference = recent.front();
    double bestScore = -1;
    int bestShift = shift;
    for (int s = shift - 1; s <= shift + 1; ++s) {
      readProfile(view, v, u0 + s, u1 + s, candidate);
      const double score = correlation(reference, soften(candidate));
      if (score > bestScore) {
        bestScore = score;
        bestShift = s;
        best = candidate;
      }
    }
    extent.shifts.push_back(bestShift);
    // like the row before, and still like the bars a few rows back: rows change slowly across a
    // slanted label edge into the text, but never back into the same bars
    const std::vector<float> softBest = soften(best);
    // and never far from the scan line's own pattern, give or take a little drift: two codes
    // stacked on a label look alike enough row by row through the text between them
    double likeFirst = -1;
    for (int s = bestShift - 2; s <= bestShift + 2 && likeFirst < 0.25; ++s) {
      readProfile(view, v, u0 + s, u1 + s, candidate);
      likeFirst = std::max(likeFirst, correlation(firstSoft, soften(candidate)));
    }
    if (bestScore >= 0.4 && correlation(recent.back(), softBest) >= 0.6 && likeFirst >= 0.25) {
      recent.push_back(softBest);
      if (recent.size() > kLookBack) recent.erase(recent.begin());
      shift = bestShift;
      extent.edge = v;
      misses = 0;
    } else if (++misses > 2) {
      break;
    }
  }
  return extent;
}

}  // namespace

Candidate::Extent Candidate::extent(double degrees) const {
  const double rad = degrees * std::numbers::pi / 180;
  const double cx = box.x + box.width / 2.0;
  const double cy = box.y + box.height / 2.0;
  Extent e{1e18, -1e18, 1e18, -1e18};
  for (const auto& b : blocks) {
    for (const int dx : {0, blockSize})
      for (const int dy : {0, blockSize}) {
        const double x = b.x + dx - cx;
        const double y = b.y + dy - cy;
        const double along = x * std::cos(rad) + y * std::sin(rad);
        const double across = -x * std::sin(rad) + y * std::cos(rad);
        e.alongMin = std::min(e.alongMin, along);
        e.alongMax = std::max(e.alongMax, along);
        e.acrossMin = std::min(e.acrossMin, across);
        e.acrossMax = std::max(e.acrossMax, across);
      }
  }
  return e;
}

void maskLinearCode(GrayImage& image, const std::array<CodePoint, 4>& line, bool generous) {
  if (image.empty()) return;
  double dx = line[1].x - line[0].x;
  double dy = line[1].y - line[0].y;
  const double norm = std::hypot(dx, dy);
  if (norm < 1) {
    dx = 1;
    dy = 0;
  } else {
    dx /= norm;
    dy /= norm;
  }
  const LineFrame frame{image, static_cast<double>(line[0].x), static_cast<double>(line[0].y), dx, dy};
  double u0 = 1e9, u1 = -1e9, v0 = 1e9, v1 = -1e9;
  for (const auto& p : line) {
    const double rx = p.x - frame.ox;
    const double ry = p.y - frame.oy;
    const double u = rx * dx + ry * dy;
    const double v = rx * frame.nx() + ry * frame.ny();
    u0 = std::min(u0, u);
    u1 = std::max(u1, u);
    v0 = std::min(v0, v);
    v1 = std::max(v1, v);
  }
  const double length = u1 - u0 + 1;
  const double pad = 2 + length / (generous ? 12 : 40);
  if (generous) {
    // the careful mask let the same code be found again: take a wide band across it
    for (double v = v0 - length / 2; v <= v1 + length / 2; v += 0.5) frame.paint(v, u0 - pad, u1 + pad);
    return;
  }
  const int iu0 = static_cast<int>(std::floor(u0));
  const int iu1 = static_cast<int>(std::ceil(u1));
  const int iv0 = static_cast<int>(std::floor(v0));
  const int iv1 = static_cast<int>(std::ceil(v1));
  const int maxSteps = static_cast<int>(length * 2);
  const Extent up = followBars(frame, iv0, -1, iu0, iu1, maxSteps);
  const Extent down = followBars(frame, iv1, +1, iu0, iu1, maxSteps);
  // each row is painted only where it has bars: a skewed code is a parallelogram in the scan
  // line's frame, and a rectangle around it would take the corner of its neighbour
  std::vector<float> row;
  readProfile(frame, (iv0 + iv1) / 2, iu0, iu1, row);
  row = soften(row);
  float strongest = 0;
  for (std::size_t i = 1; i < row.size(); ++i) strongest = std::max(strongest, std::abs(row[i] - row[i - 1]));
  const int reach = static_cast<int>(length / 10) + 4;
  const auto paintRow = [&](int v, int shift) {
    readProfile(frame, v, iu0 + shift - reach, iu1 + shift + reach, row);
    row = soften(row);
    int first = -1;
    int last = -1;
    for (std::size_t i = 1; i < row.size(); ++i) {
      if (std::abs(row[i] - row[i - 1]) < 0.5f * strongest) continue;
      if (first < 0) first = static_cast<int>(i) - 1;
      last = static_cast<int>(i);
    }
    if (first < 0) return;
    const double start = iu0 + shift - reach;
    frame.paint(v, start + first - pad, start + last + pad);
  };
  for (int v = iv0; v <= iv1; ++v) paintRow(v, 0);
  for (int v = iv0 - 1; v >= up.edge - 1; --v)
    paintRow(v,
             up.shifts.empty() ? 0 : up.shifts[std::min(up.shifts.size() - 1, static_cast<std::size_t>(iv0 - v - 1))]);
  for (int v = iv1 + 1; v <= down.edge + 1; ++v)
    paintRow(v, down.shifts.empty()
                    ? 0
                    : down.shifts[std::min(down.shifts.size() - 1, static_cast<std::size_t>(v - iv1 - 1))]);
}

// How far up and down the bars the margins are checked once more, in modules.
constexpr double kShiftModules = 3;

bool quietZonesClear(const GrayImage& image, const std::array<CodePoint, 4>& line, int modules) {
  const double px = (line[0].x + line[3].x) / 2.0;
  const double py = (line[0].y + line[3].y) / 2.0;
  const double qx = (line[1].x + line[2].x) / 2.0;
  const double qy = (line[1].y + line[2].y) / 2.0;
  const double length = std::hypot(qx - px, qy - py);
  if (length < 8 || image.width < 3 || image.height < 3) return true;
  // unknown module count (Code 128, Code 39): only the border rule below, two modules out
  const bool borderOnly = modules <= 0;
  if (borderOnly) modules = 120;
  const double dx = (qx - px) / length;
  const double dy = (qy - py) / length;
  const auto inImage = [&](double x, double y) {
    return x >= 1 && y >= 1 && x < image.width - 1 && y < image.height - 1;
  };
  const auto grey = [&](double x, double y) {
    return static_cast<double>(image.at(static_cast<int>(x), static_cast<int>(y)));
  };

  // the bars' normal, from the gradients along the scan line: a scan line may cross bars at a
  // slant, and a symbol's margins lie along the normal, beyond its first and last bar
  double xx = 0, yy = 0, xy = 0;
  std::vector<double> inside;
  for (double t = 0; t <= length; t += 0.5) {
    const double x = px + dx * t;
    const double y = py + dy * t;
    if (!inImage(x, y)) continue;
    const double gx = grey(x + 1, y) - grey(x - 1, y);
    const double gy = grey(x, y + 1) - grey(x, y - 1);
    xx += gx * gx;
    yy += gy * gy;
    xy += gx * gy;
    inside.push_back(grey(x, y));
  }
  if (inside.size() < 8) return true;
  const double theta = 0.5 * std::atan2(2 * xy, xx - yy);
  double nx = std::cos(theta);
  double ny = std::sin(theta);
  if (nx * dx + ny * dy < 0) {
    nx = -nx;
    ny = -ny;
  }
  // a scan line that crosses the bars at a steep slant has left the symbol through the tops of
  // its bars on the way: what it read is a mix (ZXing's own axis-aligned lines read slanted
  // codes only this far when their bars are tall; the turned passes meet bars square on)
  const double crossing = nx * dx + ny * dy;
  if (crossing < std::cos(30 * std::numbers::pi / 180)) return false;
  const double module = length * crossing / modules;
  std::sort(inside.begin(), inside.end());
  const double contrast = inside[inside.size() * 95 / 100] - inside[inside.size() * 5 / 100];
  // five modules of margin after one and a half for blur; the standards ask for seven or more
  // a margin that begins outside the picture is no margin: a code cut by the border reads as a
  // shorter code only by luck of its checksum
  const auto marginRange = [&](double ox, double oy, double ux, double uy) {
    double lo = 1e9, hi = -1e9;
    const double from = 1.5 * module + 1;
    if (!inImage(ox + ux * (from + module), oy + uy * (from + module))) return 1e9;
    for (double t = from; t <= 6.5 * module + 1; t += 0.5) {
      const double x = ox + ux * t;
      const double y = oy + uy * t;
      if (!inImage(x, y)) break;
      lo = std::min(lo, grey(x, y));
      hi = std::max(hi, grey(x, y));
    }
    return hi >= lo ? hi - lo : 0.0;
  };
  const double normalWorst = std::max(marginRange(px, py, -nx, -ny), marginRange(qx, qy, nx, ny));
  if (borderOnly) return normalWorst < 1e9;
  // and a few modules up and down the bars: a line that left the symbol through the ends of its
  // bars (a UPC-E read out of the left half of an EAN-13 whose edge the photo slants) meets
  // white there, while beside it the symbol's bars go on
  const double bx = -ny * kShiftModules * module;
  const double by = nx * kShiftModules * module;
  double shiftedWorst = 0;
  for (const double side : {-1.0, 1.0}) {
    const double sx = side * bx;
    const double sy = side * by;
    for (const double range : {marginRange(px + sx, py + sy, -nx, -ny), marginRange(qx + sx, qy + sy, nx, ny)})
      if (range < 1e9) shiftedWorst = std::max(shiftedWorst, range);
  }
  // and straight on along the scan line: one that ran out through the ends of the bars (a slanted
  // line over a sheared code) meets the label's text there, where a real symbol has its margin
  const double lineWorst = std::max(marginRange(px, py, -dx, -dy), marginRange(qx, qy, dx, dy));
  return std::max({normalWorst, lineWorst, shiftedWorst}) < 0.5 * contrast;
}

std::vector<Candidate> findCandidates(const GrayImage& image, int maxCount) {
  constexpr int kBlock = 8;
  const int bw = image.width / kBlock;
  const int bh = image.height / kBlock;
  if (bw < 3 || bh < 3) return {};
  struct Tensor {
    double xx = 0, yy = 0, xy = 0;
    double re4 = 0, im4 = 0;  // (gx + i gy)^4 / |g|^2: edge direction modulo 90 degrees
  };
  std::vector<Tensor> blocks(static_cast<std::size_t>(bw) * static_cast<std::size_t>(bh));
  const auto blockAt = [&](int bx, int by) -> Tensor& {
    return blocks[static_cast<std::size_t>(by) * static_cast<std::size_t>(bw) + static_cast<std::size_t>(bx)];
  };
  for (int y = 1; y < bh * kBlock - 1; ++y) {
    for (int x = 1; x < bw * kBlock - 1; ++x) {
      const double gx = image.at(x + 1, y) - image.at(x - 1, y);
      const double gy = image.at(x, y + 1) - image.at(x, y - 1);
      Tensor& t = blockAt(x / kBlock, y / kBlock);
      t.xx += gx * gx;
      t.yy += gy * gy;
      t.xy += gx * gy;
      const double m2 = gx * gx + gy * gy;
      if (m2 > 0) {
        const double re2 = gx * gx - gy * gy;
        const double im2 = 2 * gx * gy;
        t.re4 += (re2 * re2 - im2 * im2) / m2;
        t.im4 += 2 * re2 * im2 / m2;
      }
    }
  }
  // energy of each block with its neighbours: smoother than one block against noise
  std::vector<double> energy(blocks.size(), 0);
  for (int by = 0; by < bh; ++by)
    for (int bx = 0; bx < bw; ++bx) {
      double e = 0;
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          const int nx = std::clamp(bx + dx, 0, bw - 1);
          const int ny = std::clamp(by + dy, 0, bh - 1);
          e += blockAt(nx, ny).xx + blockAt(nx, ny).yy;
        }
      energy[static_cast<std::size_t>(by) * static_cast<std::size_t>(bw) + static_cast<std::size_t>(bx)] =
          e / (9.0 * kBlock * kBlock);
    }
  // busy: well above the typical block (paper, desk, noise), or near the busiest when the code
  // fills most of the picture and is itself the typical block
  std::vector<double> sorted = energy;
  std::sort(sorted.begin(), sorted.end());
  const double typical = sorted[sorted.size() / 2];
  const double busiest = sorted[sorted.size() * 99 / 100];
  const double threshold = std::max(150.0, 3.0 * typical < 0.9 * busiest ? 3.0 * typical : 0.3 * busiest);

  std::vector<Candidate> found;
  std::vector<std::size_t> stack;
  std::vector<std::size_t> members;
  const auto collect = [&](double level) {
    std::vector<int> label(blocks.size(), -1);
    for (std::size_t start = 0; start < blocks.size(); ++start) {
      if (label[start] >= 0 || energy[start] < level) continue;
      const int id = static_cast<int>(found.size());
      Tensor sum;
      int minX = bw, minY = bh, maxX = -1, maxY = -1, count = 0;
      members.clear();
      stack.assign(1, start);
      label[start] = id;
      while (!stack.empty()) {
        const std::size_t i = stack.back();
        stack.pop_back();
        const int bx = static_cast<int>(i % static_cast<std::size_t>(bw));
        const int by = static_cast<int>(i / static_cast<std::size_t>(bw));
        ++count;
        members.push_back(i);
        sum.xx += blocks[i].xx;
        sum.yy += blocks[i].yy;
        sum.xy += blocks[i].xy;
        sum.re4 += blocks[i].re4;
        sum.im4 += blocks[i].im4;
        minX = std::min(minX, bx);
        maxX = std::max(maxX, bx);
        minY = std::min(minY, by);
        maxY = std::max(maxY, by);
        for (int dy = -1; dy <= 1; ++dy)
          for (int dx = -1; dx <= 1; ++dx) {
            const int nx = bx + dx;
            const int ny = by + dy;
            if (nx < 0 || ny < 0 || nx >= bw || ny >= bh) continue;
            const std::size_t n =
                static_cast<std::size_t>(ny) * static_cast<std::size_t>(bw) + static_cast<std::size_t>(nx);
            if (label[n] >= 0 || energy[n] < level) continue;
            label[n] = id;
            stack.push_back(n);
          }
      }
      Candidate c;
      c.box = {minX * kBlock - kBlock, minY * kBlock - kBlock, (maxX - minX + 3) * kBlock, (maxY - minY + 3) * kBlock};
      const double total = sum.xx + sum.yy;
      c.coherence = total > 0 ? std::sqrt((sum.xx - sum.yy) * (sum.xx - sum.yy) + 4 * sum.xy * sum.xy) / total : 0;
      c.angle = 0.5 * std::atan2(2 * sum.xy, sum.xx - sum.yy) * 180 / std::numbers::pi;
      c.strength = count >= 3 ? total : 0;
      c.squareAngle = 0.25 * std::atan2(sum.im4, sum.re4) * 180 / std::numbers::pi;
      c.blockSize = kBlock;
      double mx = 0, my = 0;
      for (const std::size_t i : members) {
        c.blocks.push_back({static_cast<int>(i % static_cast<std::size_t>(bw)) * kBlock,
                            static_cast<int>(i / static_cast<std::size_t>(bw)) * kBlock});
        mx += c.blocks.back().x;
        my += c.blocks.back().y;
      }
      mx /= static_cast<double>(members.size());
      my /= static_cast<double>(members.size());
      double sxx = 0, syy = 0, sxy = 0;
      for (const auto& b : c.blocks) {
        sxx += (b.x - mx) * (b.x - mx);
        syy += (b.y - my) * (b.y - my);
        sxy += (b.x - mx) * (b.y - my);
      }
      c.shapeAngle = 0.5 * std::atan2(2 * sxy, sxx - syy) * 180 / std::numbers::pi;
      found.push_back(c);
    }
  };
  // twice: busy blocks make regions; only the busiest make smaller ones inside them, where a
  // code stands apart from the label text and clutter it touches
  collect(threshold);
  collect(threshold * 2.5);
  std::erase_if(found, [](const Candidate& c) { return c.strength <= 0; });
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) { return a.strength > b.strength; });
  // the same region found at both thresholds is kept once
  std::vector<Candidate> distinct;
  for (auto& c : found) {
    const bool seen = std::any_of(distinct.begin(), distinct.end(), [&](const Candidate& d) {
      const int ix = std::min(c.box.x + c.box.width, d.box.x + d.box.width) - std::max(c.box.x, d.box.x);
      const int iy = std::min(c.box.y + c.box.height, d.box.y + d.box.height) - std::max(c.box.y, d.box.y);
      const double overlap = ix > 0 && iy > 0 ? static_cast<double>(ix) * iy : 0.0;
      return overlap > 0.7 * std::max(static_cast<double>(c.box.width) * c.box.height,
                                      static_cast<double>(d.box.width) * d.box.height);
    });
    if (!seen) distinct.push_back(std::move(c));
  }
  if (static_cast<int>(distinct.size()) > maxCount) distinct.resize(static_cast<std::size_t>(maxCount));
  return distinct;
}

}  // namespace kiosk::decoding
