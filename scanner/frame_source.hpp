#pragma once
// Where camera-like frames come from: the port the kiosk reads frames through, and the camera
// opener. Implementations: V4l2FrameSource (a camera) and FolderFrameSource (image files).
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scanner/gray_image.hpp"
#include "workflow/error.hpp"

namespace kiosk {

// A source of grey frames, read one at a time by the thread that owns it.
class FrameSource {
 public:
  FrameSource() = default;
  FrameSource(const FrameSource&) = delete;
  FrameSource& operator=(const FrameSource&) = delete;
  virtual ~FrameSource() = default;

  // The next frame. NotFound (field "frame") when a finite source has no more; BadInput for a
  // frame that cannot be read (a damaged file: the next call goes on with the one after it);
  // Storage for a device that stopped delivering.
  [[nodiscard]] virtual Result<GrayImage> nextFrame() = 0;
  // For the operator and the log: which camera or which folder.
  [[nodiscard]] virtual std::string describe() const = 0;
};

// The video devices in `deviceDir` (video0, video1, ..., in number order), whether or not they
// capture: what the settings screen lists. Empty when there is none.
[[nodiscard]] std::vector<std::filesystem::path> videoDevices(const std::filesystem::path& deviceDir = "/dev");

// The configured camera, or else the first /dev/video* (in number order) that opens as a video
// capture device. NotFound (field "camera") with a message saying so when there is none, so the
// kiosk can say it and go on with the other inputs. `deviceDir` is where video* is looked for.
[[nodiscard]] Result<std::unique_ptr<FrameSource>> openCamera(
    const std::optional<std::filesystem::path>& device = std::nullopt, const std::filesystem::path& deviceDir = "/dev");

}  // namespace kiosk
