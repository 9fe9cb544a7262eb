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
  auto photos = corpus();
  photos.resize(60);  // the same code twice comes early in the corpus (every sixth picture)
  EXPECT_DEATH(
      {
        for (const auto& photo : photos) {
          const auto& img = photo.image;
          (void)ZXing::ReadBarcodes(
              ZXing::ImageView(img.pixels.data(), img.width, img.height, ZXing::ImageFormat::Lum));
        }
      },
      "lineCount\\(\\) == 1");
}

TEST(DecodeAbortSafety, EveryZxingCallTheDecoderMakesSurvivesTheCorpus) {
  using decoding::PixelView;
  using decoding::SearchSettings;
  using decoding::Threshold;
  // linear: every combination of the hints, a superset of what the decoder asks for (the guard
  // is one code per call, whatever the rest); matrix: the settings the decoder uses
  std::vector<SearchSettings> linear;
  for (const auto threshold : {Threshold::Local, Threshold::Histogram, Threshold::Fixed})
    for (const bool harder : {false, true})
      for (const bool rotate : {false, true})
        for (const bool downscale : {false, true}) linear.push_back({threshold, harder, rotate, downscale});
  const std::vector<SearchSettings> matrix = {{Threshold::Local, false, true, false},
                                              {Threshold::Local, true, true, true},
                                              {Threshold::Local, true, true, false},
                                              {Threshold::Fixed, true, true, false},
                                              {Threshold::Histogram, true, true, false}};
  int found = 0;
  for (const auto& photo : corpus()) {
    const PixelView view = PixelView::of(photo.image);
    for (const auto& settings : linear) found += static_cast<int>(decoding::readOneLinearCode(view, settings).size());
    for (const auto& settings : matrix)
      found += static_cast<int>(decoding::readMatrixCodes(view, settings, true, true).size());
  }
  EXPECT_GT(found, 1000) << "the corpus has readable codes: the calls did real work";
}

TEST(DecodeAbortSafety, TheWholeDecoderSurvivesTheCorpus) {
  const BarcodeDecoder decoder;
  int pictures = 0;
  int codes = 0;
  int laterPasses = 0;
  const auto photos = corpus();
  for (std::size_t i = 0; i < photos.size(); i += 2) {  // every other one: each kind, half the time
    // a short limit keeps the suite quick; most pictures still get every pass
    DecodeStats stats;
    const auto result = decoder.decode(photos[i].image, {std::chrono::milliseconds(250), false}, stats);
    ASSERT_TRUE(result.has_value()) << photos[i].description;
    ++pictures;
    codes += static_cast<int>(result->size());
    laterPasses += stats.passes > 2 ? 1 : 0;
  }
  EXPECT_EQ(pictures, 120);
  EXPECT_GT(codes, 60);
  EXPECT_GT(laterPasses, 30) << "the slower passes ran on many pictures";
}

}  // namespace
}  // namespace kiosk
