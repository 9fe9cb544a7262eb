#pragma once
// Tells a keyboard-wedge scanner from a person at the keyboard by timing alone, so that a scan
// reaches the scan handler wherever the focus is and typing still reaches the focused widget.
//
// A USB scanner "types" its code a few milliseconds per key and presses Enter; a person types
// tens to hundreds of milliseconds per key, irregularly. The detector holds keys back while
// they may still be a scan and releases them, in order, as typing once they cannot be. The UI
// feeds every key as it arrives (stamped with steady_clock) and calls take() every frame.
// No threads, no clock of its own: every time point comes from the caller, so tests are exact.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

using WedgeClock = std::chrono::steady_clock;

enum class WedgeKeyKind {
  Character,  // a printable character; `character` holds its code point
  Enter,      // Return or keypad Enter: what ends a scanner's read
  Backspace,
  Tab,
  Other,      // any other key the UI routes to widgets (arrows, Escape, ...); see `code`
};

struct WedgeKey {
  WedgeKeyKind kind = WedgeKeyKind::Character;
  char32_t character = 0;  // Character only
  int code = 0;            // the UI's own key code, handed back untouched
  WedgeClock::time_point at;
};

struct WedgeSettings {
  // A scan has at least this many characters before its Enter (clamped to at least 2).
  std::size_t minScanLength = 4;
  // The median gap between a scan's characters is at most this: the median, not the largest,
  // so that one late key (a busy frame, USB scheduling) does not turn a scan into typing.
  std::chrono::milliseconds maxMedianGap{30};
  // Enter comes at most this long after the scan's last character.
  std::chrono::milliseconds maxEnterDelay{50};
  // A pause longer than this ends a burst; a burst that ends without Enter is typing
  // (raised to maxEnterDelay when set lower, or no scan could ever end in time).
  std::chrono::milliseconds burstTimeout{100};
  // Longer bursts are released as typing: bounds what is held (a stuck key, a flood).
  std::size_t maxBurstLength = 4096;
};

struct WedgeScan {
  std::string text;  // UTF-8, without the Enter
  WedgeClock::time_point first;
  WedgeClock::time_point last;
};

// What was decided since the last take(): scans for the scan handler, and the keys to replay
// to the focused widget, each stream in the order the keys came.
struct WedgeOutput {
  std::vector<WedgeScan> scans;
  std::vector<WedgeKey> typed;
  [[nodiscard]] bool empty() const { return scans.empty() && typed.empty(); }
};

// One per keyboard input stream; not thread-safe (the UI thread owns it).
class WedgeDetector {
 public:
  explicit WedgeDetector(WedgeSettings settings = {});

  // Keys must come in the order they happened; a time point earlier than the previous key's is
  // taken as equal to it (clocks do not run backwards, but callers' stamps can).
  void feed(const WedgeKey& key);
  // Everything decided by `now` (including bursts that have timed out), handed over once.
  [[nodiscard]] WedgeOutput take(WedgeClock::time_point now);
  // Releases every held key as typing, e.g. when the window loses focus.
  [[nodiscard]] WedgeOutput flush();

  // When take() will next release something without a new key: the UI can sleep until then
  // (glfwWaitEventsTimeout) instead of polling. Empty when nothing is held.
  [[nodiscard]] std::optional<WedgeClock::time_point> nextDecision() const;
  [[nodiscard]] std::size_t heldCount() const { return m_held.size(); }
  [[nodiscard]] const WedgeSettings& settings() const { return m_settings; }

 private:
  void expire(WedgeClock::time_point now);
  void releaseHeld(std::size_t count);
  void releaseEarlyTyping();
  [[nodiscard]] bool isScan(WedgeClock::time_point enterAt) const;
  [[nodiscard]] WedgeClock::duration medianGap() const;

  WedgeSettings m_settings;
  std::vector<WedgeKey> m_held;  // characters of the open burst, not decided yet
  std::optional<WedgeClock::time_point> m_lastAt;
  WedgeOutput m_decided;
};

}  // namespace kiosk
