#pragma once
// What a screen gets each frame: the backend, the texts, the fonts, and the navigator through
// which it asks for another screen. Passed in, never global.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/app/kiosk_backend.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/ui_text.hpp"

namespace kiosk {

// SignIn is never on the tab bar: the kiosk draws it in place of a staff screen while nobody is
// signed in (kiosk/ui/kiosk_ui.cpp).
enum class ScreenId { Intake, Queue, Case, CustomerStatus, Dashboard, Settings, SignIn };

// Requests to change screen, applied by the kiosk after the frame that made them.
class Navigator {
 public:
  void show(ScreenId screen) { m_requested = screen; }
  void openCase(std::string number) {
    m_caseNumber = std::move(number);
    m_requested = ScreenId::Case;
  }
  // Opens the queue with this search typed in (a scanned serial).
  void search(std::string text) {
    m_search = std::move(text);
    m_requested = ScreenId::Queue;
  }

  [[nodiscard]] ScreenId current() const { return m_current; }
  [[nodiscard]] std::optional<ScreenId> takeRequest() { return std::exchange(m_requested, std::nullopt); }
  void setCurrent(ScreenId screen) { m_current = screen; }
  // The case the case screen should show, and the search the queue should run: taken once.
  [[nodiscard]] std::optional<std::string> takeCaseNumber() { return std::exchange(m_caseNumber, std::nullopt); }
  [[nodiscard]] std::optional<std::string> takeSearch() { return std::exchange(m_search, std::nullopt); }

 private:
  ScreenId m_current = ScreenId::Queue;
  std::optional<ScreenId> m_requested;
  std::optional<std::string> m_caseNumber;
  std::optional<std::string> m_search;
};

// How the station is set up: shown and changed on the settings screen.
struct StationSettings {
  std::string name;          // the station's name, e.g. "Benk 3"
  std::string camera;        // /dev/videoN or empty: the first camera found
  std::string cameraStatus;  // the camera in use, or why there is none (shown in settings)
  std::string labelPrinter;  // HOST:PORT or empty: labels and receipts are saved as files
  std::chrono::seconds customerIdleReset{45};  // the customer screen returns to its start page
  // [staff] idle_sign_out_minutes of --config: the signed-in member is signed out after this long
  // without input.
  std::chrono::minutes staffIdleSignOut{5};
  // [passcodes] show_seconds of --config: how long the case screen's "Show passcode" shows a
  // device's passcode before it is wiped.
  std::chrono::seconds passcodeShownFor{30};
};

struct KioskContext {
  KioskBackend& backend;
  std::unique_ptr<UiText> text;  // replaced when the language changes
  KioskFonts fonts;
  Navigator nav;
  StationSettings station;
  // A screen that needs a frame at a time without input (a countdown) asks for it here; the
  // shell sleeps until the earliest such time, an event, or a background result.
  std::optional<std::chrono::steady_clock::time_point> wakeAt;
  void wakeNoLaterThan(std::chrono::steady_clock::time_point at) {
    if (!wakeAt || at < *wakeAt) wakeAt = at;
  }

  [[nodiscard]] const UiText& t() const { return *text; }
};

}  // namespace kiosk
