#pragma once
// Label and receipt layouts, read from assets/print/label.json and receipt.json: sizes, positions
// in millimetres, font sizes in points, the font files. Data, so a service centre can move a
// field without a build.
#include <filesystem>
#include <string>
#include <vector>

#include "workflow/error.hpp"

namespace kiosk {

// The font files text is set in; embedded into PDFs, rasterised into PNGs.
struct FontFiles {
  std::filesystem::path regular;
  std::filesystem::path bold;
};

enum class TextAlign { Left, Center, Right };

// One line of text on a label. Text too wide for `widthMm` shrinks to `minSizePt`, then is cut
// with an ellipsis, so a long name never runs off the label.
struct LabelField {
  std::string field;  // number, serial, customer, intake, due
  double xMm = 0, yMm = 0, widthMm = 0;  // y: top of the line
  double sizePt = 8, minSizePt = 6;
  bool bold = false;
  TextAlign align = TextAlign::Left;
};

// Where the Code 128 goes: the symbol and its quiet zones are centred in the box.
struct BarcodeBox {
  double xMm = 0, yMm = 0, widthMm = 0, heightMm = 0;
  double maxModuleMm = 0.5;  // wider bars than this only waste label
};

struct LabelLayout {
  std::string size;  // "62x29", "4x2"
  double widthMm = 0, heightMm = 0;
  BarcodeBox barcode;
  std::vector<LabelField> fields;
};

struct PrinterSettings {
  int port = 9100;
  int connectTimeoutMs = 3000;
  int sendTimeoutMs = 10000;
};

struct LabelSheet {
  int pngDpi = 300;
  int zplDpi = 203;
  std::string defaultSize;
  FontFiles fonts;
  PrinterSettings printer;
  std::vector<LabelLayout> sizes;

  [[nodiscard]] const LabelLayout* find(const std::string& size) const;
  [[nodiscard]] std::string sizeNames() const;  // "62x29, 4x2", for messages
};

struct PaperSize {
  std::string name;  // A4, A5
  double widthMm = 0, heightMm = 0;
};

struct ReceiptLayout {
  PaperSize paper;
  std::vector<PaperSize> papers;  // every paper the layout knows, the default first
  FontFiles fonts;
  double marginTopMm = 15, marginRightMm = 18, marginBottomMm = 15, marginLeftMm = 18;
  double titlePt = 12, numberPt = 26, headingPt = 11, bodyPt = 9.5, smallPt = 8;
  double lineSpacing = 1.25;  // line height as a multiple of the font size
  double fieldLabelMm = 38;   // width of the label column of "label: value" rows
  double sectionGapMm = 4.5;
  double twoColumnsMinMm = 75;  // narrower than this, short sections stack instead of pairing
  double qrSizeMm = 32;

  // Picks another of `papers` ("a5" or "A5"); BadInput on "paper" when there is no such paper.
  [[nodiscard]] Result<ReceiptLayout> withPaper(const std::string& name) const;
};

// Both read <assetsDir>/print/<file>.json; errors name the file and the key. Relative font
// paths are relative to the assets folder.
[[nodiscard]] Result<LabelSheet> loadLabelSheet(const std::filesystem::path& assetsDir);
[[nodiscard]] Result<ReceiptLayout> loadReceiptLayout(const std::filesystem::path& assetsDir);

}  // namespace kiosk
