#include "scanner/barcode_encoder.hpp"

#include <exception>
#include <string>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

namespace kiosk {
namespace {

// ZXing 1.4.0 maps 0-8 onto L, M, Q, H; 6 is Q (25 % of the symbol can be lost).
constexpr int kQrEccLevel = 6;

ModuleMatrix toModules(const ZXing::BitMatrix& bits) {
  ModuleMatrix m;
  m.width = bits.width();
  m.height = bits.height();
  m.dark.resize(static_cast<std::size_t>(m.width) * static_cast<std::size_t>(m.height));
  for (int y = 0; y < m.height; ++y) {
    for (int x = 0; x < m.width; ++x) {
      m.dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(m.width) + static_cast<std::size_t>(x)] =
          bits.get(x, y) ? 1 : 0;
    }
  }
  return m;
}

Result<ModuleMatrix> encode(ZXing::BarcodeFormat format, std::string_view text, int eccLevel, const char* what) {
  if (text.empty()) return badInput(what, "nothing to encode");
  try {
    ZXing::MultiFormatWriter writer(format);
    writer.setMargin(0);  // quiet zones are the layout's business
    if (eccLevel >= 0) writer.setEccLevel(eccLevel);
    // Width and height 0: one pixel per module, the symbol's natural size.
    return toModules(writer.encode(std::string(text), 0, 0));
  } catch (const std::exception& e) {
    return badInput(what, std::string("cannot encode '") + std::string(text) + "': " + e.what());
  }
}

}  // namespace

Result<ModuleMatrix> encodeCode128(std::string_view text) {
  for (const char c : text) {
    if (c < 0x20 || c > 0x7e) return badInput("barcode", "Code 128 labels carry printable ASCII only");
  }
  return encode(ZXing::BarcodeFormat::Code128, text, -1, "barcode");
}

Result<ModuleMatrix> encodeQrCode(std::string_view text) {
  return encode(ZXing::BarcodeFormat::QRCode, text, kQrEccLevel, "qr");
}

}  // namespace kiosk
