// The corpora: what kinds of codes and how badly they are photographed.
#include <algorithm>
#include <cmath>
#include <string>

#include "support/label_photos.hpp"
#include "support/photo_raster.hpp"
#include "support/symbol_render.hpp"

namespace kiosk::photos {
namespace {

std::string randomChars(Rng& rng, const std::string& alphabet, int count) {
  std::string out;
  for (int i = 0; i < count; ++i)
    out += alphabet[static_cast<std::size_t>(rng.range(0, static_cast<int>(alphabet.size()) - 1))];
  return out;
}

const std::string kDigits = "0123456789";
const std::string kUpper = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

std::string imei(Rng& rng) {
  std::string body = "35" + randomChars(rng, kDigits, 12);
  int sum = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    int d = body[i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + static_cast<char>('0' + (10 - sum % 10) % 10);
}

// The label's symbol is on screen whole, with its quiet zone, or the spec is pulled inwards.
bool fitsFrame(const LabelPhoto& photo, int width, int height) {
  const int margin = 8;
  for (const auto& code : photo.codes)
    for (const auto& p : code.corners)
      if (p.x < margin || p.y < margin || p.x >= width - margin || p.y >= height - margin) return false;
  return true;
}

// Grey level of paper or ink after the camera's exposure and gamma, in the shadow of the light.
double exposed(double value, const Distortion& d) {
  double x = 127.5 + (value * (1 - d.lighting) - 127.5) * d.contrast + d.brightness * 255;
  x = std::clamp(x, 0.0, 255.0);
  return 255 * std::pow(x / 255, d.gamma);
}

// Dim, yes; black, no: an auto-exposing camera keeps 40 grey levels between paper and ink, and
// noise at most a fifth of that. Exposure and gamma are pulled back towards neutral until so.
void keepLegible(Distortion& d) {
  for (int i = 0; i < 20 && exposed(246, d) - exposed(22, d) < 40; ++i) {
    d.brightness *= 0.8;
    d.gamma = 1 + (d.gamma - 1) * 0.8;
    d.contrast = std::min(1.0, d.contrast * 1.05);
  }
  d.noiseSigma = std::min(d.noiseSigma, (exposed(246, d) - exposed(22, d)) / 5);
}

}  // namespace

CodeSpec randomCode(Family family, std::uint64_t seed) {
  Rng rng(seed);
  CodeSpec c;
  switch (family) {
    case Family::Code128:
      c.format = "Code128";
      switch (rng.range(0, 4)) {
        case 0:
          c.text = "C02" + randomChars(rng, kUpper, 9);
          break;  // Apple, 12 characters
        case 1:
          c.text = imei(rng);
          break;
        case 2:
          c.text = "1S20" + randomChars(rng, kUpper, 6) + "PF" + randomChars(rng, kUpper, 6);
          break;  // Lenovo
        case 3:
          c.text = "S" + randomChars(rng, kUpper, 10);
          break;
        default:
          c.text = "K-" + randomChars(rng, kDigits, 6) + "-" + randomChars(rng, "abcdefxyz", 2);
          break;
      }
      c.height = rng.uniform(0.15, 0.4);
      break;
    case Family::Code39:
      c.format = "Code39";
      c.text = rng.chance(0.5) ? "S" + randomChars(rng, kUpper, 8)
                               : "PN-" + randomChars(rng, kUpper, 5) + "." + randomChars(rng, kDigits, 2);
      c.height = rng.uniform(0.15, 0.4);
      break;
    case Family::QRCode:
      c.format = "QRCode";
      switch (rng.range(0, 2)) {
        case 0:
          c.text = "https://service.example.no/sak/" + randomChars(rng, kUpper, 8);
          break;
        case 1:
          c.text = "IMEI:" + imei(rng) + " SN:" + randomChars(rng, kUpper, 10);
          break;
        default:
          c.text = "K-" + randomChars(rng, kDigits, 7);
          break;
      }
      break;
    case Family::DataMatrix: {
      c.format = "DataMatrix";
      // device labels mostly carry square symbols; the writer picks a rectangle when it is
      // smaller, so most contents are drawn again until the symbol comes out square
      const bool square = rng.chance(0.8);
      for (int attempt = 0; attempt < 20; ++attempt) {
        c.text = rng.chance(0.5)
                     ? "S" + randomChars(rng, kUpper, rng.range(8, 14))
                     : "1P" + randomChars(rng, kUpper, 7) + " S" + randomChars(rng, kUpper, rng.range(6, 10));
        const Modules m = encodeModules(c);
        if (!square || m.width == m.height) break;
      }
      break;
    }
    case Family::EanUpc:
      switch (rng.range(0, 5)) {
        case 0:
        case 1:
        case 2:
          c.format = "EAN-13";
          c.text = std::to_string(rng.range(1, 9)) + randomChars(rng, kDigits, 11);
          break;
        case 3:
          c.format = "UPC-A";
          c.text = randomChars(rng, kDigits, 11);
          break;
        case 4:
          c.format = "EAN-8";
          c.text = std::to_string(rng.range(1, 9)) + randomChars(rng, kDigits, 6);
          break;
        default:
          c.format = "UPC-E";
          c.text = "0" + randomChars(rng, kDigits, 5) + std::to_string(rng.range(5, 9));
          break;
      }
      c.height = rng.uniform(0.35, 0.75);
      break;
  }
  return c;
}

std::vector<LabelPhoto> badlyPhotographedLabels(int count, std::uint64_t seed, int width, int height) {
  std::vector<LabelPhoto> out;
  for (int i = 0; i < count; ++i) {
    const std::uint64_t photoSeed = seed * std::uint64_t{1'000'003} + static_cast<std::uint64_t>(i);
    Rng rng(photoSeed);
    const Family family = kFamilies[static_cast<std::size_t>(i) % kFamilies.size()];
    PhotoSpec spec;
    spec.width = width;
    spec.height = height;
    spec.seed = photoSeed;
    spec.codes.push_back(randomCode(family, photoSeed + 7));
    if (family == Family::Code128 && rng.chance(0.3)) spec.codes.push_back(randomCode(Family::Code128, photoSeed + 11));
    const bool linear = family != Family::QRCode && family != Family::DataMatrix;
    // pixels per module: a small code in a large frame at the low end; a smaller frame shows
    // the same label as large, so long codes shrink only when they would not fit (below)
    spec.moduleSize = linear ? rng.uniform(1.7, 3.2) : rng.uniform(2.4, 4.5);
    spec.centreX = rng.uniform(0.25, 0.75);
    spec.centreY = rng.uniform(0.25, 0.75);
    spec.clutter = rng.range(4, 16);
    auto& d = spec.distortion;
    d.rotationDeg = rng.uniform(0, 360);
    if (rng.chance(0.6)) {
      // a label 5 cm across, 15 to 25 cm from the lens, turned up to 45 degrees away
      d.tiltX = rng.uniform(-0.12, 0.12);
      d.tiltY = rng.uniform(-0.12, 0.12);
    }
    if (rng.chance(0.5)) {
      d.squash = rng.uniform(0.65, 1.0);
      d.squashAngle = rng.uniform(0, 180);
    }
    if (rng.chance(0.3)) d.shear = rng.uniform(-0.15, 0.15);
    d.blurSigma = rng.uniform(0, std::min(1.1, 0.33 * spec.moduleSize));
    d.contrast = rng.chance(0.4) ? rng.uniform(0.25, 0.6) : rng.uniform(0.7, 1.0);
    d.brightness = rng.uniform(-0.25, 0.15);
    if (rng.chance(0.3)) d.gamma = rng.uniform(0.5, 2.0);
    d.noiseSigma = rng.uniform(0, 12);
    if (rng.chance(0.25)) d.blockNoise = rng.uniform(1, 5);
    if (rng.chance(0.4)) d.lighting = rng.uniform(0.1, 0.5);
    keepLegible(d);
    LabelPhoto photo = makeLabelPhoto(spec);
    for (int attempt = 0; attempt < 8 && !fitsFrame(photo, width, height); ++attempt) {
      spec.centreX = 0.5 + (spec.centreX - 0.5) * 0.6;
      spec.centreY = 0.5 + (spec.centreY - 0.5) * 0.6;
      if (attempt >= 2) spec.moduleSize *= 0.85;
      photo = makeLabelPhoto(spec);
    }
    out.push_back(std::move(photo));
  }
  return out;
}

std::vector<LabelPhoto> stressPhotos(int count, std::uint64_t seed, int width, int height) {
  std::vector<LabelPhoto> out;
  for (int i = 0; i < count; ++i) {
    const std::uint64_t photoSeed = seed * std::uint64_t{2'000'003} + static_cast<std::uint64_t>(i);
    Rng rng(photoSeed);
    PhotoSpec spec;
    spec.width = width;
    spec.height = height;
    spec.seed = photoSeed;
    spec.clutter = rng.range(0, 20);
    spec.labelText = rng.chance(0.7);
    auto& d = spec.distortion;
    const int kind = i % 6;
    if (kind == 0) {
      // several codes of mixed families on one label
      for (int k = rng.range(2, 4); k > 0; --k)
        spec.codes.push_back(randomCode(kFamilies[static_cast<std::size_t>(rng.range(0, 4))],
                                        photoSeed + static_cast<std::uint64_t>(k)));
      spec.moduleSize = rng.uniform(1.5, 3);
      d.rotationDeg = rng.uniform(0, 360);
    } else if (kind == 1) {
      // the same linear code two or three times in one frame: equal results from several lines
      spec.codes.push_back(randomCode(rng.chance(0.5) ? Family::Code128 : Family::EanUpc, photoSeed));
      spec.moduleSize = rng.uniform(1.2, 2.2);
      spec.centreX = rng.uniform(0.2, 0.4);
      spec.centreY = rng.uniform(0.2, 0.4);
      const double angle = rng.chance(0.5) ? 0 : rng.uniform(0, 360);
      d.rotationDeg = angle;
      spec.copies.push_back({rng.uniform(0.6, 0.8), rng.uniform(0.6, 0.8), rng.chance(0.5) ? angle : angle + 90});
      if (rng.chance(0.5))
        spec.copies.push_back({rng.uniform(0.6, 0.8), rng.uniform(0.15, 0.35), angle + rng.uniform(-10, 10)});
    } else if (kind == 2) {
      // one linear code at some angle and bar height, thin or tall
      auto code = randomCode(rng.chance(0.5) ? Family::Code128 : Family::Code39, photoSeed);
      code.height = rng.uniform(0.05, 1.2);
      spec.codes.push_back(code);
      spec.moduleSize = rng.uniform(1.2, 4);
      d.rotationDeg = (i / 6) * 7.5;
    } else if (kind == 3) {
      // EAN-13 / UPC-A with an add-on, often twice
      auto code = randomCode(Family::EanUpc, photoSeed);
      if (code.format != "UPC-A")
        code = {"EAN-13",
                "4" + std::to_string(100000000000LL + static_cast<long long>(photoSeed % 899999999999ULL)).substr(1),
                0.6, true};
      code.eanAddOn = true;
      spec.codes.push_back(code);
      if (rng.chance(0.5)) spec.codes.push_back(code);
      spec.moduleSize = rng.uniform(1.5, 3);
      d.rotationDeg = rng.chance(0.5) ? rng.uniform(-8, 8) : rng.uniform(0, 360);
    } else if (kind == 4) {
      // codes cut by the frame's border
      spec.codes.push_back(randomCode(kFamilies[static_cast<std::size_t>(rng.range(0, 4))], photoSeed));
      spec.codes.push_back(randomCode(Family::Code128, photoSeed + 1));
      spec.moduleSize = rng.uniform(2, 4);
      spec.centreX = rng.chance(0.5) ? rng.uniform(-0.05, 0.1) : rng.uniform(0.9, 1.05);
      spec.centreY = rng.uniform(0, 1);
      d.rotationDeg = rng.uniform(0, 360);
    } else {
      // barely anything left: heavy blur, noise, tiny modules
      spec.codes.push_back(randomCode(kFamilies[static_cast<std::size_t>(rng.range(0, 4))], photoSeed));
      spec.moduleSize = rng.uniform(0.8, 2);
      d.rotationDeg = rng.uniform(0, 360);
      d.blurSigma = rng.uniform(0.5, 2.5);
      d.noiseSigma = rng.uniform(10, 40);
      d.contrast = rng.uniform(0.15, 0.6);
    }
    if (kind != 5) {
      d.blurSigma = rng.uniform(0, 1.0);
      d.noiseSigma = rng.uniform(0, 15);
      d.contrast = rng.uniform(0.4, 1);
      if (rng.chance(0.4)) {
        d.tiltX = rng.uniform(-0.3, 0.3);
        d.tiltY = rng.uniform(-0.3, 0.3);
      }
    }
    if (rng.chance(0.2)) d.blockNoise = rng.uniform(1, 6);
    out.push_back(makeLabelPhoto(spec));
  }
  return out;
}

}  // namespace kiosk::photos
