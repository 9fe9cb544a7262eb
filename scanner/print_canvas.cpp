#include "scanner/print_canvas.hpp"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "scanner/print_text.hpp"

namespace kiosk {
namespace {

// One FreeType library for the faces of one PrintFonts. Cairo may keep a face in its font cache
// after the PrintFonts is gone, so each face holds the library alive until cairo lets it go.
struct FtLibrary {
  FT_Library library = nullptr;
  FtLibrary() = default;
  FtLibrary(const FtLibrary&) = delete;
  FtLibrary& operator=(const FtLibrary&) = delete;
  ~FtLibrary() {
    if (library != nullptr) FT_Done_FreeType(library);
  }
};

struct FaceHolder {
  FT_Face face = nullptr;
  std::shared_ptr<FtLibrary> library;
};

const cairo_user_data_key_t kFaceKey{};

void releaseFace(void* data) {
  auto* holder = static_cast<FaceHolder*>(data);
  FT_Done_Face(holder->face);
  delete holder;  // NOLINT(cppcoreguidelines-owning-memory): cairo owns it through user data
}

Result<cairo_font_face_t*> loadFace(const std::shared_ptr<FtLibrary>& library, const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    return badInput("assets", "font file " + file.string() + " does not exist (Debian: fonts-dejavu-core)");
  }
  FT_Face face = nullptr;
  if (FT_New_Face(library->library, file.c_str(), 0, &face) != 0) {
    return badInput("assets", file.string() + " is not a font FreeType can read");
  }
  if (!FT_IS_SCALABLE(face)) {
    FT_Done_Face(face);
    return badInput("assets", file.string() + " is a bitmap font; labels and receipts need an outline font");
  }
  cairo_font_face_t* cairoFace = cairo_ft_font_face_create_for_ft_face(face, 0);
  auto* holder = new FaceHolder{face, library};  // NOLINT(cppcoreguidelines-owning-memory)
  if (cairo_font_face_set_user_data(cairoFace, &kFaceKey, holder, releaseFace) != CAIRO_STATUS_SUCCESS) {
    cairo_font_face_destroy(cairoFace);
    releaseFace(holder);
    return badInput("assets", "cannot use " + file.string() + " (out of memory)");
  }
  return cairoFace;
}

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const char c : bytes) {
    crc ^= static_cast<std::uint8_t>(c);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

void appendBigEndian(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xFFu);
}

// Cairo writes no resolution into PNGs; a pHYs chunk right after IHDR tells a print dialog that
// the picture is 62 mm wide, not 732 pixels at whatever the screen's dpi is.
std::string withResolution(std::string png, double dotsPerMm) {
  constexpr std::size_t kAfterHeader = 8 + 4 + 4 + 13 + 4;
  if (png.size() < kAfterHeader || png.compare(12, 4, "IHDR") != 0) return png;
  const auto perMetre = static_cast<std::uint32_t>(std::lround(dotsPerMm * 1000.0));
  std::string body = "pHYs";
  appendBigEndian(body, perMetre);
  appendBigEndian(body, perMetre);
  body += '\x01';  // unit: metre
  std::string chunk;
  appendBigEndian(chunk, 9);
  chunk += body;
  appendBigEndian(chunk, crc32(body));
  png.insert(kAfterHeader, chunk);
  return png;
}

}  // namespace

struct PrintFonts::Impl {
  cairo_font_face_t* regular = nullptr;
  cairo_font_face_t* bold = nullptr;
  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    if (regular != nullptr) cairo_font_face_destroy(regular);
    if (bold != nullptr) cairo_font_face_destroy(bold);
  }
  [[nodiscard]] cairo_font_face_t* face(FontWeight weight) const { return weight == FontWeight::Bold ? bold : regular; }
};

PrintFonts::PrintFonts(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
PrintFonts::~PrintFonts() = default;

Result<std::shared_ptr<const PrintFonts>> PrintFonts::load(const FontFiles& files) {
  auto library = std::make_shared<FtLibrary>();
  if (FT_Init_FreeType(&library->library) != 0) return badInput("assets", "FreeType could not start");
  auto impl = std::make_unique<Impl>();
  auto regular = loadFace(library, files.regular);
  if (!regular) return tl::unexpected(regular.error());
  impl->regular = *regular;
  auto bold = loadFace(library, files.bold);
  if (!bold) return tl::unexpected(bold.error());
  impl->bold = *bold;
  return std::shared_ptr<const PrintFonts>(new PrintFonts(std::move(impl)));
}

struct Canvas::Impl {
  std::shared_ptr<const PrintFonts> fonts;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  double dotsPerMm = 0;  // 0: a PDF
  std::string pdf;       // the PDF stream as cairo writes it

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    if (cr != nullptr) cairo_destroy(cr);
    if (surface != nullptr) cairo_surface_destroy(surface);
  }

  void setFont(FontWeight weight, double sizePt) const {
    cairo_set_font_face(cr, fonts->impl().face(weight));
    cairo_set_font_size(cr, pointsToMm(sizePt));
  }

  // Metrics unhinted on both kinds of page, so a line measured for the PNG fits the PDF too.
  void setUp(double scale) const {
    cairo_scale(cr, scale, scale);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);
    cairo_set_source_rgb(cr, 0, 0, 0);
  }
};

