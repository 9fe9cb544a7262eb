// The signature's stored form: strokes to SVG path data and back, and what is refused.
#include <gtest/gtest.h>

#include "workflow/signature.hpp"

namespace kiosk {
namespace {

TEST(Signature, StrokesRoundTripThroughPathData) {
  const std::vector<SignatureStroke> strokes = {{{0, 0}, {5, 7}, {12, -3}}, {{100, 20}}, {{40, 41}, {42, 43}}};
  const std::string path = encodeSignature(strokes);
  EXPECT_EQ(path, "M 0 0 L 5 7 L 12 -3 M 100 20 M 40 41 L 42 43");
  const auto back = decodeSignature(path);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, strokes);
}

TEST(Signature, EmptyStrokesAreLeftOutAndEmptyTextIsNoStrokes) {
  EXPECT_EQ(encodeSignature({{}, {{1, 2}}, {}}), "M 1 2");
  EXPECT_EQ(encodeSignature({}), "");
  const auto none = decodeSignature("");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST(Signature, ExtraSpacesAreTolerated) {
  const auto strokes = decodeSignature("  M 1  2 L 3 4  ");
  ASSERT_TRUE(strokes) << strokes.error().message;
  EXPECT_EQ(*strokes, (std::vector<SignatureStroke>{{{1, 2}, {3, 4}}}));
}

TEST(Signature, AnythingButMoveAndLineWithWholeNumbersIsBadInput) {
  for (const char* bad : {"L 1 2", "M 1", "M 1 2 C 3 4 5 6 7 8", "M 1.5 2", "M a b", "M 1 2 L"}) {
    const auto strokes = decodeSignature(bad);
    ASSERT_FALSE(strokes) << bad;
    EXPECT_EQ(strokes.error().field, "signature") << bad;
  }
  EXPECT_FALSE(decodeSignature("M 1 2" + std::string(kMaxSignatureLength, ' ')));
}

}  // namespace
}  // namespace kiosk
