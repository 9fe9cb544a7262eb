#pragma once
// The one place that knows how Dear ImGui 1.86 takes input (io.KeysDown with io.KeyMap,
// io.MousePos, io.MouseDown); 1.87 replaced this with events, and an upgrade touches only this
// file. Keys are numbered as GLFW numbers them, because the real shell's GLFW backend writes
// those numbers into io.KeysDown; headless tests use the same numbers.
#include <string_view>

namespace kiosk::input {

enum class Key : int {
  Tab = 258, Enter = 257, Escape = 256, Backspace = 259, Delete = 261,
  Right = 262, Left = 263, Down = 264, Up = 265, PageUp = 266, PageDown = 267, Home = 268, End = 269,
  Space = 32, A = 65, B = 66, C = 67, F = 70, V = 86, X = 88, Y = 89, Z = 90,
  F1 = 290, F2 = 291, F3 = 292, F4 = 293, F5 = 294, F6 = 295, F7 = 296, F8 = 297,
  LeftCtrl = 341, LeftShift = 340, LeftAlt = 342,
};

// Headless only: maps ImGui's named keys to the numbers above (the GLFW backend does this for
// a real window).
void installKeyMap();

// Was the key pressed this frame (with key repeat)? Works in both shells.
[[nodiscard]] bool pressed(Key key, bool repeat = false);
[[nodiscard]] bool ctrlHeld();
[[nodiscard]] bool altHeld();
// The key of a digit 0-9 on the main keyboard (GLFW numbers them '0'..'9').
[[nodiscard]] constexpr Key digitKey(int digit) { return static_cast<Key>('0' + digit); }

// Any touch, click, mouse move, wheel, typed character or key press this frame: someone is at
// the station (the staff idle sign-out measures from the last one).
[[nodiscard]] bool anyActivity();

// Injecting input, for tests and for the keyboard-wedge scanner path.
void setKey(Key key, bool down);
void setMousePosition(float x, float y);
void setMouseButton(int button, bool down);
void typeText(std::string_view utf8);

}  // namespace kiosk::input
