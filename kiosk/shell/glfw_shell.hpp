#pragma once
// The kiosk's window: GLFW, OpenGL 3 and Dear ImGui's GLFW/OpenGL3 backends from Debian's
// libimgui-dev. It sleeps while nobody touches it, wakes for input, background results, the
// clock and the keyboard-wedge detector, and draws KioskUi.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "workflow/error.hpp"

struct GLFWwindow;

namespace kiosk {

class KioskUi;
struct KioskContext;
class KeyboardRouter;

struct WindowOptions {
  int width = 1280, height = 800;
  bool fullscreen = false;
  bool visible = true;
};

// One frame's cost in milliseconds: building it (input, ImGui, the screens) and rendering it.
struct FrameTiming {
  double buildMs = 0, renderMs = 0;
  [[nodiscard]] double totalMs() const { return buildMs + renderMs; }
};

class GlfwShell {
 public:
  // Opens the window and an ImGui context on it. Errors when there is no display.
  [[nodiscard]] static Result<std::unique_ptr<GlfwShell>> open(const WindowOptions& options);
  ~GlfwShell();
  GlfwShell(const GlfwShell&) = delete;
  GlfwShell& operator=(const GlfwShell&) = delete;

  // Runs until the window is closed.
  void run(KioskUi& ui, KioskContext& ctx);
  // Draws frames until `ready()` holds for a few frames in a row (or `timeoutSeconds` pass),
  // then saves the last one as a PNG.
  [[nodiscard]] Result<void> capture(KioskUi& ui, const std::function<bool()>& ready,
                                     const std::filesystem::path& file, double timeoutSeconds = 20.0);
  // From any thread: wakes a sleeping loop (a background result is ready).
  static void wake();
  // Called once, right after the first frame is on screen (buffers swapped): `kiosk
  // --report-first-frame` and the start-up benchmark.
  void onFirstFrame(std::function<void()> callback) { m_onFirstFrame = std::move(callback); }

  // For bench/kiosk_bench: one frame as run() draws it, without sleeping first. `input` runs
  // between the GLFW backend's new frame and ImGui's, to inject input (a scroll wheel). Times
  // the build (ImGui) and the render (OpenGL, until glFinish); the buffer swap is not counted.
  [[nodiscard]] FrameTiming timedFrame(KioskUi& ui, const std::function<void()>& input = {});

 private:
  explicit GlfwShell(GLFWwindow* window);
  void drawFrame(KioskUi& ui, const std::function<void()>& input = {});
  void buildFrame(KioskUi& ui, const std::function<void()>& input);
  void renderFrame();
  void swap();
  void installCallbacks();

  GLFWwindow* m_window;
  std::unique_ptr<KeyboardRouter> m_keyboard;
  bool m_input = false;  // input arrived since the last frame
  std::function<void()> m_onFirstFrame;
};

}  // namespace kiosk
