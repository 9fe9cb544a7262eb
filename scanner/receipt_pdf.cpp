// Lays the receipt out on pages (measuring with the PDF's own fonts), then draws the pages: two
// passes, so every footer can say "page 1 of 2".
#include <algorithm>

#include "scanner/barcode_encoder.hpp"
#include "scanner/customer_receipt.hpp"

namespace kiosk {
namespace {

constexpr double kLabelGray = 0.35;   // field labels: readable, but quieter than the values
constexpr double kColumnGapMm = 6;    // between the header text and the QR code
constexpr double kBulletIndentMm = 5;
constexpr double kNoBottom = 1e9;     // a page that never ends: for measuring

struct TextRun {
  double x = 0, baseline = 0;
  std::string text;
  FontWeight weight = FontWeight::Regular;
  double sizePt = 0;
  double gray = 0;
};

struct PageDraft {
  std::vector<TextRun> runs;
  std::vector<double> rules;  // y of full-width lines
};

class ReceiptComposer {
 public:
  ReceiptComposer(const Canvas& canvas, const ReceiptLayout& layout) : m_canvas(canvas), m_l(layout) {
    m_left = m_l.marginLeftMm;
    m_width = m_l.paper.widthMm - m_l.marginLeftMm - m_l.marginRightMm;
    m_fullWidth = m_width;
    // Room at the bottom of every page for the footer line.
    m_bottom = m_l.paper.heightMm - m_l.marginBottomMm - lineHeight(m_l.smallPt) * 2;
    m_pages.emplace_back();
    m_y = m_l.marginTopMm;
  }

  [[nodiscard]] double lineHeight(double sizePt) const { return pointsToMm(sizePt) * m_l.lineSpacing; }

  // The header: text on the left, the QR code and its caption on the right.
  void header(const ReceiptContent& c, double qrBottom) {
    const double column = m_width - m_l.qrSizeMm - kColumnGapMm;
    line(c.issuer, FontWeight::Bold, m_l.bodyPt, m_left, column);
    line(c.title, FontWeight::Regular, m_l.titlePt, m_left, column);
    m_y += 2;
    line(c.numberLabel, FontWeight::Regular, m_l.smallPt, m_left, column, kLabelGray);
    line(c.number, FontWeight::Bold, m_l.numberPt, m_left, column);
    if (!c.customerCode.empty()) {
      line(c.codeLabel, FontWeight::Regular, m_l.smallPt, m_left, column, kLabelGray);
      line(c.customerCode, FontWeight::Bold, m_l.titlePt, m_left, column);
    }
    line(c.registered, FontWeight::Regular, m_l.bodyPt, m_left, column);
    m_y += 1.5;
    paragraph(c.note, FontWeight::Regular, m_l.smallPt, m_left, column, kLabelGray);
    const double textBottom = m_y;
    m_y = qrBottom + 1.5;
    const double qrX = m_left + m_width - m_l.qrSizeMm;
    for (const auto& text : wrapText(m_canvas, c.qrCaption, FontWeight::Regular, m_l.smallPt, m_l.qrSizeMm)) {
      const double w = m_canvas.textWidth(text, FontWeight::Regular, m_l.smallPt);
      place(text, FontWeight::Regular, m_l.smallPt, qrX + (m_l.qrSizeMm - w) / 2, 0);
    }
    m_y = std::max(m_y, textBottom) + 2;
    m_pages.back().rules.push_back(m_y);
    m_y += m_l.sectionGapMm;
  }

  // Two short sections side by side when both fit on this page (or the next), else one after
  // the other.
  void sectionPair(const ReceiptSection& a, const ReceiptSection& b) {
    const double half = (m_width - kColumnGapMm) / 2;
    const double height = std::max(measure(a, half), measure(b, half));
    if (half < m_l.twoColumnsMinMm || height > pageSpace()) {
      section(a);
      section(b);
      return;
    }
    if (m_y + height > m_bottom) newPage();
    const double left = m_left, width = m_width, top = m_y;
    m_width = half;
    section(a);
    m_y = top;
    m_left = left + half + kColumnGapMm;
    section(b);
    m_left = left;
    m_width = width;
    m_y = top + height;
  }

