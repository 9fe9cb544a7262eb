#include "kiosk/shell/glfw_shell.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <utility>

#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include "kiosk/shell/screenshot.hpp"
#include "kiosk/ui/keyboard_router.hpp"
#include "kiosk/ui/kiosk_ui.hpp"

namespace kiosk {
namespace {

using SteadyClock = std::chrono::steady_clock;

// Frames drawn after any input or wake-up: some widgets settle over two frames (ImGui's own
// advice for apps that sleep).
constexpr int kFramesAfterEvent = 3;
// While work runs (a spinner turns), frames come at most this often.
constexpr auto kAnimationFrame = std::chrono::milliseconds(16);

GlfwShell* shellOf(GLFWwindow* window) { return static_cast<GlfwShell*>(glfwGetWindowUserPointer(window)); }

// The next whole minute: the status line's clock changes then.
SteadyClock::time_point nextMinute() {
  const auto now = std::chrono::system_clock::now();
  const auto minute = std::chrono::ceil<std::chrono::minutes>(now + std::chrono::milliseconds(1));
  return SteadyClock::now() + (minute - now);
}

}  // namespace

Result<std::unique_ptr<GlfwShell>> GlfwShell::open(const WindowOptions& options) {
  if (glfwInit() == GLFW_FALSE) {
    const char* why = nullptr;
    glfwGetError(&why);
    return storageError(std::string("cannot open a window (is there a display? DISPLAY is '") +
                        (std::getenv("DISPLAY") != nullptr ? std::getenv("DISPLAY") : "") +
                        "'): " + (why != nullptr ? why : "GLFW failed to start"));
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  GLFWmonitor* monitor = options.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
  int width = options.width, height = options.height;
  if (monitor != nullptr) {
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    width = mode->width;
    height = mode->height;
  }
  GLFWwindow* window = glfwCreateWindow(width, height, "Reparasjon", monitor, nullptr);
  if (window == nullptr) {
    const char* why = nullptr;
    glfwGetError(&why);
    glfwTerminate();
    return storageError(std::string("cannot open an OpenGL 3 window: ") + (why != nullptr ? why : "unknown reason"));
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  auto shell = std::unique_ptr<GlfwShell>(new GlfwShell(window));
  return shell;
}

GlfwShell::GlfwShell(GLFWwindow* window) : m_window(window), m_keyboard(std::make_unique<KeyboardRouter>()) {
  glfwSetWindowUserPointer(m_window, this);
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk starts the same every time
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  // Our own callbacks call the backend's: the keyboard goes through the wedge detector first.
  ImGui_ImplGlfw_InitForOpenGL(m_window, false);
  ImGui_ImplOpenGL3_Init("#version 130");
  installCallbacks();
}

GlfwShell::~GlfwShell() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(m_window);
  glfwTerminate();
}

void GlfwShell::wake() { glfwPostEmptyEvent(); }

void GlfwShell::installCallbacks() {
  glfwSetMouseButtonCallback(m_window, [](GLFWwindow* w, int button, int action, int mods) {
    shellOf(w)->m_input = true;
    ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
  });
  glfwSetScrollCallback(m_window, [](GLFWwindow* w, double x, double y) {
    shellOf(w)->m_input = true;
    ImGui_ImplGlfw_ScrollCallback(w, x, y);
  });
  glfwSetCursorPosCallback(m_window, [](GLFWwindow* w, double, double) { shellOf(w)->m_input = true; });
  glfwSetWindowFocusCallback(m_window, [](GLFWwindow* w, int focused) {
    shellOf(w)->m_input = true;
    ImGui_ImplGlfw_WindowFocusCallback(w, focused);
  });
  glfwSetCursorEnterCallback(m_window, [](GLFWwindow* w, int entered) {
    shellOf(w)->m_input = true;
    ImGui_ImplGlfw_CursorEnterCallback(w, entered);
  });
  glfwSetWindowRefreshCallback(m_window, [](GLFWwindow* w) { shellOf(w)->m_input = true; });
  glfwSetKeyCallback(m_window, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
    GlfwShell* shell = shellOf(w);
    shell->m_input = true;
    if (action == GLFW_PRESS && shell->m_keyboard->keyPressed(static_cast<input::Key>(key), SteadyClock::now())) {
      return;
    }
    ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
  });
  glfwSetCharCallback(m_window, [](GLFWwindow* w, unsigned int c) {
    GlfwShell* shell = shellOf(w);
    shell->m_input = true;
    shell->m_keyboard->character(static_cast<char32_t>(c), SteadyClock::now());
  });
}

void GlfwShell::drawFrame(KioskUi& ui, const std::function<void()>& input) {
  buildFrame(ui, input);
  renderFrame();
}

void GlfwShell::buildFrame(KioskUi& ui, const std::function<void()>& input) {
  const auto scans = m_keyboard->frame(SteadyClock::now());
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  if (input) input();
  ImGui::NewFrame();
  for (const auto& scan : scans) ui.scan(scan);
  ui.frame();
  ImGui::Render();
}

void GlfwShell::renderFrame() {
  int width = 0, height = 0;
  glfwGetFramebufferSize(m_window, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(0.08f, 0.09f, 0.10f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void GlfwShell::swap() {
  glfwSwapBuffers(m_window);
  if (m_onFirstFrame) std::exchange(m_onFirstFrame, {})();
}

FrameTiming GlfwShell::timedFrame(KioskUi& ui, const std::function<void()>& input) {
  glfwPollEvents();
  const auto start = SteadyClock::now();
  buildFrame(ui, input);
  const auto built = SteadyClock::now();
  renderFrame();
  glFinish();  // the software renderer's work counts, not only the queueing of it
  const auto rendered = SteadyClock::now();
  swap();
  using Ms = std::chrono::duration<double, std::milli>;
  return {Ms(built - start).count(), Ms(rendered - built).count()};
}

void GlfwShell::run(KioskUi& ui, KioskContext& ctx) {
  int framesLeft = kFramesAfterEvent;
  auto lastFrame = SteadyClock::now();
  while (glfwWindowShouldClose(m_window) == GLFW_FALSE) {
    const bool animating = ui.waiting() || framesLeft > 0;
    if (animating) {
      // Pace animation frames ourselves: a virtual display may not honour the swap interval.
      const auto next = lastFrame + kAnimationFrame;
      const auto now = SteadyClock::now();
      if (next > now) {
        glfwWaitEventsTimeout(std::chrono::duration<double>(next - now).count());
      } else {
        glfwPollEvents();
      }
    } else {
      // Asleep: until input, a background result (wake()), the clock's next minute, the
      // wedge detector's next decision or a screen's own deadline.
      auto until = nextMinute();
      if (const auto decision = m_keyboard->nextDecision()) until = std::min(until, *decision);
      if (ctx.wakeAt) until = std::min(until, *ctx.wakeAt);
      const double seconds = std::chrono::duration<double>(until - SteadyClock::now()).count();
      glfwWaitEventsTimeout(std::max(0.001, seconds));
      framesLeft = kFramesAfterEvent;  // whatever woke us gets its settled frames
    }
    if (m_input) {
      framesLeft = kFramesAfterEvent;
      m_input = false;
    }
    if (ctx.wakeAt && *ctx.wakeAt <= SteadyClock::now()) ctx.wakeAt.reset();
    lastFrame = SteadyClock::now();
    drawFrame(ui);
    swap();
    if (framesLeft > 0) --framesLeft;
  }
}

Result<void> GlfwShell::capture(KioskUi& ui, const std::function<bool()>& ready, const std::filesystem::path& file,
                                double timeoutSeconds) {
  const auto deadline = SteadyClock::now() + std::chrono::duration<double>(timeoutSeconds);
  int settled = 0;
  // A few frames in a row with nothing pending: lists are filled and layouts have settled.
  while (settled < 4) {
    glfwPollEvents();
    drawFrame(ui);
    settled = ready() ? settled + 1 : 0;
    if (settled < 4) {
      glfwSwapBuffers(m_window);
      if (SteadyClock::now() > deadline) return storageError("the screen was still loading after the time limit: " + file.string());
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  int width = 0, height = 0;
  glfwGetFramebufferSize(m_window, &width, &height);
  auto saved = saveFramebufferPng(file, width, height);
  glfwSwapBuffers(m_window);
  return saved;
}

}  // namespace kiosk
