// ZPL II for Zebra label printers: the device label from the same layout as the PNG.
#include <cmath>
#include <cstdio>

#include "scanner/device_label.hpp"
#include "scanner/print_text.hpp"

namespace kiosk {
namespace {

// Font 0 (CG Triumvirate Bold Condensed) set at height h is rarely wider than this per
// character; the printer cannot tell us, so we cut text to this estimate before it overflows.
constexpr double kFont0WidthPerHeight = 0.6;

int dots(double mm, int dpi) { return static_cast<int>(std::lround(mm * dpi / 25.4)); }

// ^FH\ makes \XX a hex byte; the characters ZPL reads as commands (^ ~) and the escape
// itself are written that way, so a customer named "A^B" cannot end the field early.
std::string fieldData(std::string_view text) {
  std::string out;
  for (const char c : printableText(text)) {
    if (c == '^' || c == '~' || c == '\\') {
      char hex[4];
      std::snprintf(hex, sizeof hex, "\\%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += hex;
    } else {
      out += c;
    }
  }
  return out;
}

struct ZplText {
  std::string text;
  int heightDots = 0;
};

// Shrinks to the field's smallest size, then cuts (with "...", which every Zebra font has).
ZplText fitZpl(std::string_view text, const LabelField& f, int dpi) {
  const int widthDots = dots(f.widthMm, dpi);
  const auto chars = utf8Characters(text);
  const auto fits = [&](std::size_t count, int height) {
    return static_cast<double>(count) * kFont0WidthPerHeight * height <= widthDots;
  };
  const int largest = static_cast<int>(std::lround(f.sizePt * dpi / 72.0));
  const int smallest = static_cast<int>(std::lround(f.minSizePt * dpi / 72.0));
  int height = largest;
  while (height > smallest && !fits(chars.size(), height)) --height;
  if (fits(chars.size(), height)) return ZplText{std::string(text), height};
  std::string cut;
  for (std::size_t n = 0; n < chars.size() && fits(n + 4, height); ++n) cut += chars[n];
  return ZplText{cut + "...", height};
}

char justification(TextAlign align) {
  switch (align) {
    case TextAlign::Center: return 'C';
    case TextAlign::Right: return 'R';
    case TextAlign::Left: break;
  }
  return 'L';
}

}  // namespace

Result<std::string> renderLabelZpl(const LabelContent& content, const LabelLayout& layout, int dpi) {
  if (dpi != 203 && dpi != 300 && dpi != 600) return badInput("dpi", std::to_string(dpi) + " is not 203, 300 or 600");
  // The barcode's data cannot be escaped (^FH would be printed into the bars): plain ASCII only,
  // without ZPL's command characters and Code 128's invocation mark '>'.
  for (const char c : content.number) {
    if (c < 0x21 || c > 0x7e || c == '^' || c == '~' || c == '\\' || c == '>') {
      return badInput("case", "'" + content.number + "' cannot be a Code 128 field on a Zebra label");
    }
  }
  if (content.number.empty()) return badInput("case", "no case number to print");
  // The printer encodes the bars itself, in code set B for our numbers: start, one symbol per
  // character, check and stop (11 modules each, 13 for stop).
  const int modules = 11 + 11 * static_cast<int>(content.number.size()) + 11 + 13;
  auto placed = placeBarcode(layout.barcode, modules, dpi);
  if (!placed) return tl::unexpected(placed.error());

  std::string zpl;
  const auto line = [&zpl](const std::string& text) { zpl += text + "\n"; };
  line("^XA");
  line("^CI28");  // field data is UTF-8: æøå print as themselves
  line("^PW" + std::to_string(dots(layout.widthMm, dpi)));
  line("^LL" + std::to_string(dots(layout.heightMm, dpi)));
  line("^LH0,0");
  line("^FO" + std::to_string(placed->xDots) + "," + std::to_string(placed->yDots) + "^BY" +
       std::to_string(placed->moduleDots) + ",3," + std::to_string(placed->heightDots) + "^BCN," +
       std::to_string(placed->heightDots) + ",N,N,N,N^FD" + fieldData(content.number) + "^FS");
  for (const LabelField& f : layout.fields) {
    const ZplText fitted = fitZpl(printableText(content.field(f.field)), f, dpi);
    const std::string h = std::to_string(fitted.heightDots);
    // ^FO places the top of the text: a shrunk line moves down to keep its row's baseline
    // (font 0's baseline sits about three quarters down its height).
    const int nominal = static_cast<int>(std::lround(f.sizePt * dpi / 72.0));
    const int y = dots(f.yMm, dpi) + (nominal - fitted.heightDots) * 3 / 4;
    line("^FO" + std::to_string(dots(f.xMm, dpi)) + "," + std::to_string(y) + "^A0N," + h + "," + h +
         "^FB" + std::to_string(dots(f.widthMm, dpi)) + ",1,0," + justification(f.align) + ",0^FH\\^FD" +
         fieldData(fitted.text) + "^FS");
  }
  line("^PQ1");
  line("^XZ");
  return zpl;
}

}  // namespace kiosk