  void section(const ReceiptSection& s) {
    // A section that fits on a page is not split: it starts on the next page instead.
    const double height = measure(s, m_width);
    if (height <= pageSpace() && m_y + height > m_bottom) newPage();
    // A heading is never the last thing on a page: it keeps two lines of its section with it.
    if (m_y + lineHeight(m_l.headingPt) + 2 * lineHeight(m_l.bodyPt) > m_bottom) newPage();
    sectionBody(s);
  }

  void sectionBody(const ReceiptSection& s) {
    m_labelColumn = m_l.fieldLabelMm;
    if (m_width < m_fullWidth) {
      // In a column, the labels take what the longest of them needs, and values the rest.
      double widest = 0;
      for (const ReceiptLine& l : s.lines) {
        if (l.kind == ReceiptLine::Kind::Field) widest = std::max(widest, m_canvas.textWidth(l.label, FontWeight::Regular, m_l.bodyPt));
      }
      m_labelColumn = std::min(m_l.fieldLabelMm, widest + 3);
    }
    line(s.heading, FontWeight::Bold, m_l.headingPt, m_left, m_width);
    m_y += 0.8;
    for (const ReceiptLine& l : s.lines) {
      switch (l.kind) {
        case ReceiptLine::Kind::Field: field(l.label, l.text); break;
        case ReceiptLine::Kind::Paragraph: paragraph(l.text, FontWeight::Regular, m_l.bodyPt, m_left, m_width); break;
        case ReceiptLine::Kind::Bullet: bullet(l.text); break;
      }
    }
    m_y += m_l.sectionGapMm;
  }

  [[nodiscard]] std::vector<PageDraft> pages() && { return std::move(m_pages); }

 private:
  // The height a section takes in a column `width` wide, measured on a page without end.
  [[nodiscard]] double measure(const ReceiptSection& s, double width) const {
    ReceiptComposer probe(m_canvas, m_l);
    probe.m_left = m_left;
    probe.m_width = width;
    probe.m_bottom = kNoBottom;
    probe.sectionBody(s);
    return probe.m_y - probe.m_l.marginTopMm;
  }

  [[nodiscard]] double pageSpace() const { return m_bottom - m_l.marginTopMm; }

  void newPage() {
    m_pages.emplace_back();
    m_y = m_l.marginTopMm;
  }

  // One line at the cursor, moving it down; a new page first when the line would not fit.
  void place(const std::string& text, FontWeight weight, double sizePt, double x, double gray) {
    const double height = lineHeight(sizePt);
    if (m_y + height > m_bottom) newPage();
    const LineMetrics m = m_canvas.metrics(weight, sizePt);
    // Centre the glyphs' box in the line's height.
    const double baseline = m_y + (height - (m.ascentMm + m.descentMm)) / 2 + m.ascentMm;
    m_pages.back().runs.push_back(TextRun{x, baseline, text, weight, sizePt, gray});
    m_y += height;
  }

  void line(const std::string& text, FontWeight weight, double sizePt, double x, double width, double gray = 0) {
    paragraph(text, weight, sizePt, x, width, gray);
  }

  void paragraph(const std::string& text, FontWeight weight, double sizePt, double x, double width, double gray = 0) {
    for (const auto& l : wrapText(m_canvas, text, weight, sizePt, width)) place(l, weight, sizePt, x, gray);
    m_y += 0.6;
  }

  void bullet(const std::string& text) {
    const auto lines = wrapText(m_canvas, text, FontWeight::Regular, m_l.bodyPt, m_width - kBulletIndentMm);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i == 0) {
        // The bullet goes with its first line, even across a page break.
        if (m_y + lineHeight(m_l.bodyPt) > m_bottom) newPage();
        const double y = m_y;
        place("•", FontWeight::Regular, m_l.bodyPt, m_left + 1.2, 0);
        m_y = y;
      }
      place(lines[i], FontWeight::Regular, m_l.bodyPt, m_left + kBulletIndentMm, 0);
    }
    m_y += 0.3;
  }

