// ZXing-cpp 1.4.0 as Debian ships it (assertions compiled in) aborts the process in
// Result::operator== with `assert(lineCount() == 1)` (upstream issue 740; fixed in 2.2 by
// commit 44f90f33). In 1.4.0 that operator is reached with a `this` of more than one line only
// from ReadBarcodes(), when it checks a new result against those collected so far
// (`Contains(results, r)`, core/src/ReadBarcode.cpp): every collected linear result has
// lineCount >= minLineCount, so a second linear result with the same format and bytes (the same
// code found again in the next pyramid layer or by the vertical scan, two copies of one code,
// or one code split in two) aborts. ODReader's own merging compares the fresh one-line result
// on the left and is safe.
//
// With maxNumberOfSymbols == 1, ReadBarcodes stops after the first result: its collection is
// empty whenever Contains() runs, whatever the other hints. So linear formats are always read
// one code per call here (the decoder paints over a code it has read and searches again), and
// matrix formats, which compare by position and never reach the assertion, are read many per
// call in calls of their own. The decoder tests prove this on a corpus on which ZXing's
// default options do abort.
#include "scanner/barcode_decoder_zxing.hpp"

#include <exception>

#include <ZXing/ReadBarcode.h>

namespace kiosk::decoding {
namespace {

constexpr auto kLinearFormats = ZXing::BarcodeFormat::Code128 | ZXing::BarcodeFormat::Code39 |
                                ZXing::BarcodeFormat::EAN13 | ZXing::BarcodeFormat::EAN8 | ZXing::BarcodeFormat::UPCA |
                                ZXing::BarcodeFormat::UPCE;

ZXing::DecodeHints hintsFor(const SearchSettings& settings) {
  ZXing::DecodeHints hints;
  switch (settings.threshold) {
    case Threshold::Local:
      hints.setBinarizer(ZXing::Binarizer::LocalAverage);
      break;
    case Threshold::Histogram:
      hints.setBinarizer(ZXing::Binarizer::GlobalHistogram);
      break;
    case Threshold::Fixed:
      hints.setBinarizer(ZXing::Binarizer::FixedThreshold);
      break;
  }
  hints.setTryHarder(settings.tryHarder);
  hints.setTryRotate(settings.tryRotate);
  hints.setTryDownscale(settings.tryDownscale);
  hints.setEanAddOnSymbol(ZXing::EanAddOnSymbol::Ignore);
  return hints;
}

DecodedCode toDecodedCode(const ZXing::Result& r) {
  DecodedCode code;
  // UTF-8 (ZX_USE_UTF8 is defined for every target that uses ZXing); control characters survive
  code.text = r.text();
  code.format = ZXing::ToString(r.format());
  code.symbologyIdentifier = r.symbologyIdentifier();
  const auto& pos = r.position();
  for (std::size_t i = 0; i < 4; ++i) code.position[i] = {pos[i].x, pos[i].y};
  return code;
}

std::vector<DecodedCode> run(const PixelView& view, const ZXing::DecodeHints& hints) {
  std::vector<DecodedCode> out;
  if (view.width < 8 || view.height < 8) return out;
  try {
    const ZXing::ImageView image(view.data, view.width, view.height, ZXing::ImageFormat::Lum, view.stride);
    for (const auto& r : ZXing::ReadBarcodes(image, hints))
      if (r.isValid()) out.push_back(toDecodedCode(r));
  } catch (const std::exception&) {
    // a library failure on one search is a search that found nothing; other passes go on
    out.clear();
  }
  return out;
}

}  // namespace

PixelView PixelView::cropped(int x, int y, int w, int h) const {
  const int x0 = std::max(0, x);
  const int y0 = std::max(0, y);
  const int x1 = std::min(width, x + w);
  const int y1 = std::min(height, y + h);
  if (x1 <= x0 || y1 <= y0) return {data, 0, 0, stride};
  return {data + static_cast<std::ptrdiff_t>(y0) * stride + x0, x1 - x0, y1 - y0, stride};
}

std::vector<DecodedCode> readOneLinearCode(const PixelView& view, const SearchSettings& settings) {
  auto hints = hintsFor(settings);
  hints.setFormats(kLinearFormats);
  hints.setMaxNumberOfSymbols(1);  // the abort guard: see the top of this file
  return run(view, hints);
}

std::vector<DecodedCode> readMatrixCodes(const PixelView& view, const SearchSettings& settings, bool qr,
                                         bool dataMatrix) {
  ZXing::BarcodeFormats formats;
  if (qr) formats |= ZXing::BarcodeFormat::QRCode;
  if (dataMatrix) formats |= ZXing::BarcodeFormat::DataMatrix;
  if (formats.empty()) return {};
  auto hints = hintsFor(settings);
  hints.setFormats(formats);  // never a linear format in a many-symbol call
  hints.setMaxNumberOfSymbols(32);
  return run(view, hints);
}

}  // namespace kiosk::decoding
