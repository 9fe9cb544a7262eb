#include "scanner/device_label.hpp"

#include <algorithm>
#include <cmath>

#include "scanner/barcode_encoder.hpp"
#include "scanner/print_text.hpp"

namespace kiosk {

const std::string& LabelContent::field(const std::string& name) const {
  if (name == "serial") return serial;
  if (name == "customer") return customer;
  if (name == "intake") return intake;
  if (name == "due") return due;
  return number;
}

LabelContent makeLabelContent(const RepairCase& repairCase, const Translations& texts) {
  LabelContent c;
  c.number = repairCase.number;
  c.serial = texts.text("label.serial", {{"serial", repairCase.device.serial}});
  c.customer = shortPersonName(repairCase.customer.name);
  c.intake = texts.text("label.intake", {{"date", texts.shortDate(dateOf(repairCase.registeredAt))}});
  c.due = texts.text("label.due",
                     {{"date", repairCase.due ? texts.shortDate(*repairCase.due) : texts.text("label.no_due")}});
  return c;
}

Result<BarcodePlacement> placeBarcode(const BarcodeBox& box, int modules, int dpi) {
  const double dotsPerMm = dpi / 25.4;
  const int boxDots = static_cast<int>(std::floor(box.widthMm * dotsPerMm));
  const int widest = std::max(1, static_cast<int>(std::floor(box.maxModuleMm * dotsPerMm)));
  BarcodePlacement p;
  p.modules = modules;
  p.moduleDots = std::min(widest, boxDots / (modules + 2 * kCode128QuietModules));
  if (p.moduleDots < 1) {
    return badInput("size", "the barcode (" + std::to_string(modules) + " modules and its quiet zones) does not fit " +
                                "a " + std::to_string(box.widthMm) + " mm box at " + std::to_string(dpi) + " dpi");
  }
  const int symbolDots = modules * p.moduleDots;
  p.xDots = static_cast<int>(std::lround(box.xMm * dotsPerMm)) + (boxDots - symbolDots) / 2;
  p.yDots = static_cast<int>(std::lround(box.yMm * dotsPerMm));
  p.heightDots = static_cast<int>(std::lround(box.heightMm * dotsPerMm));
  return p;
}

Result<std::string> renderLabelPng(const LabelContent& content, const LabelLayout& layout, int dpi,
                                   std::shared_ptr<const PrintFonts> fonts) {
  auto symbol = encodeCode128(content.number);
  if (!symbol) return tl::unexpected(symbol.error());
  auto placed = placeBarcode(layout.barcode, symbol->width, dpi);
  if (!placed) return tl::unexpected(placed.error());
  auto canvas = Canvas::raster(layout.widthMm, layout.heightMm, dpi, std::move(fonts));
  if (!canvas) return tl::unexpected(canvas.error());

  const double dotsPerMm = canvas->dotsPerMm();
  canvas->modules(*symbol, placed->xDots / dotsPerMm, placed->yDots / dotsPerMm, placed->moduleDots / dotsPerMm,
                  placed->heightDots / dotsPerMm);
  for (const LabelField& f : layout.fields) {
    const FontWeight weight = f.bold ? FontWeight::Bold : FontWeight::Regular;
    const FittedText fitted = fitText(*canvas, content.field(f.field), weight, f.sizePt, f.minSizePt, f.widthMm);
    const double width = canvas->textWidth(fitted.text, weight, fitted.sizePt);
    double x = f.xMm;
    if (f.align == TextAlign::Center) x += (f.widthMm - width) / 2;
    if (f.align == TextAlign::Right) x += f.widthMm - width;
    // The baseline of the field's full size, so shrunk text still lines up with its row.
    canvas->text(x, f.yMm + canvas->metrics(weight, f.sizePt).ascentMm, fitted.text, weight, fitted.sizePt);
  }
  return canvas->finish();
}

}  // namespace kiosk
