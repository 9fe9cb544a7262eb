// Label layout, scene and camera effects of the synthetic photos, and the corpora built from them.
#include "support/label_photos.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include <stb_image_write.h>

#include "support/photo_raster.hpp"
#include "support/symbol_render.hpp"

namespace kiosk::photos {
namespace {

constexpr int kLabelModule = 4;  // label pixels per module: fine enough to resample from
constexpr float kPaper = 246;
constexpr float kInk = 22;

int gtinCheckDigit(const std::string& digits) {
  int sum = 0;
  int weight = 3;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    sum += (*it - '0') * weight;
    weight = 4 - weight;
  }
  return (10 - sum % 10) % 10;
}

// UPC-E number system + 6 digits, expanded to the UPC-A digits its check digit is computed on.
std::string upcEToUpcA(const std::string& d) {
  const char last = d[6];
  const std::string ns = d.substr(0, 1);
  if (last <= '2') return ns + d.substr(1, 2) + last + "0000" + d.substr(3, 3);
  if (last == '3') return ns + d.substr(1, 3) + "00000" + d.substr(4, 2);
  if (last == '4') return ns + d.substr(1, 4) + "00000" + d.substr(5, 1);
  return ns + d.substr(1, 5) + "0000" + last;
}

struct SymbolRect {
  double x0, y0, x1, y1;
};

struct Label {
  Canvas canvas;
  std::vector<SymbolRect> symbols;
};

// Rows of glyph-like strokes: printed text as a decoder sees it.
void fakeText(Canvas& c, Rng& rng, double x, double y, double width, double height, float ink) {
  double cx = x;
  while (cx < x + width - height) {
    const int letters = rng.range(2, 8);
    for (int i = 0; i < letters && cx < x + width - height; ++i) {
      const double w = height * rng.uniform(0.45, 0.7);
      const double stroke = std::max(1.0, height * 0.14);
      c.fillRect(cx, y, cx + stroke, y + height, ink);
      if (rng.chance(0.6)) c.fillRect(cx, y, cx + w, y + stroke, ink);
      if (rng.chance(0.5)) c.fillRect(cx, y + height - stroke, cx + w, y + height, ink);
      if (rng.chance(0.5)) c.fillRect(cx + w - stroke, y, cx + w, y + height, ink);
      if (rng.chance(0.3)) c.fillRect(cx, y + height / 2 - stroke / 2, cx + w, y + height / 2 + stroke / 2, ink);
      cx += w + height * 0.25;
    }
    cx += height * 0.8;
  }
}

Label composeLabel(const PhotoSpec& spec, Rng& rng) {
  std::vector<Modules> modules;
  int widest = 0;
  for (const auto& code : spec.codes) {
    modules.push_back(encodeModules(code));
    const int quiet = modules.back().linear() ? 10 : 4;
    widest = std::max(widest, modules.back().width + 2 * quiet);
  }
  const double m = kLabelModule;
  const double textHeight = 4 * m;
  const double labelWidth = widest * m + 4 * m;
  double height = 3 * m + (spec.labelText ? textHeight + 2 * m : 0);
  std::vector<double> top;
  for (std::size_t i = 0; i < modules.size(); ++i) {
    const auto& mod = modules[i];
    const double symbolHeight =
        mod.linear() ? std::max(4.0, std::round(mod.width * spec.codes[i].height)) * m : mod.height * m;
    top.push_back(height + 3 * m);
    height += symbolHeight + 6 * m + (spec.labelText ? textHeight + 2 * m : 0);
  }
  height += 2 * m;

  Label label;
  label.canvas = Canvas(static_cast<int>(labelWidth), static_cast<int>(height), kPaper);
  if (spec.labelText)
    fakeText(label.canvas, rng, 2 * m, 3 * m, labelWidth * rng.uniform(0.4, 0.9) - 4 * m, textHeight, kInk);
  for (std::size_t i = 0; i < modules.size(); ++i) {
    const auto& mod = modules[i];
    const double x0 = std::round((labelWidth - mod.width * m) / 2);
    const double y0 = top[i];
    const double symbolHeight =
        mod.linear() ? std::max(4.0, std::round(mod.width * spec.codes[i].height)) * m : mod.height * m;
    for (int y = 0; y < mod.height; ++y) {
      for (int x = 0; x < mod.width; ++x) {
        if (!mod.at(x, y)) continue;
        if (mod.linear()) {
          // an add-on's bars start lower: its digits are printed above them
          const double barTop = mod.addOnStart >= 0 && x >= mod.addOnStart ? y0 + symbolHeight * 0.2 : y0;
          label.canvas.fillRect(x0 + x * m, barTop, x0 + (x + 1) * m, y0 + symbolHeight, kInk);
        } else {
          label.canvas.fillRect(x0 + x * m, y0 + y * m, x0 + (x + 1) * m, y0 + (y + 1) * m, kInk);
        }
      }
    }
    const int mainWidth = mod.addOnStart >= 0 ? mod.addOnStart - 9 : mod.width;
    label.symbols.push_back({x0, y0, x0 + mainWidth * m, y0 + symbolHeight});
    if (spec.labelText)
      fakeText(label.canvas, rng, x0, y0 + symbolHeight + 3 * m, std::min(mod.width * m, labelWidth - x0 - 2 * m),
               textHeight, kInk);
  }
  return label;
}

Canvas composeScene(const PhotoSpec& spec, Rng& rng) {
  Canvas scene(spec.width, spec.height, static_cast<float>(rng.uniform(110, 200)));
  // a soft gradient: a desk, a box side
  const double gx = rng.uniform(-40, 40) / spec.width;
  const double gy = rng.uniform(-40, 40) / spec.height;
  for (int y = 0; y < spec.height; ++y)
    for (int x = 0; x < spec.width; ++x) scene.at(x, y) += static_cast<float>(gx * x + gy * y);
  const double unit = std::max(spec.width, spec.height) / 40.0;
  for (int i = 0; i < spec.clutter; ++i) {
    const double x = rng.uniform(0, spec.width);
    const double y = rng.uniform(0, spec.height);
    const auto shade = static_cast<float>(rng.uniform(20, 235));
    switch (rng.range(0, 3)) {
      case 0:
        scene.fillRect(x, y, x + rng.uniform(1, 8) * unit, y + rng.uniform(1, 6) * unit, shade);
        break;
      case 1:
        scene.line(x, y, x + rng.uniform(-10, 10) * unit, y + rng.uniform(-10, 10) * unit, rng.uniform(1, 5), shade);
        break;
      case 2: {
        const double w = rng.uniform(2, 12) * unit;
        const double h = rng.uniform(0.3, 0.8) * unit;
        for (int row = 0; row < rng.range(1, 5); ++row) fakeText(scene, rng, x, y + row * h * 1.6, w, h, shade * 0.3f);
        break;
      }
      default: {
        const double w = rng.uniform(1, 8) * unit;
        const double h = rng.uniform(1, 8) * unit;
        const double t = rng.uniform(1, 4);
        scene.line(x, y, x + w, y, t, shade);
        scene.line(x + w, y, x + w, y + h, t, shade);
        scene.line(x + w, y + h, x, y + h, t, shade);
        scene.line(x, y + h, x, y, t, shade);
        break;
      }
    }
  }
  return scene;
}

void applyCamera(Canvas& image, const Distortion& d, Rng& rng) {
  if (d.lighting > 0) {
    const double angle = rng.uniform(0, 6.283185307179586);
    const double half = std::hypot(image.width, image.height) / 2;
    for (int y = 0; y < image.height; ++y)
      for (int x = 0; x < image.width; ++x) {
        const double t =
            ((x - image.width / 2.0) * std::cos(angle) + (y - image.height / 2.0) * std::sin(angle)) / half;
        image.at(x, y) *= static_cast<float>(1 - d.lighting * (t + 1) / 2);
      }
  }
  gaussianBlur(image, d.blurSigma);
  for (auto& v : image.v) {
    double x = 127.5 + (static_cast<double>(v) - 127.5) * d.contrast + d.brightness * 255;
    x = std::clamp(x, 0.0, 255.0);
    if (d.gamma != 1) x = 255 * std::pow(x / 255, d.gamma);
    v = static_cast<float>(x);
  }
  addNoise(image, d.noiseSigma, rng);
  addBlockNoise(image, d.blockNoise, rng);
}

std::string describe(const PhotoSpec& spec) {
  std::ostringstream out;
  out.precision(3);
  for (const auto& c : spec.codes)
    out << c.format << " '" << c.text.substr(0, 40) << (c.text.size() > 40 ? "...'" : "'") << ' ';
  const auto& d = spec.distortion;
  out << "seed=" << spec.seed << " " << spec.width << 'x' << spec.height << " module=" << spec.moduleSize << " at=("
      << spec.centreX << ',' << spec.centreY << ") rot=" << d.rotationDeg << " tilt=(" << d.tiltX << ',' << d.tiltY
      << ") squash=" << d.squash << '@' << d.squashAngle << " shear=" << d.shear << " blur=" << d.blurSigma
      << " contrast=" << d.contrast << " bright=" << d.brightness << " gamma=" << d.gamma << " noise=" << d.noiseSigma
      << " block=" << d.blockNoise << " light=" << d.lighting << " copies=" << spec.copies.size();
  return out.str();
}

Homography placement(const PhotoSpec& spec, const Canvas& label, double cx, double cy, double rotation) {
  const double s = spec.moduleSize / kLabelModule;
  const auto& d = spec.distortion;
  return Homography::translate(cx * spec.width, cy * spec.height) * Homography::rotate(d.squashAngle) *
         Homography::scale(1, d.squash) * Homography::rotate(rotation - d.squashAngle) *
         Homography::tilt(d.tiltX, d.tiltY, label.width * s / 2, label.height * s / 2) * Homography::shear(d.shear) *
         Homography::scale(s, s) * Homography::translate(-label.width / 2.0, -label.height / 2.0);
}

}  // namespace

