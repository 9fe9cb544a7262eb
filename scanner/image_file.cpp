// PNG and JPEG through stb_image, with the checks stb leaves to its caller: only these two
// formats (stb would read any file as a TGA), and the size known before pixels are allocated.
#include "scanner/image_file.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <system_error>
#include <vector>

#include <stb_image.h>

namespace kiosk {
namespace {

// Larger files are not photos of labels; refusing them keeps a mistaken path from filling memory.
constexpr std::uintmax_t kMaxFileBytes = 256ull * 1024 * 1024;

enum class Kind { Png, Jpeg, Other };

constexpr unsigned char kPng[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

Kind sniff(std::span<const unsigned char> bytes) {
  if (bytes.size() >= sizeof kPng && std::memcmp(bytes.data(), kPng, sizeof kPng) == 0) return Kind::Png;
  if (bytes.size() >= 3 && bytes[0] == 0xff && bytes[1] == 0xd8 && bytes[2] == 0xff) return Kind::Jpeg;
  return Kind::Other;
}

tl::unexpected<Error> fileError(const std::string& name, const std::string& what) {
  return badInput("file", name + ": " + what);
}

}  // namespace

Result<GrayImage> decodeImageBytes(std::span<const unsigned char> bytes, const std::string& name) {
  if (bytes.empty()) return fileError(name, "the file is empty");
  const Kind kind = sniff(bytes);
  if (kind == Kind::Other) return fileError(name, "not a PNG or JPEG image");
  const char* kindName = kind == Kind::Png ? "PNG" : "JPEG";
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    return fileError(name, "the file is too large");
  const int length = static_cast<int>(bytes.size());

  int width = 0;
  int height = 0;
  int channels = 0;
  if (stbi_info_from_memory(bytes.data(), length, &width, &height, &channels) == 0)
    return fileError(name, std::string("truncated or damaged ") + kindName + " header (" + stbi_failure_reason() + ")");
  const long long pixels = static_cast<long long>(width) * height;
  if (width <= 0 || height <= 0) return fileError(name, std::string(kindName) + " image without pixels");
  if (pixels > kMaxImagePixels)
    return fileError(name, std::to_string(width) + "x" + std::to_string(height) + " pixels is too large (at most " +
                               std::to_string(kMaxImagePixels) + " pixels)");

  int w = 0;
  int h = 0;
  unsigned char* data = stbi_load_from_memory(bytes.data(), length, &w, &h, &channels, 1);
  if (data == nullptr)
    return fileError(name, std::string("truncated or damaged ") + kindName + " image (" + stbi_failure_reason() + ")");
  GrayImage image;
  image.width = w;
  image.height = h;
  image.pixels.assign(data, data + static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
  stbi_image_free(data);
  return image;
}

Result<GrayImage> loadImageFile(const std::filesystem::path& file) {
  const std::string name = file.string();
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (ec || !std::filesystem::exists(status)) return fileError(name, "no such file");
  if (std::filesystem::is_directory(status)) return fileError(name, "is a directory, not an image file");
  if (!std::filesystem::is_regular_file(status)) return fileError(name, "not a regular file");
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return fileError(name, "cannot read the file (" + ec.message() + ")");
  if (size == 0) return fileError(name, "the file is empty");
  if (size > kMaxFileBytes)
    return fileError(name, "the file is too large for a picture (" + std::to_string(size) + " bytes)");

  std::ifstream in(file, std::ios::binary);
  if (!in) return fileError(name, "cannot open the file");
  std::vector<unsigned char> bytes(static_cast<std::size_t>(size));
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
  return decodeImageBytes(bytes, name);
}

}  // namespace kiosk
