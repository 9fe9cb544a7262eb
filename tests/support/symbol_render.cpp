// ZXing's writer gives the module pattern; everything about how it looks on paper is ours.
#include "support/symbol_render.hpp"

#include <stdexcept>
#include <string>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

namespace kiosk::photos {
namespace {

ZXing::BarcodeFormat zxingFormat(const std::string& name) {
  using F = ZXing::BarcodeFormat;
  if (name == "Code128") return F::Code128;
  if (name == "Code39") return F::Code39;
  if (name == "QRCode") return F::QRCode;
  if (name == "DataMatrix") return F::DataMatrix;
  if (name == "EAN-13") return F::EAN13;
  if (name == "EAN-8") return F::EAN8;
  if (name == "UPC-A") return F::UPCA;
  if (name == "UPC-E") return F::UPCE;
  throw std::invalid_argument("unknown symbology " + name);
}

// EAN-5 add-on: start guard 1011, five digits in L/G parity chosen by the checksum, 01 between.
std::vector<std::uint8_t> eanFiveAddOn(const std::string& digits) {
  static constexpr const char* kL[] = {"0001101", "0011001", "0010011", "0111101", "0100011",
                                       "0110001", "0101111", "0111011", "0110111", "0001011"};
  static constexpr const char* kG[] = {"0100111", "0110011", "0011011", "0100001", "0011101",
                                       "0111001", "0000101", "0010001", "0001001", "0010111"};
  static constexpr const char* kParity[] = {"GGLLL", "GLGLL", "GLLGL", "GLLLG", "LGGLL",
                                            "LLGGL", "LLLGG", "LGLGL", "LGLLG", "LLGLG"};
  int d[5];
  for (int i = 0; i < 5; ++i) d[i] = digits[static_cast<std::size_t>(i)] - '0';
  const int check = (3 * (d[0] + d[2] + d[4]) + 9 * (d[1] + d[3])) % 10;
  std::string bits = "1011";
  for (int i = 0; i < 5; ++i) {
    if (i > 0) bits += "01";
    bits += kParity[check][i] == 'L' ? kL[d[i]] : kG[d[i]];
  }
  std::vector<std::uint8_t> out;
  for (char c : bits) out.push_back(c == '1' ? 1 : 0);
  return out;
}

// ZXing writes Code 39 with wide elements twice the narrow ones, the least the standard allows;
// label printers use about 3:1, which is what the photos show.
std::vector<std::uint8_t> widenCode39(const std::vector<std::uint8_t>& row) {
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i < row.size();) {
    std::size_t run = 1;
    while (i + run < row.size() && row[i + run] == row[i]) ++run;
    out.insert(out.end(), run == 2 ? 3 : run, row[i]);
    i += run;
  }
  return out;
}

}  // namespace

Modules encodeModules(const CodeSpec& code) {
  const auto format = zxingFormat(code.format);
  ZXing::MultiFormatWriter writer(format);
  writer.setMargin(0);
  if (format == ZXing::BarcodeFormat::QRCode && code.text.size() > 1000) writer.setEccLevel(0);
  ZXing::BitMatrix bits;
  try {
    bits = writer.encode(code.text, 0, 0);
  } catch (const std::exception& e) {
    throw std::invalid_argument(code.format + " cannot hold '" + code.text + "': " + e.what());
  }
  Modules m;
  m.width = bits.width();
  m.height = bits.height();
  const bool linear = (ZXing::BarcodeFormats(ZXing::BarcodeFormat::LinearCodes)).testFlag(format);
  if (linear) m.height = 1;
  for (int y = 0; y < m.height; ++y)
    for (int x = 0; x < m.width; ++x) m.dark.push_back(bits.get(x, y) ? 1 : 0);
  if (format == ZXing::BarcodeFormat::Code39) m.dark = widenCode39(m.dark);
  m.width = static_cast<int>(m.dark.size()) / m.height;
  if (linear && code.eanAddOn) {
    unsigned hash = 17;
    for (char c : code.text) hash = hash * 31 + static_cast<unsigned char>(c);
    const auto addOn = eanFiveAddOn(std::to_string(10000 + hash % 90000));
    const int gap = 9;
    m.dark.insert(m.dark.end(), static_cast<std::size_t>(gap), 0);
    m.addOnStart = m.width + gap;
    m.dark.insert(m.dark.end(), addOn.begin(), addOn.end());
    m.width = static_cast<int>(m.dark.size());
  }
  return m;
}

}  // namespace kiosk::photos
