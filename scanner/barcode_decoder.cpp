// The decoder's passes. The first is what a live camera frame gets; the others run only when
// nothing was found, cheapest first, until something is found or the time limit is reached.
#include "scanner/barcode_decoder.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "scanner/barcode_decoder_image_ops.hpp"
#include "scanner/barcode_decoder_zxing.hpp"
#include "scanner/image_file.hpp"

namespace kiosk {
namespace {

using namespace decoding;
using Clock = std::chrono::steady_clock;

// Heavy passes work on at most this many pixels; a larger picture is reduced first.
constexpr long long kHeavyPassPixels = 3'000'000;
// Linear codes come one per ZXing call (see barcode_decoder_zxing.cpp): at most this many more.
constexpr int kMaxLinearRepeats = 6;

struct Box {
  int x0, y0, x1, y1;
};

// Modules from the first bar to the last: what a code's scan line spans, for the check of its
// margins. Code 128 and Code 39 vary with their content (0): only checked for a margin that
// lies inside the picture at all.
int marginCheckModules(const DecodedCode& code) {
  if (code.format == "UPC-E") return 51;
  if (code.format == "EAN-8") return 67;
  if (code.format == "EAN-13" || code.format == "UPC-A") return 95;
  return 0;
}

bool isLinear(const DecodedCode& code) { return code.format != "QRCode" && code.format != "DataMatrix"; }

Box boundsOf(const std::array<CodePoint, 4>& p) {
  Box b{p[0].x, p[0].y, p[0].x, p[0].y};
  for (const auto& q : p) {
    b.x0 = std::min(b.x0, q.x);
    b.y0 = std::min(b.y0, q.y);
    b.x1 = std::max(b.x1, q.x);
    b.y1 = std::max(b.y1, q.y);
  }
  return b;
}

// The same symbol read twice (by two passes, two tiles, two scan lines): same content, and
// places that touch once each is grown by a quarter of its size; a linear code's position is
// often only a line across it.
bool sameCode(const DecodedCode& a, const DecodedCode& b) {
  if (a.text != b.text || a.format != b.format) return false;
  Box p = boundsOf(a.position);
  Box q = boundsOf(b.position);
  const int growP = std::max(8, std::max(p.x1 - p.x0, p.y1 - p.y0) / 4);
  const int growQ = std::max(8, std::max(q.x1 - q.x0, q.y1 - q.y0) / 4);
  return p.x0 - growP <= q.x1 + growQ && q.x0 - growQ <= p.x1 + growP && p.y0 - growP <= q.y1 + growQ &&
         q.y0 - growQ <= p.y1 + growP;
}

void paintOver(GrayImage& image, const Box& b) {
  const int grow = std::max(b.x1 - b.x0, b.y1 - b.y0) / 8 + 2;
  for (int y = std::max(0, b.y0 - grow); y <= std::min(image.height - 1, b.y1 + grow); ++y)
    for (int x = std::max(0, b.x0 - grow); x <= std::min(image.width - 1, b.x1 + grow); ++x)
      image.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) + static_cast<std::size_t>(x)] =
          255;
}

