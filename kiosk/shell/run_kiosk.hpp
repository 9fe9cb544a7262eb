#pragma once
// The kiosk program: options, window, backend, screens; `kiosk --screenshot DIR` draws every
// screen once and exits.
namespace kiosk {

// Exit codes as kioskctl's: 0 done, 2 bad options or input, 3 no database or no window.
[[nodiscard]] int runKiosk(int argc, const char* const* argv);

}  // namespace kiosk
