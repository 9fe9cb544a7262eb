#include "kiosk/ui/keyboard_router.hpp"

#include <imgui.h>

namespace kiosk {

KeyboardRouter::KeyboardRouter(WedgeSettings settings) : m_detector(settings) {}

void KeyboardRouter::character(char32_t c, WedgeClock::time_point at) {
  m_detector.feed(WedgeKey{WedgeKeyKind::Character, c, 0, at});
}

bool KeyboardRouter::keyPressed(input::Key key, WedgeClock::time_point at) {
  // Only while characters are held can a key belong to a burst; otherwise it goes straight on,
  // so arrows, Enter on a button and Backspace feel immediate.
  if (m_detector.heldCount() == 0) return false;
  WedgeKeyKind kind = WedgeKeyKind::Other;
  if (key == input::Key::Enter) kind = WedgeKeyKind::Enter;
  if (key == input::Key::Backspace) kind = WedgeKeyKind::Backspace;
  if (key == input::Key::Tab) kind = WedgeKeyKind::Tab;
  if (kind == WedgeKeyKind::Other) return false;
  m_detector.feed(WedgeKey{kind, 0, static_cast<int>(key), at});
  return true;
}

std::vector<std::string> KeyboardRouter::frame(WedgeClock::time_point now) {
  for (const input::Key key : m_releaseNextFrame) input::setKey(key, false);
  m_releaseNextFrame.clear();

  WedgeOutput out = m_detector.take(now);
  ImGuiIO& io = ImGui::GetIO();
  for (const WedgeKey& key : out.typed) {
    if (key.kind == WedgeKeyKind::Character) {
      io.AddInputCharacter(static_cast<unsigned int>(key.character));
    } else {
      // A key replayed as typing: down for one frame. Two presses of the same key in one frame
      // collapse into one, which a person cannot tell at typing speed.
      const auto replayed = static_cast<input::Key>(key.code);
      input::setKey(replayed, true);
      m_releaseNextFrame.push_back(replayed);
    }
  }
  std::vector<std::string> scans;
  scans.reserve(out.scans.size());
  for (auto& scan : out.scans) scans.push_back(std::move(scan.text));
  return scans;
}

}  // namespace kiosk
