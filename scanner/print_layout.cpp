#include "scanner/print_layout.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

// Ordered: sizes and papers keep the order the file gives them, in messages too.
using json = nlohmann::ordered_json;

constexpr const char* kLabelFields[] = {"number", "serial", "customer", "intake", "due"};

json readJson(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read the file");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

// A positive number of millimetres or points: zero or negative sizes are typos.
double positive(const json& j, const char* key) {
  const double value = j.at(key).get<double>();
  if (!(value > 0)) throw std::runtime_error(std::string(key) + " must be greater than 0");
  return value;
}

double nonNegative(const json& j, const char* key) {
  const double value = j.at(key).get<double>();
  if (value < 0) throw std::runtime_error(std::string(key) + " must not be negative");
  return value;
}

std::filesystem::path fontPath(const std::filesystem::path& assetsDir, const std::string& file) {
  const std::filesystem::path path(file);
  return path.is_absolute() ? path : assetsDir / path;
}

FontFiles parseFonts(const json& j, const std::filesystem::path& assetsDir) {
  return FontFiles{fontPath(assetsDir, j.at("regular").get<std::string>()),
                   fontPath(assetsDir, j.at("bold").get<std::string>())};
}

TextAlign parseAlign(const std::string& text) {
  if (text == "left") return TextAlign::Left;
  if (text == "center") return TextAlign::Center;
  if (text == "right") return TextAlign::Right;
  throw std::runtime_error("align: '" + text + "' is not left, center or right");
}

LabelField parseField(const json& j) {
  LabelField f;
  f.field = j.at("field").get<std::string>();
  if (std::find(std::begin(kLabelFields), std::end(kLabelFields), f.field) == std::end(kLabelFields)) {
    throw std::runtime_error("field: '" + f.field + "' is not number, serial, customer, intake or due");
  }
  f.xMm = nonNegative(j, "x_mm");
  f.yMm = nonNegative(j, "y_mm");
  f.widthMm = positive(j, "width_mm");
  f.sizePt = positive(j, "size_pt");
  f.minSizePt = j.contains("min_size_pt") ? positive(j, "min_size_pt") : f.sizePt;
  f.bold = j.value("bold", false);
  f.align = parseAlign(j.value("align", std::string("left")));
  return f;
}

LabelLayout parseLabelSize(const std::string& name, const json& j) {
  LabelLayout l;
  l.size = name;
  l.widthMm = positive(j, "width_mm");
  l.heightMm = positive(j, "height_mm");
  const json& b = j.at("barcode");
  l.barcode = BarcodeBox{nonNegative(b, "x_mm"), nonNegative(b, "y_mm"), positive(b, "width_mm"),
                         positive(b, "height_mm"), positive(b, "max_module_mm")};
  if (l.barcode.xMm + l.barcode.widthMm > l.widthMm + 1e-6 || l.barcode.yMm + l.barcode.heightMm > l.heightMm + 1e-6) {
    throw std::runtime_error("barcode: the box runs off the label");
  }
  for (const auto& f : j.at("fields")) {
    LabelField field = parseField(f);
    if (field.xMm + field.widthMm > l.widthMm + 1e-6) {
      throw std::runtime_error("fields." + field.field + ": runs off the label's right edge");
    }
    l.fields.push_back(std::move(field));
  }
  return l;
}

template <class Parse>
auto loadFile(const std::filesystem::path& file, Parse parse) -> Result<decltype(parse(json{}))> {
  try {
    return parse(readJson(file));
  } catch (const std::exception& e) {
    return badInput("assets", file.string() + ": " + e.what());
  }
}

}  // namespace

const LabelLayout* LabelSheet::find(const std::string& size) const {
  for (const auto& l : sizes) {
    if (l.size == size) return &l;
  }
  return nullptr;
}

std::string LabelSheet::sizeNames() const {
  std::string names;
  for (const auto& l : sizes) names += (names.empty() ? "" : ", ") + l.size;
  return names;
}

Result<ReceiptLayout> ReceiptLayout::withPaper(const std::string& name) const {
  std::string upper = name;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  std::string known;
  for (const auto& p : papers) {
    if (p.name == upper) {
      ReceiptLayout copy = *this;
      copy.paper = p;
      return copy;
    }
    known += (known.empty() ? "" : ", ") + p.name;
  }
  return badInput("paper", "'" + name + "' is not a paper size the receipt knows (" + known + ")");
}

Result<LabelSheet> loadLabelSheet(const std::filesystem::path& assetsDir) {
  return loadFile(assetsDir / "print" / "label.json", [&](const json& j) {
    LabelSheet s;
    s.pngDpi = j.at("png_dpi").get<int>();
    s.zplDpi = j.at("zpl_dpi").get<int>();
    if (s.pngDpi < 72 || s.pngDpi > 1200) throw std::runtime_error("png_dpi: 72-1200");
    if (s.zplDpi != 203 && s.zplDpi != 300 && s.zplDpi != 600) throw std::runtime_error("zpl_dpi: 203, 300 or 600");
    s.fonts = parseFonts(j.at("fonts"), assetsDir);
    const json& p = j.at("printer");
    s.printer = PrinterSettings{p.at("port").get<int>(), p.at("connect_timeout_ms").get<int>(),
                                p.at("send_timeout_ms").get<int>()};
    for (const auto& [name, size] : j.at("sizes").items()) s.sizes.push_back(parseLabelSize(name, size));
    s.defaultSize = j.at("default_size").get<std::string>();
    if (s.find(s.defaultSize) == nullptr) throw std::runtime_error("default_size: no size '" + s.defaultSize + "'");
    return s;
  });
}

Result<ReceiptLayout> loadReceiptLayout(const std::filesystem::path& assetsDir) {
  return loadFile(assetsDir / "print" / "receipt.json", [&](const json& j) {
    ReceiptLayout r;
    const std::string paper = j.at("paper").get<std::string>();
    for (const auto& [name, size] : j.at("papers").items()) {
      PaperSize p{name, positive(size, "width_mm"), positive(size, "height_mm")};
      if (name == paper) {
        r.papers.insert(r.papers.begin(), p);
      } else {
        r.papers.push_back(p);
      }
    }
    if (r.papers.empty() || r.papers.front().name != paper) throw std::runtime_error("paper: no paper '" + paper + "'");
    r.paper = r.papers.front();
    r.fonts = parseFonts(j.at("fonts"), assetsDir);
    const json& m = j.at("margins_mm");
    r.marginTopMm = nonNegative(m, "top");
    r.marginRightMm = nonNegative(m, "right");
    r.marginBottomMm = nonNegative(m, "bottom");
    r.marginLeftMm = nonNegative(m, "left");
    const json& f = j.at("font_pt");
    r.titlePt = positive(f, "title");
    r.numberPt = positive(f, "number");
    r.headingPt = positive(f, "heading");
    r.bodyPt = positive(f, "body");
    r.smallPt = positive(f, "small");
    r.lineSpacing = positive(j, "line_spacing");
    r.fieldLabelMm = positive(j, "field_label_mm");
    r.sectionGapMm = nonNegative(j, "section_gap_mm");
    r.twoColumnsMinMm = positive(j, "two_columns_min_mm");
    r.qrSizeMm = positive(j, "qr_size_mm");
    for (const auto& p : r.papers) {
      if (r.marginLeftMm + r.marginRightMm + r.qrSizeMm + 40 > p.widthMm) {
        throw std::runtime_error("papers." + p.name + ": too narrow for the margins and the QR code");
      }
    }
    return r;
  });
}

}  // namespace kiosk