Canvas::Canvas(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Canvas::Canvas(Canvas&& other) noexcept = default;
Canvas& Canvas::operator=(Canvas&& other) noexcept = default;
Canvas::~Canvas() = default;

Result<Canvas> Canvas::raster(double widthMm, double heightMm, int dpi, std::shared_ptr<const PrintFonts> fonts) {
  auto impl = std::make_unique<Impl>();
  impl->fonts = std::move(fonts);
  impl->dotsPerMm = dpi / 25.4;
  const long width = std::lround(widthMm * impl->dotsPerMm);
  const long height = std::lround(heightMm * impl->dotsPerMm);
  if (width <= 0 || height <= 0 || width > 20000 || height > 20000) {
    return badInput("size", "a " + std::to_string(width) + " x " + std::to_string(height) + " dot page is not printable");
  }
  impl->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width), static_cast<int>(height));
  impl->cr = cairo_create(impl->surface);
  if (cairo_status(impl->cr) != CAIRO_STATUS_SUCCESS) {
    return badInput("size", std::string("cannot make the page: ") + cairo_status_to_string(cairo_status(impl->cr)));
  }
  cairo_set_source_rgb(impl->cr, 1, 1, 1);
  cairo_paint(impl->cr);
  impl->setUp(impl->dotsPerMm);
  return Canvas(std::move(impl));
}

Result<Canvas> Canvas::pdf(double widthMm, double heightMm, std::shared_ptr<const PrintFonts> fonts,
                           const std::string& title) {
  auto impl = std::make_unique<Impl>();
  impl->fonts = std::move(fonts);
  constexpr double kPointsPerMm = 72.0 / 25.4;
  impl->surface = cairo_pdf_surface_create_for_stream(appendBytes, &impl->pdf, widthMm * kPointsPerMm,
                                                      heightMm * kPointsPerMm);
  const std::string cleanTitle = printableText(title);
  cairo_pdf_surface_set_metadata(impl->surface, CAIRO_PDF_METADATA_TITLE, cleanTitle.c_str());
  cairo_pdf_surface_set_metadata(impl->surface, CAIRO_PDF_METADATA_CREATOR, "repair kiosk");
  impl->cr = cairo_create(impl->surface);
  if (cairo_status(impl->cr) != CAIRO_STATUS_SUCCESS) {
    return badInput("out", std::string("cannot start the PDF: ") + cairo_status_to_string(cairo_status(impl->cr)));
  }
  impl->setUp(kPointsPerMm);
  return Canvas(std::move(impl));
}

double Canvas::textWidth(std::string_view text, FontWeight weight, double sizePt) const {
  m_impl->setFont(weight, sizePt);
  const std::string clean = printableText(text);
  cairo_text_extents_t extents{};
  cairo_text_extents(m_impl->cr, clean.c_str(), &extents);
  return extents.x_advance;
}

LineMetrics Canvas::metrics(FontWeight weight, double sizePt) const {
  m_impl->setFont(weight, sizePt);
  cairo_font_extents_t extents{};
  cairo_font_extents(m_impl->cr, &extents);
  return LineMetrics{extents.ascent, extents.descent};
}

void Canvas::text(double xMm, double baselineMm, std::string_view text, FontWeight weight, double sizePt,
                  double gray) {
  m_impl->setFont(weight, sizePt);
  const std::string clean = printableText(text);
  cairo_set_source_rgb(m_impl->cr, gray, gray, gray);
  cairo_move_to(m_impl->cr, xMm, baselineMm);
  cairo_show_text(m_impl->cr, clean.c_str());
  cairo_set_source_rgb(m_impl->cr, 0, 0, 0);
}

