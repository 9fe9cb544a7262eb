// Choosing a camera: the configured one, or the first /dev/video* that is a capture device
// (a USB camera also registers metadata nodes that open but capture nothing).
#include "scanner/frame_source.hpp"

#include <algorithm>
#include <cctype>
#include <system_error>
#include <vector>

#include "scanner/v4l2_frame_source.hpp"

namespace kiosk {

// video0, video1, ..., video10 in number order, not name order.
std::vector<std::filesystem::path> videoDevices(const std::filesystem::path& dir) {
  std::vector<std::pair<int, std::filesystem::path>> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("video", 0) != 0 || name.size() == 5) continue;
    const std::string digits = name.substr(5);
    if (!std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c) != 0; }) ||
        digits.size() > 6)
      continue;
    found.emplace_back(std::stoi(digits), entry.path());
  }
  std::sort(found.begin(), found.end());
  std::vector<std::filesystem::path> out;
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

Result<std::unique_ptr<FrameSource>> openCamera(const std::optional<std::filesystem::path>& device,
                                                const std::filesystem::path& deviceDir) {
  if (device) {
    auto camera = V4l2FrameSource::open(*device);
    if (!camera) return tl::unexpected(camera.error());
    return std::unique_ptr<FrameSource>(std::move(*camera));
  }
  const auto candidates = videoDevices(deviceDir);
  if (candidates.empty())
    return notFound("camera", "no camera found: " + (deviceDir / "video*").string() + " does not exist");
  std::string tried;
  for (const auto& path : candidates) {
    auto camera = V4l2FrameSource::open(path);
    if (camera) return std::unique_ptr<FrameSource>(std::move(*camera));
    tried += (tried.empty() ? "" : "; ") + camera.error().message;
  }
  return notFound("camera",
                  "no camera found: none of " + (deviceDir / "video*").string() + " captures video (" + tried + ")");
}

}  // namespace kiosk