// One decode() call: the passes share the found codes and the deadline.
class Search {
 public:
  Search(const GrayImage& image, const DecodeOptions& options)
      : m_original(image), m_deadline(Clock::now() + options.timeLimit) {
    const long long pixels = static_cast<long long>(image.width) * image.height;
    if (pixels > kHeavyPassPixels) {
      const int factor = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(pixels) / kHeavyPassPixels)));
      m_reduced = downscale(image, factor);
      m_toOriginal = Affine::scaling(factor);
      m_factor = factor;
    }
  }

  void run(bool firstPassOnly, DecodeStats& stats) {
    firstPass();
    stats.passes = 1;
    if (!m_found.empty()) stats.foundInPass = 1;
    if (firstPassOnly) return;
    for (auto pass : {&Search::harderPass, &Search::candidatePass, &Search::enhancedPass, &Search::stripPass,
                      &Search::rotatedPass}) {
      if (!m_found.empty()) break;
      if (timeUp()) {
        stats.timedOut = true;
        return;
      }
      (this->*pass)();
      ++stats.passes;
      if (!m_found.empty()) stats.foundInPass = stats.passes;
    }
    // something found: one more look for the label's other linear codes
    if (m_found.empty()) return;
    if (timeUp()) {
      stats.timedOut = true;
      return;
    }
    secondLook();
    ++stats.passes;
  }

  [[nodiscard]] std::vector<DecodedCode> take() { return std::move(m_found); }

 private:
  [[nodiscard]] bool timeUp() const { return Clock::now() >= m_deadline; }
  [[nodiscard]] const GrayImage& base() const { return m_reduced.empty() ? m_original : m_reduced; }

  // Returns how many of `codes` were new.
  int add(std::vector<DecodedCode> codes, const Affine& toBase) {
    const Affine toOriginal = toBase.then(m_toOriginal);
    int added = 0;
    for (auto& code : codes) {
      if (isLinear(code)) {
        // checked again on the untouched picture: a turned, thresholded or cut-out copy can hide
        // the bars or text that give a partial read away
        std::array<CodePoint, 4> inBase = code.position;
        for (auto& p : inBase) p = toBase.map(p.x, p.y);
        if (!quietZonesClear(base(), inBase, marginCheckModules(code))) continue;
      }
      for (auto& p : code.position) p = toOriginal.map(p.x, p.y);
      if (std::any_of(m_found.begin(), m_found.end(), [&](const DecodedCode& f) { return sameCode(f, code); }))
        continue;
      m_found.push_back(std::move(code));
      ++added;
    }
    return added;
  }

  // Every linear code of `image`, one ZXing call each: a code read is painted over and the
  // search repeated, which also works for two copies of one code.
  int linearCodes(const GrayImage& image, const Affine& toBase, const SearchSettings& settings) {
    auto next = readOneLinearCode(PixelView::of(image), settings);
    if (next.empty()) return 0;
    std::vector<DecodedCode> local;
    GrayImage work = image;
    bool again = false;
    for (int round = 0; round <= kMaxLinearRepeats && !next.empty(); ++round) {
      const DecodedCode code = next.front();
      if (!quietZonesClear(image, code.position, marginCheckModules(code))) {
        // part of a longer symbol: paint it over like a code read and look on
        maskLinearCode(work, code.position, false);
        next = readOneLinearCode(PixelView::of(work), settings);
        continue;
      }
      const bool known =
          std::any_of(local.begin(), local.end(), [&](const DecodedCode& f) { return sameCode(f, code); });
      if (known && again) break;  // painted over twice and still there: give up on the rest
      if (!known) local.push_back(code);
      again = known;
      if (round == kMaxLinearRepeats || timeUp()) break;
      maskLinearCode(work, code.position, again);
      next = readOneLinearCode(PixelView::of(work), settings);
    }
    return add(std::move(local), toBase);
  }

  int matrixCodes(const PixelView& view, const Affine& toBase, const SearchSettings& settings, bool qr = true,
                  bool dataMatrix = true) {
    return add(readMatrixCodes(view, settings, qr, dataMatrix), toBase);
  }

  void bothKinds(const GrayImage& image, const Affine& toBase, const SearchSettings& settings) {
    matrixCodes(PixelView::of(image), toBase, settings);
    if (!timeUp()) linearCodes(image, toBase, settings);
  }

  // On the picture as it came, at full resolution: matrix codes the fast way (finder patterns
  // on every third row, Data Matrix on the centre lines), linear codes on every line, which costs
  // little next to the matrix search. The later passes work on the reduced copy of a huge one.
  void firstPass() {
    const Affine originalToBase = Affine::scaling(1.0 / m_factor);
    matrixCodes(PixelView::of(m_original), originalToBase, {Threshold::Local, false, true, false});
    if (!timeUp()) linearCodes(m_original, originalToBase, {Threshold::Local, true, true, false});
  }

  // Every line, and ZXing's own smaller copies for big blurred symbols.
  void harderPass() { bothKinds(base(), {}, {Threshold::Local, true, true, true}); }

  // Each textured region on its own: turned so its bars stand upright, enlarged when small,
  // centred so that Data Matrix lies on the centre lines ZXing 1.4.0 searches.
  void candidatePass() {
    const GrayImage& image = base();
    for (const auto& c : findCandidates(image, 8)) {
      if (!m_found.empty() || timeUp()) return;
      const Rect r = around(c);
      const GrayImage region = crop(image, r);
      const Affine regionToBase = Affine::translation(std::max(0, r.x), std::max(0, r.y));
      // the likelier kind first: parallel edges mean bars; a region of nearly only parallel
      // edges holds no square symbol, one of scattered edges no bars
      if (c.coherence >= 0.5) uprightLinear(region, regionToBase, c, r, true);
      if (m_found.empty() && !timeUp() && c.coherence < 0.7) matrixInRegion(region, regionToBase, c);
      if (m_found.empty() && !timeUp() && c.coherence < 0.7) matrixInWindows(region, regionToBase);
      if (m_found.empty() && !timeUp() && c.coherence >= 0.3 && c.coherence < 0.5)
        uprightLinear(region, regionToBase, c, r, true);
    }
  }

  // QR Code and Data Matrix in one region, tried as it is and then prepared: squared up (ZXing
  // 1.4.0 traces Data Matrix edges poorly near 45 degrees), smoothed and thresholded against
  // noise, stretched when dim, enlarged when the modules are small. Cheap: regions are small.
  void matrixInRegion(const GrayImage& region, const Affine& regionToBase, const Candidate& c) {
    const SearchSettings harder{Threshold::Local, true, true, false};
    const SearchSettings fixed{Threshold::Fixed, true, true, false};
    if (matrixCodes(PixelView::of(region), regionToBase, harder) > 0 || timeUp()) return;
    Affine back;
    const GrayImage squared = rotate(region, c.squareAngle, back);
    const Affine squaredToBase = back.then(regionToBase);
    if (matrixCodes(PixelView::of(squared), squaredToBase, harder) > 0 || timeUp()) return;
    {
      // the region's edges may be a frame or a box around the symbol rather than the symbol:
      // half a right angle on, every symbol is within a quarter of one of square
      Affine turnedBack;
      const GrayImage turned = rotate(region, c.squareAngle + 45, turnedBack);
      if (matrixCodes(PixelView::of(turned), turnedBack.then(regionToBase), harder) > 0 || timeUp()) return;
    }
    const GrayImage calm = smooth(squared);
    if (matrixCodes(PixelView::of(binarizeLocal(calm, 10)), squaredToBase, fixed) > 0 || timeUp()) return;
    if (matrixCodes(PixelView::of(stretchContrast(calm)), squaredToBase, harder) > 0 || timeUp()) return;
    // small modules get more pixels; a non-integer factor also moves module edges off the
    // pixel grid, which helps when ZXing trips over a symbol at exactly two pixels per module
    const double factor = std::max(region.width, region.height) < 400 ? 2.0 : 1.5;
    if (std::max(region.width, region.height) * factor <= 1400) {
      const GrayImage larger = smooth(upscale(squared, factor));
      matrixCodes(PixelView::of(larger), Affine::scaling(1 / factor).then(squaredToBase), harder);
    }
  }

  // A long region may be a symbol and the text or boxes beside it: square windows along it, each
  // with its own centre lines, as it is and half a right angle turned.
  void matrixInWindows(const GrayImage& region, const Affine& regionToBase) {
    const int side = std::min(region.width, region.height);
    const int length = std::max(region.width, region.height);
    if (side < 24 || length < side * 8 / 5) return;
    const bool across = region.width >= region.height;
    const SearchSettings harder{Threshold::Local, true, true, false};
    for (int at = 0; at + side / 2 < length; at += side / 2) {
      if (!m_found.empty() || timeUp()) return;
      const Rect w = across ? Rect{at, 0, side, side} : Rect{0, at, side, side};
      const GrayImage window = crop(region, w);
      const Affine windowToBase = Affine::translation(w.x, w.y).then(regionToBase);
      if (matrixCodes(PixelView::of(window), windowToBase, harder) > 0) return;
      Affine back;
      const GrayImage turned = rotate(window, 45, back);
      matrixCodes(PixelView::of(turned), back.then(windowToBase), harder);
    }
  }

  // A linear code's region turned so that scan lines cross its bars, and cut close so each
  // line holds the code and its paper rather than the scene around it; then thresholded
  // three ways. Across the bars first; along the region's length when the two differ, as they
  // do when the photo skews the code and its bars lean.
  int uprightLinear(const GrayImage& region, const Affine& regionToBase, const Candidate& c, const Rect& r,
                    bool thorough) {
    // near the axes the picture is read as it is: turning it costs sharpness
    const double fromAxis = std::remainder(c.angle, 90.0);
    int added = 0;
    if (std::abs(fromAxis) < 20) {
      const SearchSettings rows{Threshold::Local, true, false, false};
      if (std::abs(std::remainder(c.angle, 180.0)) < 45)
        added = linearCodes(normalizeRows(region, 16), regionToBase, rows);
      else
        added = linearCodes(normalizeRows(transpose(region), 16), Affine{0, 1, 0, 1, 0, 0}.then(regionToBase), rows);
      if (added > 0 || timeUp()) return added;
    }
    added = uprightLinear(region, regionToBase, c, r, c.angle, thorough);
    const double skew = std::remainder(c.shapeAngle - c.angle, 180.0);
    if (added == 0 && !timeUp() && std::abs(skew) > 4 && std::abs(skew) < 60)
      added = uprightLinear(region, regionToBase, c, r, c.shapeAngle, thorough);
    return added;
  }

  int uprightLinear(const GrayImage& region, const Affine& regionToBase, const Candidate& c, const Rect& r,
                    double angle, bool thorough) {
    Affine back;
    const GrayImage turned = rotate(region, angle, back);
    const double rad = angle * std::numbers::pi / 180;
    const double dx = (c.box.x + c.box.width / 2.0 - std::max(0, r.x)) - region.width / 2.0;
    const double dy = (c.box.y + c.box.height / 2.0 - std::max(0, r.y)) - region.height / 2.0;
    const double cx = turned.width / 2.0 + std::cos(rad) * dx + std::sin(rad) * dy;
    const double cy = turned.height / 2.0 - std::sin(rad) * dx + std::cos(rad) * dy;
    const auto e = c.extent(angle);
    const double quiet = 10 + 0.15 * (e.alongMax - e.alongMin);
    const Rect tight{static_cast<int>(cx + e.alongMin - quiet), static_cast<int>(cy + e.acrossMin - 6),
                     static_cast<int>(e.alongMax - e.alongMin + 2 * quiet),
                     static_cast<int>(e.acrossMax - e.acrossMin + 12)};
    const GrayImage upright = crop(turned, tight);
    const Affine toBase = Affine::translation(std::max(0, tight.x), std::max(0, tight.y)).then(back).then(regionToBase);
    // the code lies along the rows now: horizontal scan lines only
    const SearchSettings rows{Threshold::Local, true, false, false};
    const SearchSettings fixed{Threshold::Fixed, true, false, false};
    int added = linearCodes(normalizeRows(upright, 16), toBase, rows);
    if (!thorough || timeUp()) return added;
    added += linearCodes(upright, toBase, rows);
    if (timeUp()) return added;
    const GrayImage calm = smoothVertically(upright, 2);
    added += linearCodes(binarizeLocal(calm, std::max(8, upright.height / 3)), toBase, fixed);
    if (timeUp()) return added;
    return added + linearCodes(stretchContrast(calm), toBase, fixed);
  }

  // A label often carries two or three linear codes: when the first pass read some, the two
  // most barcode-like regions are looked at once more for codes the full-picture scan missed.
  void secondLook() {
    // codes already read are painted over first: their regions drop out of the candidates, and
    // a skewed scan across one of them cannot come back as a misread of it
    GrayImage image = base();
    for (const auto& code : m_found) {
      std::array<CodePoint, 4> inBase = code.position;
      for (auto& p : inBase) p = {p.x / m_factor, p.y / m_factor};
      if (isLinear(code))
        maskLinearCode(image, inBase, false);
      else
        paintOver(image, boundsOf(inBase));
    }
    int looked = 0;
    for (const auto& c : findCandidates(image, 4)) {
      if (timeUp() || looked == 2) return;
      if (c.coherence < 0.5) continue;
      ++looked;
      const Rect r = around(c);
      uprightLinear(crop(image, r), Affine::translation(std::max(0, r.x), std::max(0, r.y)), c, r, true);
    }
  }

  [[nodiscard]] static Rect around(const Candidate& c) {
    const int margin = 12 + std::max(c.box.width, c.box.height) / 5;
    return {c.box.x - margin, c.box.y - margin, c.box.width + 2 * margin, c.box.height + 2 * margin};
  }

  // Dim, flat or noisy pictures: stretched, smoothed, or thresholded as a whole.
  void enhancedPass() {
    const SearchSettings harder{Threshold::Local, true, true, false};
    bothKinds(stretchContrast(base()), {}, harder);
    if (!m_found.empty() || timeUp()) return;
    bothKinds(smooth(base()), {}, harder);
    if (!m_found.empty() || timeUp()) return;
    bothKinds(base(), {}, {Threshold::Histogram, true, true, false});
  }

  // Data Matrix away from the centre lines: overlapping bands, each with its own centre line.
  void stripPass() {
    const GrayImage& image = base();
    const SearchSettings dm{Threshold::Local, false, true, false};
    for (int band : {160, 360}) {
      if (band >= image.height) continue;
      const int step = band / 6;
      for (int centre = band / 4; centre < image.height - band / 4; centre += step) {
        if (timeUp()) return;
        const int top = std::max(0, centre - band / 2);
        const PixelView strip = PixelView::of(image).cropped(0, top, image.width, band);
        matrixCodes(strip, Affine::translation(0, top), dm, false, true);
      }
      if (!m_found.empty()) return;
    }
  }

  // Linear codes at steep angles that no candidate region revealed.
  void rotatedPass() {
    // where there is texture at all, or the whole picture when nothing stood out
    const GrayImage& image = base();
    Rect area{0, 0, image.width, image.height};
    const auto candidates = findCandidates(image, 4);
    if (!candidates.empty()) {
      int x0 = image.width, y0 = image.height, x1 = 0, y1 = 0;
      for (const auto& c : candidates) {
        const Rect r = around(c);
        x0 = std::min(x0, std::max(0, r.x));
        y0 = std::min(y0, std::max(0, r.y));
        x1 = std::max(x1, std::min(image.width, r.x + r.width));
        y1 = std::max(y1, std::min(image.height, r.y + r.height));
      }
      area = {x0, y0, x1 - x0, y1 - y0};
    }
    const GrayImage part = crop(image, area);
    const Affine partToBase = Affine::translation(area.x, area.y);
    for (double angle : {45.0, 22.5, 67.5}) {
      if (!m_found.empty() || timeUp()) return;
      Affine back;
      const GrayImage turned = rotate(part, angle, back);
      linearCodes(turned, back.then(partToBase), {Threshold::Local, true, true, false});
    }
  }

  const GrayImage& m_original;
  GrayImage m_reduced;
  Affine m_toOriginal;
  int m_factor = 1;
  Clock::time_point m_deadline;
  std::vector<DecodedCode> m_found;
};

}  // namespace

Result<std::vector<DecodedCode>> BarcodeDecoder::decode(const GrayImage& image, const DecodeOptions& options) const {
  DecodeStats stats;
  return decode(image, options, stats);
}

Result<std::vector<DecodedCode>> BarcodeDecoder::decode(const GrayImage& image, const DecodeOptions& options,
                                                        DecodeStats& stats) const {
  stats = {};
  if (image.empty()) return badInput("image", "the picture is empty");
  const long long pixels = static_cast<long long>(image.width) * image.height;
  if (pixels > kMaxImagePixels)
    return badInput("image", "the picture is too large to decode: " + std::to_string(image.width) + "x" +
                                 std::to_string(image.height) + " pixels");
  if (image.pixels.size() != static_cast<std::size_t>(pixels))
    return badInput("image", "the picture's pixel buffer does not match its size " + std::to_string(image.width) + "x" +
                                 std::to_string(image.height));
  Search search(image, options);
  search.run(options.firstPassOnly, stats);
  return search.take();
}

}  // namespace kiosk
