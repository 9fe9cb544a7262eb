#pragma once
// The label stuck on a device at intake: the case number as Code 128 and as text, the serial,
// the owner's short name, intake and due dates. Rendered as a PNG for any printer, or as ZPL II
// for Zebra label printers; both from the same layout (assets/print/label.json).
#include <memory>
#include <string>

#include "scanner/print_canvas.hpp"
#include "scanner/print_layout.hpp"
#include "workflow/error.hpp"
#include "workflow/repair_case.hpp"
#include "workflow/translations.hpp"

namespace kiosk {

// What the label says, every line already in the label's language.
struct LabelContent {
  std::string number;    // the case number: the barcode's content too
  std::string serial;    // "S/N C02XK0JHJG5H"
  std::string customer;  // "Kari N."
  std::string intake;    // "Inn 25.11.2026"
  std::string due;       // "Frist 28.11.2026", or "Frist —" before the clock starts

  // The text of a layout field by its name (number, serial, customer, intake, due).
  [[nodiscard]] const std::string& field(const std::string& name) const;
};

[[nodiscard]] LabelContent makeLabelContent(const RepairCase& repairCase, const Translations& texts);

// How the Code 128 lands on the label: whole dots per module, centred in the layout's box.
struct BarcodePlacement {
  int modules = 0;       // bars and spaces of the symbol, quiet zones excluded
  int moduleDots = 0;
  int xDots = 0, yDots = 0, heightDots = 0;
};
// BadInput on "size" when the symbol and its quiet zones do not fit the box at `dpi`.
[[nodiscard]] Result<BarcodePlacement> placeBarcode(const BarcodeBox& box, int modules, int dpi);

// A PNG at `dpi` with the page size of the label.
[[nodiscard]] Result<std::string> renderLabelPng(const LabelContent& content, const LabelLayout& layout, int dpi,
                                                 std::shared_ptr<const PrintFonts> fonts);
// ZPL II for a Zebra printer at `dpi` (203, 300 or 600): ^XA ... ^XZ, UTF-8 text (^CI28).
[[nodiscard]] Result<std::string> renderLabelZpl(const LabelContent& content, const LabelLayout& layout, int dpi);

}  // namespace kiosk
