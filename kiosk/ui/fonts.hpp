#pragma once
// The kiosk's fonts: a TTF from a Debian font package (DejaVu), never ImGui's built-in bitmap
// font, with the glyphs Norwegian text and our strings need beyond Latin-1.
#include <filesystem>

#include "workflow/error.hpp"

struct ImFont;

namespace kiosk {

struct KioskFonts {
  ImFont* body = nullptr;     // lists, forms
  ImFont* heading = nullptr;  // screen titles, case numbers
  ImFont* huge = nullptr;     // the customer-facing status screen
};

struct UiFontFiles {
  std::filesystem::path regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  std::filesystem::path bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
  float bodySize = 20.0f;
};

// Adds the fonts to the current ImGui context's atlas (body first: it is the default font);
// errors name a missing font file.
[[nodiscard]] Result<KioskFonts> loadKioskFonts(const UiFontFiles& files = {});

}  // namespace kiosk