  // "Label   value": the label in its column, the value wrapped beside it.
  void field(const std::string& label, const std::string& value) {
    const double labelColumn = m_labelColumn;
    const auto labels = wrapText(m_canvas, label, FontWeight::Regular, m_l.bodyPt, labelColumn - 2);
    const auto values = wrapText(m_canvas, value, FontWeight::Regular, m_l.bodyPt, m_width - labelColumn);
    const std::size_t rows = std::max(labels.size(), values.size());
    for (std::size_t i = 0; i < rows; ++i) {
      if (m_y + lineHeight(m_l.bodyPt) > m_bottom) newPage();
      const double y = m_y;
      if (i < labels.size()) place(labels[i], FontWeight::Regular, m_l.bodyPt, m_left, kLabelGray);
      m_y = y;
      if (i < values.size()) place(values[i], FontWeight::Regular, m_l.bodyPt, m_left + labelColumn, 0);
      m_y = y + lineHeight(m_l.bodyPt);
    }
    m_y += 0.4;
  }

  const Canvas& m_canvas;
  const ReceiptLayout& m_l;
  double m_left = 0, m_width = 0, m_fullWidth = 0, m_bottom = 0, m_y = 0;
  double m_labelColumn = 0;
  std::vector<PageDraft> m_pages;
};

}  // namespace

Result<std::string> renderReceiptPdf(const ReceiptContent& content, const ReceiptLayout& layout,
                                     std::shared_ptr<const PrintFonts> fonts) {
  const auto qr = encodeQrCode(content.qrPayload);
  if (!qr) return tl::unexpected(qr.error());
  auto canvas = Canvas::pdf(layout.paper.widthMm, layout.paper.heightMm, std::move(fonts), content.documentTitle);
  if (!canvas) return tl::unexpected(canvas.error());

  const double qrX = layout.paper.widthMm - layout.marginRightMm - layout.qrSizeMm;
  const double qrY = layout.marginTopMm;
  ReceiptComposer composer(*canvas, layout);
  composer.header(content, qrY + layout.qrSizeMm);
  for (std::size_t i = 0; i < content.sections.size(); ++i) {
    const ReceiptSection& s = content.sections[i];
    if (s.besideNext && i + 1 < content.sections.size()) {
      composer.sectionPair(s, content.sections[i + 1]);
      ++i;
    } else {
      composer.section(s);
    }
  }
  const std::vector<PageDraft> pages = std::move(composer).pages();

  const double moduleMm = layout.qrSizeMm / (qr->width + 2 * kQrQuietModules);
  const double footerBaseline = layout.paper.heightMm - layout.marginBottomMm;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (p > 0) canvas->nextPage();
    if (p == 0) {
      canvas->modules(*qr, qrX + kQrQuietModules * moduleMm, qrY + kQrQuietModules * moduleMm, moduleMm, moduleMm);
    }
    for (const double y : pages[p].rules) {
      canvas->line(layout.marginLeftMm, y, layout.paper.widthMm - layout.marginRightMm, y, 0.3);
    }
    for (const TextRun& run : pages[p].runs) canvas->text(run.x, run.baseline, run.text, run.weight, run.sizePt, run.gray);
    const TextArg args[] = {{"page", std::to_string(p + 1)}, {"pages", std::to_string(pages.size())}};
    const std::string footer = Translations::fill(content.footer, args);
    const double w = canvas->textWidth(footer, FontWeight::Regular, layout.smallPt);
    canvas->text((layout.paper.widthMm - w) / 2, footerBaseline, footer, FontWeight::Regular, layout.smallPt, kLabelGray);
  }
  return canvas->finish();
}

}  // namespace kiosk
