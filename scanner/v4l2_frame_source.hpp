#pragma once
// Frames from a V4L2 camera through libv4l2, which converts whatever the camera sends (MJPEG,
// YUYV, Bayer) into a format we can take the grey from. libv4l2 stays behind this header.
#include <filesystem>
#include <memory>
#include <string>

#include "scanner/frame_source.hpp"

namespace kiosk {

class V4l2FrameSource : public FrameSource {
 public:
  struct Settings {
    int width = 1280;  // asked for; the camera may choose the nearest size it has
    int height = 720;
    int timeoutMs = 2000;  // nextFrame() gives up when no frame comes for this long
  };

  // BadInput (field "camera") naming the device when it cannot be opened, is no capture device
  // or refuses every format libv4l2 can convert to.
  [[nodiscard]] static Result<std::unique_ptr<V4l2FrameSource>> open(const std::filesystem::path& device,
                                                                     const Settings& settings);
  [[nodiscard]] static Result<std::unique_ptr<V4l2FrameSource>> open(const std::filesystem::path& device) {
    return open(device, Settings{});
  }
  ~V4l2FrameSource() override;

  [[nodiscard]] Result<GrayImage> nextFrame() override;
  [[nodiscard]] std::string describe() const override;

  struct Device;  // the open file, its buffers and format (defined in the .cpp)

 private:
  explicit V4l2FrameSource(std::unique_ptr<Device> device);
  std::unique_ptr<Device> m_device;
};

}  // namespace kiosk
