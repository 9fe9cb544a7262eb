#include "scanner/folder_frame_source.hpp"

#include <algorithm>
#include <cctype>
#include <system_error>

#include "scanner/image_file.hpp"

namespace kiosk {
namespace {

bool isImageName(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

}  // namespace

Result<std::unique_ptr<FolderFrameSource>> FolderFrameSource::open(const std::filesystem::path& folder, AtEnd atEnd) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) return badInput("folder", folder.string() + ": not a folder");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    std::error_code typeError;
    if (entry.is_regular_file(typeError) && isImageName(entry.path())) files.push_back(entry.path());
  }
  if (ec) return badInput("folder", folder.string() + ": cannot list the folder (" + ec.message() + ")");
  if (files.empty()) return badInput("folder", folder.string() + ": no PNG or JPEG files");
  std::sort(files.begin(), files.end());
  auto source = std::make_unique<FolderFrameSource>(std::move(files), atEnd);
  source->m_description = "image files in " + folder.string();
  return source;
}

FolderFrameSource::FolderFrameSource(std::vector<std::filesystem::path> files, AtEnd atEnd)
    : m_files(std::move(files)), m_atEnd(atEnd), m_description(std::to_string(m_files.size()) + " image files") {}

Result<GrayImage> FolderFrameSource::nextFrame() {
  if (m_next >= m_files.size()) {
    if (m_atEnd == AtEnd::Stop || m_files.empty()) return notFound("frame", "no more frames in " + describe());
    m_next = 0;
  }
  return loadImageFile(m_files[m_next++]);
}

std::string FolderFrameSource::describe() const { return m_description; }

}  // namespace kiosk
