#pragma once
// The case screen's "Show passcode" (Vis passkode), for an open case that holds a passcode. A
// signed-in technician gets the button; it asks for their own PIN (masked), and the backend reads
// the passcode through PasscodeService on the worker (the PIN judged as a sign-in, every attempt
// a "passcode-read" event on the case). The passcode then shows in large type for
// StationSettings::passcodeShownFor, with a button that hides it sooner, and is wiped from
// memory when it goes. The typed PIN is wiped as soon as it is sent. Other roles get a line
// saying only a technician reads it. Another case, leaving the screen or a sign-out: reset().
// A PIN answered locked or disabled signs the member out (KioskBackend::readPasscode), so that
// reset() too, and the PIN pad that then shows says why.
#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <imgui.h>

#include "kiosk/app/kiosk_context.hpp"
#include "kiosk/app/secret_text.hpp"

namespace kiosk {

class CasePasscode {
 public:
  using TimeSource = std::function<std::chrono::steady_clock::time_point()>;

  CasePasscode() = default;
  CasePasscode(const CasePasscode&) = delete;
  CasePasscode& operator=(const CasePasscode&) = delete;
  ~CasePasscode() { wipePin(); }

  // The prompt closes, the passcode and the typed PIN are wiped, an answer on its way is dropped.
  void reset();
  // One frame for case `c`: the button or the role's line, the prompt, the passcode; nothing for a
  // closed case or one without a passcode.
  void draw(KioskContext& ctx, const RepairCase& c);
  [[nodiscard]] bool waiting() const { return m_pending.active(); }
  [[nodiscard]] bool promptOpen() const { return m_promptOpen; }
  // --screenshot: the prompt as the button opens it, once case `number` is drawn (it may still be
  // loading).
  void openPromptFor(std::string number) { m_openFor = std::move(number); }

  // For tests: what the last frame offered and showed.
  void setTimeSource(TimeSource now) { m_now = std::move(now); }
  [[nodiscard]] bool offered() const { return m_offered; }          // the button
  [[nodiscard]] bool saidNotForRole() const { return m_saidNotForRole; }
  [[nodiscard]] std::string_view shown() const { return m_shown.view(); }
  [[nodiscard]] const std::string& message() const { return m_message; }
  // The centre of the button drawn last frame: "Show passcode", or "Hide" while it shows.
  [[nodiscard]] ImVec2 buttonAt() const { return m_buttonAt; }

 private:
  void poll(KioskContext& ctx);
  void drawOffer(KioskContext& ctx);
  void drawPrompt(KioskContext& ctx, const RepairCase& c);
  void drawShown(KioskContext& ctx);
  void send(KioskContext& ctx, const RepairCase& c);
  void openPrompt();
  void closePrompt();
  void wipePin();

  std::string m_number;   // the case the prompt, the answer or the passcode belong to
  std::string m_openFor;  // openPromptFor
  bool m_promptOpen = false;
  bool m_focusPin = false;
  std::array<char, 40> m_pin{};  // fixed: an ImGui field edits it in place, never reallocated
  unsigned m_pinField = 0;       // the PIN field's ImGui id, to wipe ImGui's copy of the text
  Pending<Result<PasscodeReading>> m_pending;
  SecretText m_shown;
  std::chrono::steady_clock::time_point m_hideAt{};
  std::string m_message;  // why the last read was refused, in words
  bool m_offered = false;
  bool m_saidNotForRole = false;
  ImVec2 m_buttonAt{};
  TimeSource m_now = [] { return std::chrono::steady_clock::now(); };
};

}  // namespace kiosk
