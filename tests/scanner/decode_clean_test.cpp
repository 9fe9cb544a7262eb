// Clean symbols of every family: the right text, format and place; odd contents kept intact.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "scanner/barcode_decoder.hpp"
#include "support/label_photos.hpp"

namespace kiosk {
namespace {

struct Clean {
  photos::CodeSpec code;
  std::string symbology;  // expected AIM identifier
};

// The decoded corners lie on the symbol: within a few pixels of its box (a linear code's
// position is a line across it, so only containment is checked).
void expectOnSymbol(const DecodedCode& code, int x0, int y0, int x1, int y1) {
  constexpr int kSlack = 4;
  for (const auto& p : code.position) {
    EXPECT_GE(p.x, x0 - kSlack) << code.format;
    EXPECT_LE(p.x, x1 + kSlack) << code.format;
    EXPECT_GE(p.y, y0 - kSlack) << code.format;
    EXPECT_LE(p.y, y1 + kSlack) << code.format;
  }
  const auto [minX, maxX] =
      std::minmax({code.position[0].x, code.position[1].x, code.position[2].x, code.position[3].x});
  EXPECT_GE(maxX - minX, (x1 - x0) * 9 / 10) << code.format << ": the position spans the symbol";
}

TEST(DecodeClean, EveryFamilyWithTextFormatAndPosition) {
  const std::vector<Clean> cases = {
      {{"Code128", "C02XK1ABJG5H"}, "]C0"},
      {{"Code39", "PN-ABC12.5"}, "]A0"},
      {{"QRCode", "https://service.example.no/sak/K-1234567"}, "]Q1"},
      {{"DataMatrix", "S C02XK1ABJG5H"}, "]d1"},
      {{"EAN-13", "590123412345"}, "]E0"},
      {{"EAN-8", "9638507"}, "]E4"},
      {{"UPC-A", "03600029145"}, "]E0"},
      {{"UPC-E", "0123456"}, "]E0"},
  };
  const BarcodeDecoder decoder;
  for (const auto& c : cases) {
    constexpr int kModule = 3;
    constexpr int kQuiet = 10;
    const GrayImage image = photos::renderSymbol(c.code, kModule, kQuiet);
    const auto result = decoder.decode(image);
    ASSERT_TRUE(result.has_value()) << result.error().message;
    ASSERT_EQ(result->size(), 1u) << c.code.format;
    const DecodedCode& code = result->front();
    EXPECT_EQ(code.format, c.code.format);
    EXPECT_EQ(code.text, photos::expectedText(c.code));
    EXPECT_EQ(code.symbologyIdentifier, c.symbology) << c.code.format;
    const int edge = kQuiet * kModule;
    expectOnSymbol(code, edge, edge, image.width - edge - 1, image.height - edge - 1);
  }
}

TEST(DecodeClean, ControlCharactersSurvive) {
  const BarcodeDecoder decoder;
  using namespace std::string_literals;
  for (const auto& code : {photos::CodeSpec{"Code128",
                                            "A\x01\tB\x1d"
                                            "C\x7f"s},
                           photos::CodeSpec{"QRCode",
                                            "line1\r\nline2\x04\x1e\x1d"
                                            " end\x00!"s}}) {
    const auto result = decoder.decode(photos::renderSymbol(code, 3));
    ASSERT_TRUE(result.has_value());
    ASSERT_EQ(result->size(), 1u) << code.format;
    EXPECT_EQ(result->front().text, code.text) << code.format;
  }
}

TEST(DecodeClean, FourKilobytesOfText) {
  std::string text;
  for (int i = 0; i < 4096; ++i) text += "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 $%*+-./:"[i % 45];
  const auto result = BarcodeDecoder{}.decode(photos::renderSymbol({"QRCode", text}, 2, 4));
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->size(), 1u);
  EXPECT_EQ(result->front().text, text);
}

TEST(DecodeClean, UnicodeComesBackAsUtf8) {
  const std::string text = "Søknad æøå ÆØÅ";
  const auto result = BarcodeDecoder{}.decode(photos::renderSymbol({"QRCode", text}, 3));
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->size(), 1u);
  EXPECT_EQ(result->front().text, text);
}

TEST(DecodeClean, SeveralCodesOnOneLabelEachOnce) {
  photos::PhotoSpec spec;
  spec.width = 800;
  spec.height = 600;
  spec.codes = {{"Code128", "C02XK1ABJG5H", 0.2}, {"Code128", "356938035643809", 0.2}, {"QRCode", "K-2024-00017"}};
  spec.moduleSize = 2;
  spec.seed = 11;
  const auto photo = photos::makeLabelPhoto(spec);
  const auto result = BarcodeDecoder{}.decode(photo.image);
  ASSERT_TRUE(result.has_value());
  std::vector<std::string> texts;
  for (const auto& c : *result) texts.push_back(c.text);
  std::sort(texts.begin(), texts.end());
  EXPECT_EQ(texts, (std::vector<std::string>{"356938035643809", "C02XK1ABJG5H", "K-2024-00017"}));
}

TEST(DecodeClean, TheSameCodeTwiceIsTwoCodes) {
  // two copies of one label: equal text, two places (ZXing 1.4.0 aborts on this by default)
  photos::PhotoSpec spec;
  spec.width = 900;
  spec.height = 600;
  spec.codes = {{"Code128", "C02XK1ABJG5H", 0.25}};
  spec.moduleSize = 2;
  spec.centreX = 0.3;
  spec.centreY = 0.3;
  spec.copies = {{0.7, 0.75, 0}};
  spec.seed = 5;
  const auto photo = photos::makeLabelPhoto(spec);
  const auto result = BarcodeDecoder{}.decode(photo.image);
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->size(), 2u);
  EXPECT_EQ((*result)[0].text, "C02XK1ABJG5H");
  EXPECT_EQ((*result)[1].text, "C02XK1ABJG5H");
}

TEST(DecodeClean, BlankPictureHasNoCodes) {
  GrayImage blank;
  blank.width = 320;
  blank.height = 240;
  blank.pixels.assign(320u * 240u, 200);
  const auto result = BarcodeDecoder{}.decode(blank);
  ASSERT_TRUE(result.has_value());
  EXPECT_TRUE(result->empty());
}

TEST(DecodeClean, UnusablePicturesAreErrors) {
  const BarcodeDecoder decoder;
  EXPECT_FALSE(decoder.decode(GrayImage{}).has_value());
  GrayImage lying;
  lying.width = 100;
  lying.height = 100;
  lying.pixels.assign(10, 0);  // fewer pixels than the size says
  const auto result = decoder.decode(lying);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, ErrorKind::BadInput);
}

}  // namespace
}  // namespace kiosk
