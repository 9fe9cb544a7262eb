// The camera as a scanner, fed from a folder of photos as a replayed camera would be: a code in
// view becomes one scan (not one per frame), and reaches the kiosk like a keyboard scan.
#include <gtest/gtest.h>

#include <thread>

#include "headless_kiosk.hpp"
#include "kiosk/app/camera_scanner.hpp"
#include "support/label_photos.hpp"
#include "scanner/folder_frame_source.hpp"

namespace kiosk::test {
namespace {

class CameraScannerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = std::filesystem::temp_directory_path() /
            ("kiosk-camera-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(m_dir);
    std::filesystem::create_directories(m_dir);
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }

  // `frames` frames of the same code, as a camera pointed at one label sends them.
  std::filesystem::path framesOf(const std::string& text, int frames) {
    photos::CodeSpec code;
    code.format = "Code128";
    code.text = text;
    const GrayImage symbol = photos::renderSymbol(code, 4);
    for (int i = 0; i < frames; ++i) {
      EXPECT_TRUE(photos::writePng(symbol, m_dir / ("frame-" + std::to_string(100 + i) + ".png")));
    }
    return m_dir;
  }

  static std::vector<CameraRead> readAll(CameraScanner& camera) {
    std::vector<CameraRead> all;
    for (int i = 0; i < 500 && !camera.stopped(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    for (auto& r : camera.take()) all.push_back(std::move(r));
    return all;
  }

  std::filesystem::path m_dir;
};

TEST_F(CameraScannerTest, ALabelHeldUnderTheCameraIsOneScan) {
  auto source = FolderFrameSource::open(framesOf("C02XK1ZZJGH5", 5));
  ASSERT_TRUE(source) << source.error().message;
  int wakes = 0;
  CameraScanner camera(std::move(*source), [&wakes] { ++wakes; });
  const auto reads = readAll(camera);
  ASSERT_EQ(reads.size(), 1U);
  EXPECT_EQ(reads[0].text, "C02XK1ZZJGH5");
  EXPECT_EQ(reads[0].format, "Code128");
  EXPECT_EQ(wakes, 1);
  EXPECT_TRUE(camera.stopped());  // the folder ended
}

TEST_F(CameraScannerTest, ACaseNumberSeenByTheCameraOpensItsCase) {
  HeadlessKiosk kiosk(withDemoCases(5));
  kiosk.settle();
  const auto any = kiosk.service().list(CaseQuery{}).value().front();
  auto source = FolderFrameSource::open(framesOf(any.number, 2));
  ASSERT_TRUE(source) << source.error().message;
  kiosk.ui().attachCamera(std::make_unique<CameraScanner>(std::move(*source)));
  EXPECT_NE(kiosk.ctx().station.cameraStatus.find(m_dir.filename().string()), std::string::npos)
      << kiosk.ctx().station.cameraStatus;
  for (int i = 0; i < 300 && kiosk.ctx().nav.current() != ScreenId::Case; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    kiosk.frame();
  }
  EXPECT_EQ(kiosk.ctx().nav.current(), ScreenId::Case);
}

}  // namespace
}  // namespace kiosk::test
