// Decoding on the worker thread: stills every one, camera frames latest-wins, clean shutdown.
#include <chrono>
#include <future>
#include <vector>

#include <gtest/gtest.h>

#include "scanner/decode_worker.hpp"
#include "support/label_photos.hpp"

namespace kiosk {
namespace {

GrayImage labelWith(const std::string& text) {
  photos::PhotoSpec spec;
  spec.width = 640;
  spec.height = 480;
  spec.codes = {{"Code128", text, 0.3}};
  spec.moduleSize = 2.5;
  spec.seed = 21;
  return photos::makeLabelPhoto(spec).image;
}

TEST(DecodeWorker, StillsAreDecodedInTurn) {
  DecodeWorker worker;
  std::vector<std::future<DecodeResult>> futures;
  const std::vector<std::string> texts = {"C02XK1ABJG5H", "SRMS9FX1NQ8", "K-000373-yy"};
  for (const auto& text : texts) futures.push_back(worker.submit(labelWith(text)));
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const DecodeResult result = futures[i].get();
    ASSERT_TRUE(result.has_value()) << result.error().message;
    ASSERT_EQ(result->size(), 1u);
    EXPECT_EQ(result->front().text, texts[i]);
  }
}

TEST(DecodeWorker, TheNewestCameraFrameWins) {
  DecodeWorker worker;
  // a picture with nothing to find keeps the worker in its later passes for a while
  GrayImage busy = labelWith("C02XK1ABJG5H");
  for (auto& p : busy.pixels) p = static_cast<std::uint8_t>((p * 7 + 13) % 256);
  auto still = worker.submit(busy);
  std::vector<std::future<DecodeResult>> frames;
  for (int i = 0; i < 5; ++i) frames.push_back(worker.submitFrame(labelWith("C02XK1ABJG5H")));

  int dropped = 0;
  for (std::size_t i = 0; i + 1 < frames.size(); ++i) {
    const DecodeResult r = frames[i].get();
    if (!r.has_value()) {
      EXPECT_EQ(r.error().kind, ErrorKind::Refused);
      EXPECT_NE(r.error().message.find("dropped"), std::string::npos);
      ++dropped;
    }
  }
  // the last frame is never dropped: nothing newer came
  const DecodeResult last = frames.back().get();
  ASSERT_TRUE(last.has_value()) << last.error().message;
  ASSERT_EQ(last->size(), 1u);
  EXPECT_EQ(last->front().text, "C02XK1ABJG5H");
  EXPECT_TRUE(still.get().has_value());
  EXPECT_EQ(worker.framesDropped(), static_cast<std::uint64_t>(dropped));
  EXPECT_EQ(worker.framesDecoded() + worker.framesDropped(), 5u);
}

TEST(DecodeWorker, ShutdownAnswersEveryRequest) {
  std::vector<std::future<DecodeResult>> futures;
  {
    DecodeWorker worker({std::chrono::milliseconds(50), false});
    for (int i = 0; i < 6; ++i) futures.push_back(worker.submit(labelWith("C02XK1ABJG5H")));
    futures.push_back(worker.submitFrame(labelWith("C02XK1ABJG5H")));
  }
  for (auto& f : futures) {
    ASSERT_EQ(f.wait_for(std::chrono::seconds(0)), std::future_status::ready);
    const DecodeResult r = f.get();  // a result or "shut down", never a broken promise
    if (!r.has_value()) {
      EXPECT_EQ(r.error().kind, ErrorKind::Refused);
    }
  }
}

}  // namespace
}  // namespace kiosk
