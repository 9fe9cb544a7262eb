#include "kiosk/ui/imgui_input.hpp"

#include <string>

#include <imgui.h>

namespace kiosk::input {
namespace {

int index(Key key) { return static_cast<int>(key); }

}  // namespace

void installKeyMap() {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyMap[ImGuiKey_Tab] = index(Key::Tab);
  io.KeyMap[ImGuiKey_LeftArrow] = index(Key::Left);
  io.KeyMap[ImGuiKey_RightArrow] = index(Key::Right);
  io.KeyMap[ImGuiKey_UpArrow] = index(Key::Up);
  io.KeyMap[ImGuiKey_DownArrow] = index(Key::Down);
  io.KeyMap[ImGuiKey_PageUp] = index(Key::PageUp);
  io.KeyMap[ImGuiKey_PageDown] = index(Key::PageDown);
  io.KeyMap[ImGuiKey_Home] = index(Key::Home);
  io.KeyMap[ImGuiKey_End] = index(Key::End);
  io.KeyMap[ImGuiKey_Delete] = index(Key::Delete);
  io.KeyMap[ImGuiKey_Backspace] = index(Key::Backspace);
  io.KeyMap[ImGuiKey_Space] = index(Key::Space);
  io.KeyMap[ImGuiKey_Enter] = index(Key::Enter);
  io.KeyMap[ImGuiKey_Escape] = index(Key::Escape);
  io.KeyMap[ImGuiKey_KeyPadEnter] = index(Key::Enter);
  io.KeyMap[ImGuiKey_A] = index(Key::A);
  io.KeyMap[ImGuiKey_C] = index(Key::C);
  io.KeyMap[ImGuiKey_V] = index(Key::V);
  io.KeyMap[ImGuiKey_X] = index(Key::X);
  io.KeyMap[ImGuiKey_Y] = index(Key::Y);
  io.KeyMap[ImGuiKey_Z] = index(Key::Z);
}

bool pressed(Key key, bool repeat) { return ImGui::IsKeyPressed(index(key), repeat); }

bool anyActivity() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || io.MouseWheel != 0.0f || io.InputQueueCharacters.Size > 0) {
    return true;
  }
  for (int button = 0; button < IM_ARRAYSIZE(io.MouseDown); ++button) {
    if (ImGui::IsMouseClicked(button)) return true;
  }
  for (int key = 0; key < IM_ARRAYSIZE(io.KeysDown); ++key) {
    if (ImGui::IsKeyPressed(key, false)) return true;
  }
  return false;
}

bool ctrlHeld() { return ImGui::GetIO().KeyCtrl; }

bool altHeld() { return ImGui::GetIO().KeyAlt; }

void setKey(Key key, bool down) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[index(key)] = down;
  if (key == Key::LeftCtrl) io.KeyCtrl = down;
  if (key == Key::LeftShift) io.KeyShift = down;
  if (key == Key::LeftAlt) io.KeyAlt = down;
}

void setMousePosition(float x, float y) { ImGui::GetIO().MousePos = ImVec2(x, y); }

void setMouseButton(int button, bool down) { ImGui::GetIO().MouseDown[button] = down; }

void typeText(std::string_view utf8) { ImGui::GetIO().AddInputCharactersUTF8(std::string(utf8).c_str()); }

}  // namespace kiosk::input
