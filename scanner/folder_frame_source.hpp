#pragma once
// Frames from image files: a test's photos, or a problem photo replayed as if from the camera.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <vector>

#include "scanner/frame_source.hpp"

namespace kiosk {

class FolderFrameSource : public FrameSource {
 public:
  enum class AtEnd {
    Stop,   // NotFound after the last file
    Cycle,  // start again with the first
  };

  // Every PNG and JPEG file in `folder` (not its subfolders), in name order. BadInput when the
  // folder does not exist or holds no such file.
  [[nodiscard]] static Result<std::unique_ptr<FolderFrameSource>> open(const std::filesystem::path& folder,
                                                                       AtEnd atEnd = AtEnd::Stop);
  // These files, in this order; they are read when their turn comes.
  FolderFrameSource(std::vector<std::filesystem::path> files, AtEnd atEnd = AtEnd::Stop);

  [[nodiscard]] Result<GrayImage> nextFrame() override;
  [[nodiscard]] std::string describe() const override;
  [[nodiscard]] std::size_t fileCount() const { return m_files.size(); }

 private:
  std::vector<std::filesystem::path> m_files;
  AtEnd m_atEnd;
  std::size_t m_next = 0;
  std::string m_description;
};

}  // namespace kiosk
