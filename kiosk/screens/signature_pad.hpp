#pragma once
// The customer's signature at the counter: strokes drawn with the mouse or a finger on a canvas,
// and the stored signature drawn back (workflow/signature.hpp holds the format).
#include <string>
#include <vector>

#include <imgui.h>

#include "workflow/signature.hpp"

namespace kiosk {

class SignaturePad {
 public:
  // The canvas (`size` in pixels) with what is drawn so far; one stroke per press of the button.
  void draw(const char* id, ImVec2 size);
  void clear() { m_strokes.clear(); }
  [[nodiscard]] bool empty() const { return m_strokes.empty(); }
  [[nodiscard]] std::string encoded() const { return encodeSignature(m_strokes); }
  // Where the canvas was last drawn, in screen coordinates (tests draw on it).
  [[nodiscard]] ImVec2 canvasMin() const { return m_min; }
  [[nodiscard]] ImVec2 canvasMax() const { return m_max; }

 private:
  std::vector<SignatureStroke> m_strokes;
  ImVec2 m_min{0, 0};
  ImVec2 m_max{0, 0};
};

// A stored signature drawn in a framed box of `size` at the cursor, scaled down to fit when it
// was drawn on a larger canvas. False (and nothing drawn) when `pathData` has no strokes or
// cannot be read.
bool drawStoredSignature(const std::string& pathData, ImVec2 size);

}  // namespace kiosk
