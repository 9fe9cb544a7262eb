// Device labels read back: every label we render is decoded with the project's own decoder and,
// independently, with zbarimg; the barcode's bars sit on whole printer dots.
#include <algorithm>
#include <span>

#include "print_samples.hpp"
#include "print_tools.hpp"
#include "scanner/barcode_decoder.hpp"
#include "scanner/image_file.hpp"
#include "scanner/print_text.hpp"

namespace kiosk::test {
namespace {

struct LabelCase {
  std::uint64_t sequence;
  std::string customer;
  bool due;
};

const LabelCase kCases[] = {
    {1, "Kari Nordmann", true},
    {77, "Åse Ødegård Ærø", false},
    {123456, "Bartholomew-Maximilian Alexandersen-Fjellheim", true},
    {999999, "Jon", false},
    {3404825446, "", false},  // the last number there will ever be, and no name recorded
};

class LabelTest : public ::testing::Test {
 protected:
  PrintAssets a;
  TestFolder dir;

  std::string render(const RepairCase& c, const std::string& size) {
    const auto png = renderLabelPng(makeLabelContent(c, a.nb), *a.labels.find(size), a.labels.pngDpi, a.fonts);
    EXPECT_TRUE(png) << png.error().message;
    return png ? *png : std::string();
  }

