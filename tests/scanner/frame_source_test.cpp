// Frame sources: a folder of photos replayed as a camera, and a machine without a camera.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "scanner/barcode_decoder.hpp"
#include "scanner/decode_worker.hpp"
#include "scanner/folder_frame_source.hpp"
#include "scanner/frame_source.hpp"
#include "scanner/v4l2_frame_source.hpp"
#include "support/label_photos.hpp"
#include "test_folder.hpp"

namespace kiosk {
namespace {

void writeLabels(const TestFolder& folder) {
  const char* texts[] = {"C02XK1ABJG5H", "356938035643809", "K-2024-00017"};
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(photos::writePng(photos::renderSymbol({"Code128", texts[i]}, 2),
                                 folder / ("frame" + std::to_string(i) + ".png")));
  std::ofstream(folder / "readme.txt") << "not a frame";
}

TEST(FolderFrameSource, ReplaysThePhotosInNameOrderThenStops) {
  TestFolder folder;
  writeLabels(folder);
  auto source = FolderFrameSource::open(folder.path());
  ASSERT_TRUE(source.has_value()) << source.error().message;
  EXPECT_EQ((*source)->fileCount(), 3u);
  EXPECT_NE((*source)->describe().find(folder.path().string()), std::string::npos);
  const BarcodeDecoder decoder;
  std::vector<std::string> read;
  for (int i = 0; i < 3; ++i) {
    auto frame = (*source)->nextFrame();
    ASSERT_TRUE(frame.has_value()) << frame.error().message;
    auto codes = decoder.decode(*frame);
    ASSERT_TRUE(codes.has_value());
    ASSERT_EQ(codes->size(), 1u);
    read.push_back(codes->front().text);
  }
  EXPECT_EQ(read, (std::vector<std::string>{"C02XK1ABJG5H", "356938035643809", "K-2024-00017"}));
  const auto end = (*source)->nextFrame();
  ASSERT_FALSE(end.has_value());
  EXPECT_EQ(end.error().kind, ErrorKind::NotFound);
}

TEST(FolderFrameSource, CyclesWhenAsked) {
  TestFolder folder;
  writeLabels(folder);
  auto source = FolderFrameSource::open(folder.path(), FolderFrameSource::AtEnd::Cycle);
  ASSERT_TRUE(source.has_value());
  for (int i = 0; i < 7; ++i) EXPECT_TRUE((*source)->nextFrame().has_value()) << i;
}

TEST(FolderFrameSource, ADamagedFileIsOneBadFrame) {
  TestFolder folder;
  writeLabels(folder);
  std::ofstream(folder / "frame1.png", std::ios::trunc) << "\x89PNG broken";
  FolderFrameSource source({folder / "frame0.png", folder / "frame1.png", folder / "frame2.png"});
  EXPECT_TRUE(source.nextFrame().has_value());
  const auto bad = source.nextFrame();
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().kind, ErrorKind::BadInput);
  EXPECT_NE(bad.error().message.find("frame1.png"), std::string::npos);
  EXPECT_TRUE(source.nextFrame().has_value());
}

TEST(FolderFrameSource, EmptyOrMissingFolderIsAnError) {
  TestFolder folder;
  EXPECT_FALSE(FolderFrameSource::open(folder.path()).has_value());
  EXPECT_FALSE(FolderFrameSource::open(folder / "missing").has_value());
}

TEST(FolderFrameSource, FeedsTheWorkerLikeACamera) {
  TestFolder folder;
  writeLabels(folder);
  auto source = FolderFrameSource::open(folder.path());
  ASSERT_TRUE(source.has_value());
  DecodeWorker worker;
  std::future<DecodeResult> last;
  while (auto frame = (*source)->nextFrame()) last = worker.submitFrame(std::move(*frame));
  const DecodeResult result = last.get();
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->size(), 1u);
  EXPECT_EQ(result->front().text, "K-2024-00017");
}

TEST(Camera, NoVideoDeviceSaysSo) {
  TestFolder devices;  // a /dev without video*
  const auto camera = openCamera(std::nullopt, devices.path());
  ASSERT_FALSE(camera.has_value());
  EXPECT_EQ(camera.error().kind, ErrorKind::NotFound);
  EXPECT_EQ(camera.error().message, "no camera found: " + (devices / "video*").string() + " does not exist");
}

TEST(Camera, ThisMachineWithoutACameraSaysSo) {
  bool anyVideo = false;
  for (const auto& entry : std::filesystem::directory_iterator("/dev"))
    anyVideo = anyVideo || entry.path().filename().string().rfind("video", 0) == 0;
  if (anyVideo) GTEST_SKIP() << "this machine has a /dev/video*";
  const auto camera = openCamera();
  ASSERT_FALSE(camera.has_value());
  EXPECT_EQ(camera.error().message, "no camera found: /dev/video* does not exist");
}

TEST(Camera, NotAVideoDeviceIsNamed) {
  const auto camera = V4l2FrameSource::open("/dev/null");
  ASSERT_FALSE(camera.has_value());
  EXPECT_EQ(camera.error().kind, ErrorKind::BadInput);
  EXPECT_NE(camera.error().message.find("/dev/null"), std::string::npos);

  TestFolder devices;
  std::ofstream(devices / "video0") << "a plain file where a camera should be";
  const auto picked = openCamera(std::nullopt, devices.path());
  ASSERT_FALSE(picked.has_value());
  EXPECT_EQ(picked.error().kind, ErrorKind::NotFound);
  EXPECT_NE(picked.error().message.find("video0"), std::string::npos);
}

TEST(Camera, ConfiguredDeviceThatIsMissing) {
  const auto camera = openCamera(std::filesystem::path("/nonexistent/video7"));
  ASSERT_FALSE(camera.has_value());
  EXPECT_NE(camera.error().message.find("/nonexistent/video7"), std::string::npos);
}

}  // namespace
}  // namespace kiosk
