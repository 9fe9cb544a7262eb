// ZXing-cpp 1.4.0 aborts the process (failed assertion `lineCount() == 1`, upstream issue 740)
// when ReadBarcodes meets one linear code twice. The first test shows that the stress corpus
// reaches that abort with ZXing's default options; the others run every ZXing call the decoder
// makes, and the whole decoder, over the same corpus in this process.
#include <string>

#include <gtest/gtest.h>

#include <ZXing/ReadBarcode.h>

#include "scanner/barcode_decoder.hpp"
#include "scanner/barcode_decoder_zxing.hpp"
#include "support/label_photos.hpp"

namespace kiosk {
namespace {

// Several codes per picture, the same code twice, linear codes at every angle and bar height,
// EAN with add-ons, codes cut by the border, pictures too damaged to read.
std::vector<photos::LabelPhoto> corpus() { return photos::stressPhotos(240, 740, 480, 360); }

TEST(DecodeAbortSafetyDeathTest, DefaultOptionsAbortOnThisCorpus) {
  // "fast" style: the child is forked with the corpus already built, and this test runs in a
  // process of its own (one test per ctest run), without other threads
  GTEST_FLAG_SET(death_test_style, "fast");
  const auto photos = corpus();
  EXPECT_DEATH(
      {
        for (const auto& photo : photos) {
          const auto& img = photo.image;
          (void)ZXing::ReadBarcodes(ZXing::ImageView(img.pixels.data(), img.width, img.height, ZXing::ImageFormat::Lum));
        }
      },
      "lineCount\\(\\) == 1");
}

TEST(DecodeAbortSafety, EveryZxingCallTheDecoderMakesSurvivesTheCorpus) {
  using decoding::PixelView;
  using decoding::SearchSettings;
  using decoding::Threshold;
  int found = 0;
  for (const auto& photo : corpus()) {
    const PixelView view = PixelView::of(photo.image);
    for (const auto threshold : {Threshold::Local, Threshold::Histogram, Threshold::Fixed}) {
      for (const bool harder : {false, true}) {
        for (const bool rotate : {false, true}) {
          // ZXing's own pyramid only where the decoder asks for it (harder, local threshold)
          const bool downscale = harder && rotate && threshold == Threshold::Local;
          const SearchSettings settings{threshold, harder, rotate, downscale};
          found += static_cast<int>(decoding::readOneLinearCode(view, settings).size());
          found += static_cast<int>(decoding::readMatrixCodes(view, settings, true, true).size());
        }
      }
    }
  }
  EXPECT_GT(found, 0) << "the corpus has readable codes: the calls did real work";
}

TEST(DecodeAbortSafety, TheWholeDecoderSurvivesTheCorpus) {
  const BarcodeDecoder decoder;
  int pictures = 0;
  int codes = 0;
  for (const auto& photo : corpus()) {
    // a short limit keeps the suite quick; every pass still gets its turn on most pictures
    const auto result = decoder.decode(photo.image, {std::chrono::milliseconds(400), false});
    ASSERT_TRUE(result.has_value()) << photo.description;
    ++pictures;
    codes += static_cast<int>(result->size());
  }
  EXPECT_EQ(pictures, 240);
  EXPECT_GT(codes, 100);
}

}  // namespace
}  // namespace kiosk