  static RepairCase labelCase(const LabelCase& l) {
    RepairCase c = sampleCase(l.sequence, l.customer);
    if (l.due) c.due = *parseDate("2026-11-30");
    return c;
  }
};

std::vector<std::string> code128Texts(const GrayImage& image) {
  const auto codes = BarcodeDecoder().decode(image);
  EXPECT_TRUE(codes) << codes.error().message;
  std::vector<std::string> texts;
  if (codes) {
    for (const auto& code : *codes) {
      if (code.format == "Code128") texts.push_back(code.text);
    }
  }
  return texts;
}

TEST_F(LabelTest, EveryLabelOfBothSizesReadsBackAsItsCaseNumberWithOurDecoder) {
  for (const auto& l : kCases) {
    const RepairCase c = labelCase(l);
    for (const std::string size : {"62x29", "4x2"}) {
      const std::filesystem::path file = dir / (c.number + "-" + size + ".png");
      writeFile(file, render(c, size));
      const auto image = loadImageFile(file);
      ASSERT_TRUE(image) << image.error().message;
      EXPECT_EQ(code128Texts(*image), std::vector<std::string>{c.number}) << size << " " << l.customer;
    }
  }
}

TEST_F(LabelTest, ZbarReadsTheLabelsToo) {
  if (runTool("zbarimg --version").status != 0) GTEST_SKIP() << "zbarimg (zbar-tools) is not installed";
  for (const auto& l : kCases) {
    const RepairCase c = labelCase(l);
    for (const std::string size : {"62x29", "4x2"}) {
      const std::filesystem::path file = dir / (c.number + "-" + size + ".png");
      writeFile(file, render(c, size));
      const ToolRun zbar = runTool("zbarimg --quiet --raw " + file.string());
      EXPECT_EQ(zbar.status, 0) << size << " " << l.customer;
      EXPECT_EQ(zbar.out, c.number + "\n") << size << " " << l.customer;
    }
  }
}

TEST_F(LabelTest, ThePngHasTheLabelsSizeAt300DpiAndSaysSo) {
  const RepairCase c = labelCase(kCases[0]);
  const std::string small = render(c, "62x29");
  const auto image = decodeImageBytes(std::span(reinterpret_cast<const unsigned char*>(small.data()), small.size()), "label");
  ASSERT_TRUE(image) << image.error().message;
  EXPECT_EQ(image->width, 732);   // 62 mm at 300 dpi
  EXPECT_EQ(image->height, 343);  // 29 mm
  const std::string big = render(c, "4x2");
  const auto bigImage = decodeImageBytes(std::span(reinterpret_cast<const unsigned char*>(big.data()), big.size()), "label");
  ASSERT_TRUE(bigImage);
  EXPECT_EQ(bigImage->width, 1200);
  EXPECT_EQ(bigImage->height, 600);
  // pHYs: 11811 dots per metre is 300 dpi, so a print dialog prints it 62 mm wide.
  ASSERT_GT(small.size(), 50u);
  EXPECT_EQ(small.substr(37, 4), "pHYs");
  EXPECT_EQ(small.substr(41, 8), std::string("\x00\x00\x2e\x23\x00\x00\x2e\x23", 8));
}

TEST_F(LabelTest, BarsAreWholeDotsOfPureBlackAndWhite) {
  const RepairCase c = labelCase(kCases[1]);
  for (const std::string size : {"62x29", "4x2"}) {
    const LabelLayout& layout = *a.labels.find(size);
    const std::string png = render(c, size);
    const auto image = decodeImageBytes(std::span(reinterpret_cast<const unsigned char*>(png.data()), png.size()), "label");
    ASSERT_TRUE(image);
    const auto symbol = encodeCode128(c.number).value();
    const auto placed = placeBarcode(layout.barcode, symbol.width, a.labels.pngDpi).value();
    EXPECT_GE(placed.moduleDots, 3) << size;
    // Quiet zones on the label, then every bar and space a whole number of modules wide.
    EXPECT_GE(placed.xDots - kCode128QuietModules * placed.moduleDots, 0);
    EXPECT_LE(placed.xDots + (symbol.width + kCode128QuietModules) * placed.moduleDots, image->width);
    const int y = placed.yDots + placed.heightDots / 2;
    std::vector<int> runs;
    int run = 0;
    std::uint8_t previous = image->at(placed.xDots, y);
    for (int x = placed.xDots; x < placed.xDots + symbol.width * placed.moduleDots; ++x) {
      const std::uint8_t v = image->at(x, y);
      ASSERT_TRUE(v == 0 || v == 255) << size << ": grey at x=" << x;
      if (v != previous) {
        runs.push_back(run);
        run = 0;
        previous = v;
      }
      ++run;
    }
    runs.push_back(run);
    for (const int r : runs) EXPECT_EQ(r % placed.moduleDots, 0) << size;
    EXPECT_EQ(image->at(placed.xDots - 1, y), 255) << "quiet zone";
  }
}

TEST_F(LabelTest, LabelTextIsShortAndInTheLabelsLanguage) {
  RepairCase c = labelCase(kCases[1]);
  LabelContent nb = makeLabelContent(c, a.nb);
  EXPECT_EQ(nb.number, c.number);
  EXPECT_EQ(nb.serial, "S/N C02XK0JHJG5H");
  EXPECT_EQ(nb.customer, "Åse Æ.");
  EXPECT_EQ(nb.intake, "Inn 25.11.2026");
  EXPECT_EQ(nb.due, "Frist —");
  c.due = *parseDate("2026-12-01");
  EXPECT_EQ(makeLabelContent(c, a.en).due, "Due 01.12.2026");
}

TEST(ShortNameTest, GivenNameAndTheSurnamesInitial) {
  EXPECT_EQ(shortPersonName("Kari Nordmann"), "Kari N.");
  EXPECT_EQ(shortPersonName("  kari   ødegård "), "kari Ø.");
  EXPECT_EQ(shortPersonName("Per-Olav Åsheim Berg"), "Per-Olav B.");
  EXPECT_EQ(shortPersonName("Cher"), "Cher");
  EXPECT_EQ(shortPersonName(""), "");
  EXPECT_EQ(shortPersonName("Kari\tNordmann"), "Kari N.");
}

TEST(PrintableTextTest, InvalidUtf8AndControlCharactersCannotBreakADrawing) {
  EXPECT_EQ(printableText("æøå ÆØÅ"), "æøå ÆØÅ");
  EXPECT_EQ(printableText("a\x01" "b\nc\x7f"), "a b c ");
  EXPECT_EQ(printableText("x\xff" "y"), "x\xEF\xBF\xBDy");
  EXPECT_EQ(printableText("\xC3"), "\xEF\xBF\xBD");              // truncated æ
  EXPECT_EQ(printableText("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  EXPECT_EQ(printableText("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  EXPECT_EQ(utf8Characters("aæ€😀").size(), 4u);
}

TEST_F(LabelTest, LongTextShrinksThenIsCutWithinItsField) {
  auto canvas = Canvas::raster(62, 29, 300, a.fonts).value();
  const FittedText fits = fitText(canvas, "Kari N.", FontWeight::Bold, 8.5, 6.5, 33);
  EXPECT_EQ(fits.text, "Kari N.");
  EXPECT_EQ(fits.sizePt, 8.5);
  const std::string longName = shortPersonName("Bartholomew-Maximilian-Konstantin Alexandersen");
  const FittedText cut = fitText(canvas, longName, FontWeight::Bold, 8.5, 6.5, 33);
  EXPECT_EQ(cut.sizePt, 6.5);
  EXPECT_LE(canvas.textWidth(cut.text, FontWeight::Bold, cut.sizePt), 33);
  EXPECT_EQ(cut.text.substr(cut.text.size() - 3), "…");
  EXPECT_EQ(cut.text.rfind("Bartholomew", 0), 0u);
}

TEST_F(LabelTest, ALabelLayoutThatRunsOffTheLabelIsRefusedNamingTheKey) {
  TestFolder assets;
  std::filesystem::create_directories(assets / "print");
  std::string json = readFile(kAssets / "print" / "label.json");
  const std::string from = R"("field": "serial",   "x_mm": 2.5,)";
  ASSERT_NE(json.find(from), std::string::npos);
  json.replace(json.find(from), from.size(), R"("field": "serial",   "x_mm": 40,)");
  writeFile(assets / "print/label.json", json);
  const auto sheet = loadLabelSheet(assets.path());
  ASSERT_FALSE(sheet);
  EXPECT_NE(sheet.error().message.find("label.json"), std::string::npos);
  EXPECT_NE(sheet.error().message.find("serial"), std::string::npos) << sheet.error().message;
}

TEST_F(LabelTest, AMissingFontFileIsNamed) {
  const auto fonts = PrintFonts::load({"/nonexistent/DejaVuSans.ttf", a.labels.fonts.bold});
  ASSERT_FALSE(fonts);
  EXPECT_EQ(fonts.error().field, "assets");
  EXPECT_NE(fonts.error().message.find("/nonexistent/DejaVuSans.ttf"), std::string::npos);
  const auto notAFont = PrintFonts::load({kAssets / "i18n" / "nb.json", a.labels.fonts.bold});
  ASSERT_FALSE(notAFont);
  EXPECT_NE(notAFont.error().message.find("nb.json"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::test
