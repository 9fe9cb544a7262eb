#pragma once
// Between the keyboard and ImGui: characters (and the Enter, Backspace and Tab among them) go
// through the WedgeDetector first, so a barcode scanner's burst becomes a scan wherever the
// focus is, and a person's typing reaches the focused widget a moment later, in order.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/ui/imgui_input.hpp"
#include "scanner/wedge_detector.hpp"

namespace kiosk {

class KeyboardRouter {
 public:
  explicit KeyboardRouter(WedgeSettings settings = {});

  // A typed character (the window's character callback).
  void character(char32_t c, WedgeClock::time_point at);
  // A key press. True when the router took it (it may end or belong to a scan); false: hand it
  // to ImGui as usual. Releases always go to ImGui.
  [[nodiscard]] bool keyPressed(input::Key key, WedgeClock::time_point at);
  // Once a frame, before ImGui::NewFrame: replays decided typing into ImGui and returns the
  // scans decided since the last call.
  [[nodiscard]] std::vector<std::string> frame(WedgeClock::time_point now);
  // When to wake without input to decide what is held (empty: nothing held).
  [[nodiscard]] std::optional<WedgeClock::time_point> nextDecision() const { return m_detector.nextDecision(); }

 private:
  WedgeDetector m_detector;
  std::vector<input::Key> m_releaseNextFrame;  // keys replayed as pressed last frame
};

}  // namespace kiosk
