#pragma once
// Shared pieces of the store tests: a per-test temporary folder, a case with every field set,
// and a field-by-field comparison that names the field that differs.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "workflow/repair_case.hpp"

namespace kiosk::test {

[[nodiscard]] Date day(std::string_view text);
[[nodiscard]] LocalTime at(std::string_view text);

// A draft with every field of RepairCase set to something other than its default.
[[nodiscard]] RepairCase fullCase(const std::string& serial);
// A minimal draft: only what an intake must have.
[[nodiscard]] RepairCase draftCase(const std::string& serial, const std::string& customer = "Kari Nordmann");

void expectSameCase(const RepairCase& expected, const RepairCase& actual);

[[nodiscard]] std::string readBytes(const std::filesystem::path& file);

// A fresh folder under the system temp folder for each test, removed afterwards.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  [[nodiscard]] const std::filesystem::path& dir() const { return m_dir; }
  [[nodiscard]] std::filesystem::path dbFile() const { return m_dir / "cases.db"; }

 private:
  std::filesystem::path m_dir;
};

}  // namespace kiosk::test
