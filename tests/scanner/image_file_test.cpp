// Reading image files: PNG and JPEG in, every kind of bad file out with a message naming it.
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "scanner/image_file.hpp"
#include "support/label_photos.hpp"
#include "test_folder.hpp"

namespace kiosk {
namespace {

void writeBytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary);
  out << bytes;
}

std::string readBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint32_t crc32(const std::string& bytes) {
  std::uint32_t crc = 0xffffffffu;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    crc ^= b;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::string bigEndian(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>((v >> 16) & 0xff), static_cast<char>((v >> 8) & 0xff),
          static_cast<char>(v & 0xff)};
}

// A PNG signature and an IHDR chunk for a grey picture of the given size, and nothing else.
std::string pngHeaderOnly(std::uint32_t width, std::uint32_t height) {
  const std::string body = "IHDR" + bigEndian(width) + bigEndian(height) + std::string("\x08\x00\x00\x00\x00", 5);
  return std::string("\x89PNG\r\n\x1a\n", 8) + bigEndian(13) + body + bigEndian(crc32(body));
}

void expectFileError(const Result<GrayImage>& result, const std::filesystem::path& file, const std::string& what) {
  ASSERT_FALSE(result.has_value()) << file;
  EXPECT_EQ(result.error().kind, ErrorKind::BadInput);
  EXPECT_NE(result.error().message.find(file.string()), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find(what), std::string::npos) << result.error().message;
}

TEST(ImageFile, ReadsThePngItWrote) {
  TestFolder folder;
  const GrayImage symbol = photos::renderSymbol({"QRCode", "K-1234567"}, 3);
  ASSERT_TRUE(photos::writePng(symbol, folder / "qr.png"));
  const auto loaded = loadImageFile(folder / "qr.png");
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
  EXPECT_EQ(loaded->width, symbol.width);
  EXPECT_EQ(loaded->height, symbol.height);
  EXPECT_EQ(loaded->pixels, symbol.pixels);
}

TEST(ImageFile, MissingFileIsNamed) {
  TestFolder folder;
  expectFileError(loadImageFile(folder / "nowhere.png"), folder / "nowhere.png", "no such file");
}

TEST(ImageFile, DirectoryIsNotAnImage) {
  TestFolder folder;
  expectFileError(loadImageFile(folder.path()), folder.path(), "directory");
}

TEST(ImageFile, EmptyFile) {
  TestFolder folder;
  writeBytes(folder / "empty.png", "");
  expectFileError(loadImageFile(folder / "empty.png"), folder / "empty.png", "empty");
}

TEST(ImageFile, TextFileIsNotAnImage) {
  TestFolder folder;
  writeBytes(folder / "notes.png", "Serial: C02XK1ABJG5H\nThis is not a picture.\n");
  expectFileError(loadImageFile(folder / "notes.png"), folder / "notes.png", "not a PNG or JPEG");
}

TEST(ImageFile, TruncatedPng) {
  TestFolder folder;
  ASSERT_TRUE(photos::writePng(photos::renderSymbol({"Code128", "C02XK1ABJG5H"}, 3), folder / "whole.png"));
  const std::string whole = readBytes(folder / "whole.png");
  for (const std::size_t keep : {whole.size() / 2, std::size_t{40}, std::size_t{12}}) {
    const auto file = folder / ("cut" + std::to_string(keep) + ".png");
    writeBytes(file, whole.substr(0, keep));
    expectFileError(loadImageFile(file), file, "truncated or damaged");
  }
}

TEST(ImageFile, HugePngIsRefusedBeforeDecoding) {
  TestFolder folder;
  const auto file = folder / "huge.png";
  writeBytes(file, pngHeaderOnly(20000, 20000));
  const auto result = loadImageFile(file);
  expectFileError(result, file, "20000x20000");
  EXPECT_NE(result.error().message.find("too large"), std::string::npos) << result.error().message;
}

TEST(ImageFile, DamagedBytesInMemoryNeverCrash) {
  // flipped and cut bytes of a real PNG and of a JPEG signature: an error or a picture, no crash
  TestFolder folder;
  ASSERT_TRUE(photos::writePng(photos::renderSymbol({"DataMatrix", "S123"}, 2), folder / "dm.png"));
  std::string bytes = readBytes(folder / "dm.png");
  for (std::size_t i = 16; i < bytes.size(); i += 7) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x5a);
    const auto* data = reinterpret_cast<const unsigned char*>(damaged.data());
    const auto result = decodeImageBytes({data, damaged.size()}, "damaged.png");
    if (result) {
      EXPECT_EQ(result->pixels.size(),
                static_cast<std::size_t>(result->width) * static_cast<std::size_t>(result->height));
    }
  }
  const std::string jpeg("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20);
  const auto* data = reinterpret_cast<const unsigned char*>(jpeg.data());
  const auto result = decodeImageBytes({data, jpeg.size()}, "cut.jpg");
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().message.find("cut.jpg"), std::string::npos);
}

}  // namespace
}  // namespace kiosk
