#pragma once
// Helpers for the printing tests: a scratch folder per test (TestFolder), and running the independent tools
// (poppler's pdffonts/pdftotext/pdftoppm, zbar's zbarimg) on what we printed.
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "test_folder.hpp"

namespace kiosk::test {

struct ToolRun {
  int status = -1;  // the command's exit status; -1 when it could not run
  std::string out;
};

// Runs a shell command and collects its standard output. Arguments are paths we made
// ourselves (no quotes or spaces in them), so plain concatenation is safe here.
inline ToolRun runTool(const std::string& command) {
  ToolRun run;
  FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

inline std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void writeFile(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary) << bytes;
}

// pdftotext breaks lines where the layout did and keeps no-break spaces: compare with every
// run of white space (U+00A0 included) as one space.
inline std::string squeezeSpaces(const std::string& text) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool nbsp = static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
                      static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (nbsp || text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\f' || text[i] == '\r') {
      if (nbsp) ++i;
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += text[i];
  }
  return out;
}


}  // namespace kiosk::test
