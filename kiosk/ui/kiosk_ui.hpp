#pragma once
// The whole kiosk UI for one frame: the tab bar, the status line and the visible screen. The
// GLFW shell and the headless tests drive the same object between ImGui::NewFrame and Render.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/camera_scanner.hpp"
#include "kiosk/app/kiosk_context.hpp"
#include "kiosk/screens/screen.hpp"
#include "kiosk/screens/sign_in_screen.hpp"

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
  // The PIN pad, drawn in place of the current screen while gated() (kiosk_ui_staff.cpp).
  [[nodiscard]] SignInScreen& signInScreen() { return *m_signIn; }
  // Staff accounts exist, nobody is signed in, and the current screen is a staff screen (every
  // one but the customer status screen): the PIN pad is shown instead, and scans go nowhere.
  [[nodiscard]] bool gated() const;
  // Tests: the clock the staff idle sign-out is measured on (the steady clock by default).
  using TimeSource = std::function<std::chrono::steady_clock::time_point()>;
  void setTimeSource(TimeSource now);
  // --screenshot only: the PIN pad in place of the staff screens whoever is signed in.
  void showSignInPad(bool show) { m_forcePad = show; }
  [[nodiscard]] Screen& screen(ScreenId id);
  [[nodiscard]] const std::vector<std::unique_ptr<Screen>>& screens() const { return m_screens; }
  // Anything still on its way from the backend (spinner, screenshot mode).
  [[nodiscard]] bool waiting() const;
  // For tests: whether the last frame showed the "offline" band above the screen.
  [[nodiscard]] bool showedOffline() const { return m_showedOffline; }

 private:
  void drawTabBar();
  void drawStaffHeader();
  void trackStaffIdle();
  void applySignOut();
  // Tells every screen when the member seen signed in last is no longer (however they went).
  void noticeSignOut();
  void drawStatusLine();
  void drawOfflineBand();
  void applyNavigation();

  KioskContext& m_ctx;
  std::vector<std::unique_ptr<Screen>> m_screens;
  Screen* m_current = nullptr;
  std::unique_ptr<CameraScanner> m_camera;
  std::optional<ScreenId> m_locked;
  bool m_showedOffline = false;
  std::unique_ptr<SignInScreen> m_signIn;
  bool m_wasGated = false;
  bool m_forcePad = false;
  bool m_signOutAsked = false;  // the header's button, applied after the frame
  std::string m_lastMember;     // who was signed in when last looked; "" nobody
  Pending<Result<StaffRoster>> m_accountsLook;  // whether accounts exist now, after a change
  TimeSource m_now = [] { return std::chrono::steady_clock::now(); };
  std::chrono::steady_clock::time_point m_lastInput{};
};

}  // namespace kiosk