void Canvas::modules(const ModuleMatrix& matrix, double xMm, double yMm, double moduleMm, double rowMm) {
  cairo_t* cr = m_impl->cr;
  cairo_save(cr);
  double x0 = xMm, y0 = yMm, module = moduleMm, row = rowMm;
  if (m_impl->dotsPerMm > 0) {
    // Whole printer dots: a bar that straddles two dots prints grey and reads as the wrong width.
    cairo_identity_matrix(cr);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    const double d = m_impl->dotsPerMm;
    x0 = std::round(xMm * d);
    y0 = std::round(yMm * d);
    module = std::max(1.0, std::round(moduleMm * d));
    row = std::max(1.0, std::round(rowMm * d));
  }
  cairo_new_path(cr);
  for (int y = 0; y < matrix.height; ++y) {
    int x = 0;
    while (x < matrix.width) {
      if (!matrix.isDark(x, y)) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < matrix.width && matrix.isDark(x, y)) ++x;
      // One rectangle per run of dark modules, all filled at once: no hairline seams between
      // neighbouring modules in a PDF viewer.
      cairo_rectangle(cr, x0 + start * module, y0 + y * row, (x - start) * module, row);
    }
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_fill(cr);
  cairo_restore(cr);
}

void Canvas::line(double x1Mm, double y1Mm, double x2Mm, double y2Mm, double widthMm) {
  cairo_t* cr = m_impl->cr;
  cairo_save(cr);
  cairo_set_line_width(cr, widthMm);
  cairo_move_to(cr, x1Mm, y1Mm);
  cairo_line_to(cr, x2Mm, y2Mm);
  cairo_stroke(cr);
  cairo_restore(cr);
}

void Canvas::nextPage() { cairo_show_page(m_impl->cr); }

double Canvas::dotsPerMm() const { return m_impl->dotsPerMm; }

Result<std::string> Canvas::finish() {
  if (!m_impl || m_impl->cr == nullptr) return badInput("out", "the page was already finished");
  const cairo_status_t drawn = cairo_status(m_impl->cr);
  if (drawn != CAIRO_STATUS_SUCCESS) return badInput("out", std::string("drawing failed: ") + cairo_status_to_string(drawn));
  cairo_destroy(m_impl->cr);
  m_impl->cr = nullptr;
  if (m_impl->dotsPerMm > 0) {
    std::string png;
    cairo_surface_flush(m_impl->surface);
    const cairo_status_t written = cairo_surface_write_to_png_stream(m_impl->surface, appendBytes, &png);
    if (written != CAIRO_STATUS_SUCCESS) return badInput("out", std::string("PNG: ") + cairo_status_to_string(written));
    return withResolution(std::move(png), m_impl->dotsPerMm);
  }
  cairo_surface_finish(m_impl->surface);
  const cairo_status_t finished = cairo_surface_status(m_impl->surface);
  if (finished != CAIRO_STATUS_SUCCESS) return badInput("out", std::string("PDF: ") + cairo_status_to_string(finished));
  return std::move(m_impl->pdf);
}

std::vector<std::string> wrapText(const Canvas& canvas, std::string_view text, FontWeight weight, double sizePt,
                                  double widthMm) {
  std::vector<std::string> lines;
  // Line breaks the customer typed stay paragraph breaks; everything else is reflowed.
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string line;
    for (const std::string& word : splitWords(printableText(text.substr(start, end - start)))) {
      const std::string candidate = line.empty() ? word : line + " " + word;
      if (canvas.textWidth(candidate, weight, sizePt) <= widthMm) {
        line = candidate;
        continue;
      }
      if (!line.empty()) lines.push_back(std::move(line));
      line.clear();
      // A word wider than the whole line (a URL, 40 digits) is broken between characters.
      for (const std::string_view ch : utf8Characters(word)) {
        std::string longer = line + std::string(ch);
        if (!line.empty() && canvas.textWidth(longer, weight, sizePt) > widthMm) {
          lines.push_back(std::move(line));
          longer = std::string(ch);
        }
        line = std::move(longer);
      }
    }
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

FittedText fitText(const Canvas& canvas, std::string_view text, FontWeight weight, double maxPt, double minPt,
                   double widthMm) {
  const std::string clean = printableText(text);
  double size = maxPt;
  while (size > minPt && canvas.textWidth(clean, weight, size) > widthMm) size = std::max(minPt, size - 0.5);
  if (canvas.textWidth(clean, weight, size) <= widthMm) return FittedText{clean, size};
  auto chars = utf8Characters(clean);
  std::string cut;
  while (!chars.empty()) {
    chars.pop_back();
    cut.clear();
    for (const auto ch : chars) cut += ch;
    while (!cut.empty() && cut.back() == ' ') cut.pop_back();
    if (canvas.textWidth(cut + "…", weight, size) <= widthMm) break;
  }
  return FittedText{cut + "…", size};
}

}  // namespace kiosk
