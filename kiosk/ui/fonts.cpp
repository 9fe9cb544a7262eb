#include "kiosk/ui/fonts.hpp"

#include <imgui.h>

namespace kiosk {
namespace {

// Latin-1 (GetGlyphRangesDefault stops there) plus the marks our strings use: – — ‘ ’ “ ” • …
// € → ● ✓.
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x201D, 0x2022, 0x2022, 0x2026, 0x2026,
    0x20AC, 0x20AC, 0x2192, 0x2192, 0x25CF, 0x25CF, 0x2713, 0x2713, 0,
};

}  // namespace

Result<KioskFonts> loadKioskFonts(const UiFontFiles& files) {
  for (const auto& file : {files.regular, files.bold}) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
      return badInput("font", "font file " + file.string() + " is missing (Debian package fonts-dejavu-core)");
    }
  }
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  KioskFonts fonts;
  fonts.body = atlas->AddFontFromFileTTF(files.regular.c_str(), files.bodySize, nullptr, kGlyphRanges);
  fonts.heading = atlas->AddFontFromFileTTF(files.bold.c_str(), files.bodySize * 1.5f, nullptr, kGlyphRanges);
  fonts.huge = atlas->AddFontFromFileTTF(files.bold.c_str(), files.bodySize * 3.0f, nullptr, kGlyphRanges);
  if (fonts.body == nullptr || fonts.heading == nullptr || fonts.huge == nullptr) {
    return badInput("font", "could not load " + files.regular.string());
  }
  return fonts;
}

}  // namespace kiosk
