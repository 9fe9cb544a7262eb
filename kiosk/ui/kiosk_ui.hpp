#pragma once
// The whole kiosk UI for one frame: the tab bar, the status line and the visible screen. The
// GLFW shell and the headless tests drive the same object between ImGui::NewFrame and Render.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/camera_scanner.hpp"
#include "kiosk/app/kiosk_context.hpp"
#include "kiosk/screens/screen.hpp"

namespace kiosk {

class KioskUi {
 public:
  explicit KioskUi(KioskContext& ctx);
  ~KioskUi();
  KioskUi(const KioskUi&) = delete;
  KioskUi& operator=(const KioskUi&) = delete;

  // Builds one frame; applies the screen changes asked for during it.
  void frame();
  // A scan from the keyboard-wedge scanner or the camera, wherever the focus is.
  void scan(const std::string& raw, const std::string& format = "");
  void show(ScreenId screen);
  // A station the public uses (the customer display at the counter): only this screen, no tab
  // bar, no function keys, and no way to another screen; the status line shows only the time.
  void lockTo(ScreenId screen);
  [[nodiscard]] bool locked() const { return m_locked.has_value(); }
  // Codes the camera reads become scans like the keyboard scanner's. Records what camera it is
  // in ctx.station.cameraStatus for the settings screen.
  void attachCamera(std::unique_ptr<CameraScanner> camera);

  [[nodiscard]] Screen& current();
  [[nodiscard]] Screen& screen(ScreenId id);
  [[nodiscard]] const std::vector<std::unique_ptr<Screen>>& screens() const { return m_screens; }
  // Anything still on its way from the backend (spinner, screenshot mode).
  [[nodiscard]] bool waiting() const;
  // For tests: whether the last frame showed the "offline" band above the screen.
  [[nodiscard]] bool showedOffline() const { return m_showedOffline; }

 private:
  void drawTabBar();
  void drawStatusLine();
  void drawOfflineBand();
  void applyNavigation();

  KioskContext& m_ctx;
  std::vector<std::unique_ptr<Screen>> m_screens;
  Screen* m_current = nullptr;
  std::unique_ptr<CameraScanner> m_camera;
  std::optional<ScreenId> m_locked;
  bool m_showedOffline = false;
};

}  // namespace kiosk