const char* familyName(Family family) {
  switch (family) {
    case Family::Code128:
      return "Code128";
    case Family::Code39:
      return "Code39";
    case Family::QRCode:
      return "QRCode";
    case Family::DataMatrix:
      return "DataMatrix";
    case Family::EanUpc:
      return "EAN/UPC";
  }
  return "?";
}

std::string expectedText(const CodeSpec& code) {
  const auto& t = code.text;
  if ((code.format == "EAN-13" && t.size() == 12) || (code.format == "EAN-8" && t.size() == 7) ||
      (code.format == "UPC-A" && t.size() == 11))
    return t + static_cast<char>('0' + gtinCheckDigit(t));
  if (code.format == "UPC-E" && t.size() == 7) return t + static_cast<char>('0' + gtinCheckDigit(upcEToUpcA(t)));
  return t;
}

GrayImage renderSymbol(const CodeSpec& code, int moduleSize, int quietZoneModules) {
  const Modules mod = encodeModules(code);
  const int barHeight = mod.linear() ? std::max(8, static_cast<int>(std::lround(mod.width * code.height))) : 0;
  GrayImage img;
  img.width = (mod.width + 2 * quietZoneModules) * moduleSize;
  img.height = mod.linear() ? barHeight * moduleSize + 2 * quietZoneModules * moduleSize
                            : (mod.height + 2 * quietZoneModules) * moduleSize;
  img.pixels.assign(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height), 255);
  for (int y = 0; y < img.height; ++y) {
    const int my = mod.linear() ? 0 : y / moduleSize - quietZoneModules;
    const bool inRows = mod.linear()
                            ? (y >= quietZoneModules * moduleSize && y < img.height - quietZoneModules * moduleSize)
                            : (my >= 0 && my < mod.height);
    if (!inRows) continue;
    for (int x = 0; x < img.width; ++x) {
      const int mx = x / moduleSize - quietZoneModules;
      if (mx >= 0 && mx < mod.width && mod.at(mx, my))
        img.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(x)] = 0;
    }
  }
  return img;
}

