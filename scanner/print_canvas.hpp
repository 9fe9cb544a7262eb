#pragma once
// A page to draw labels and receipts on, in millimetres: a raster (PNG at a printer's dpi) or a
// PDF with its fonts embedded. Cairo and FreeType stay behind this header.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/barcode_encoder.hpp"
#include "scanner/print_layout.hpp"
#include "workflow/error.hpp"

namespace kiosk {

enum class FontWeight { Regular, Bold };

// The regular and bold faces, loaded once from their files through FreeType and shared by
// every canvas drawn with them.
class PrintFonts {
 public:
  // BadInput on "assets" naming the file when a font is missing or not a font.
  [[nodiscard]] static Result<std::shared_ptr<const PrintFonts>> load(const FontFiles& files);
  ~PrintFonts();
  PrintFonts(const PrintFonts&) = delete;
  PrintFonts& operator=(const PrintFonts&) = delete;

  struct Impl;
  [[nodiscard]] const Impl& impl() const { return *m_impl; }

 private:
  explicit PrintFonts(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

struct LineMetrics {
  double ascentMm = 0;   // baseline to the top of the tallest glyph (Å)
  double descentMm = 0;  // baseline to the bottom of the lowest (g, j)
};

class Canvas {
 public:
  // A white raster page; drawings snap to whole dots where it matters (barcode modules).
  [[nodiscard]] static Result<Canvas> raster(double widthMm, double heightMm, int dpi,
                                             std::shared_ptr<const PrintFonts> fonts);
  [[nodiscard]] static Result<Canvas> pdf(double widthMm, double heightMm, std::shared_ptr<const PrintFonts> fonts,
                                          const std::string& title);
  Canvas(Canvas&& other) noexcept;
  Canvas& operator=(Canvas&& other) noexcept;
  ~Canvas();

  [[nodiscard]] double textWidth(std::string_view text, FontWeight weight, double sizePt) const;
  [[nodiscard]] LineMetrics metrics(FontWeight weight, double sizePt) const;
  // Text with its baseline at `baselineMm`, black or a grey (0 black .. 1 white). Any bytes are
  // safe: see printableText().
  void text(double xMm, double baselineMm, std::string_view text, FontWeight weight, double sizePt,
            double gray = 0.0);
  // Dark modules as filled squares (rows of a 2D code) or bars `rowMm` high (a linear code).
  // On a raster, positions and sizes are rounded to whole dots so no bar is smeared.
  void modules(const ModuleMatrix& matrix, double xMm, double yMm, double moduleMm, double rowMm);
  void line(double x1Mm, double y1Mm, double x2Mm, double y2Mm, double widthMm);
  void nextPage();

  // Dots per millimetre on a raster; 0 for a PDF, which has no dots.
  [[nodiscard]] double dotsPerMm() const;
  // The finished PNG (with its dpi recorded) or PDF. The canvas is spent after this.
  [[nodiscard]] Result<std::string> finish();

 private:
  struct Impl;
  explicit Canvas(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

// Greedy line breaking at spaces; a word wider than the line is broken between characters.
[[nodiscard]] std::vector<std::string> wrapText(const Canvas& canvas, std::string_view text, FontWeight weight,
                                                double sizePt, double widthMm);

struct FittedText {
  std::string text;
  double sizePt = 0;
};
// The largest size from maxPt down to minPt (half-point steps) at which the text fits; at
// minPt, the text cut with "…".
[[nodiscard]] FittedText fitText(const Canvas& canvas, std::string_view text, FontWeight weight, double maxPt,
                                 double minPt, double widthMm);

[[nodiscard]] constexpr double pointsToMm(double pt) { return pt * 25.4 / 72.0; }

}  // namespace kiosk
