#pragma once
// A fresh temporary folder per test, removed afterwards.
#include <atomic>
#include <filesystem>
#include <random>
#include <string>

#include <unistd.h>

namespace kiosk {

class TestFolder {
 public:
  TestFolder() {
    std::random_device random;
    m_path = std::filesystem::temp_directory_path() /
             ("kiosk-decode-test-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    std::filesystem::create_directories(m_path);
  }
  TestFolder(const TestFolder&) = delete;
  TestFolder& operator=(const TestFolder&) = delete;
  ~TestFolder() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

}  // namespace kiosk