LabelPhoto makeLabelPhoto(const PhotoSpec& spec) {
  Rng rng(spec.seed);
  const Label label = composeLabel(spec, rng);
  Canvas scene = composeScene(spec, rng);
  const double s = spec.moduleSize / kLabelModule;
  const int supersample = s < 0.75 ? 3 : 2;
  const Homography main = placement(spec, label.canvas, spec.centreX, spec.centreY, spec.distortion.rotationDeg);
  warpOnto(scene, label.canvas, main, supersample);
  std::vector<Homography> all{main};
  for (const auto& copy : spec.copies) {
    all.push_back(placement(spec, label.canvas, copy.centreX, copy.centreY, copy.rotationDeg));
    warpOnto(scene, label.canvas, all.back(), supersample);
  }
  applyCamera(scene, spec.distortion, rng);

  LabelPhoto photo;
  photo.image = toGray(scene);
  photo.description = describe(spec);
  for (const auto& h : all) {
    for (std::size_t i = 0; i < spec.codes.size(); ++i) {
      PlacedCode placed;
      placed.format = spec.codes[i].format;
      placed.text = expectedText(spec.codes[i]);
      const auto& r = label.symbols[i];
      const std::array<std::array<double, 2>, 4> corners{{{r.x0, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0, r.y1}}};
      for (std::size_t k = 0; k < 4; ++k) {
        const auto p = h.apply(corners[k][0], corners[k][1]);
        placed.corners[k] = {static_cast<int>(std::lround(p[0])), static_cast<int>(std::lround(p[1]))};
        if (p[0] < 0 || p[1] < 0 || p[0] >= spec.width || p[1] >= spec.height) placed.insideFrame = false;
      }
      photo.codes.push_back(placed);
    }
  }
  return photo;
}

bool writePng(const GrayImage& image, const std::filesystem::path& file) {
  if (image.empty()) return false;
  return stbi_write_png(file.c_str(), image.width, image.height, 1, image.pixels.data(), image.width) != 0;
}

}  // namespace kiosk::photos
