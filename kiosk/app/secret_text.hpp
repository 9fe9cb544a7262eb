#pragma once
// Text that must not linger in memory after its use: a device passcode on its way to the screen
// and back out of it, a PIN typed at the kiosk on its way to the worker. A std::string moved from
// keeps its old characters in its small-string buffer and a freed one keeps them on the heap, so
// this class overwrites every copy it holds when it is wiped, moved from or destroyed.
#include <string>
#include <string_view>

namespace kiosk {

class SecretText {
 public:
  SecretText() = default;
  explicit SecretText(std::string_view text) : m_text(text) {}
  SecretText(const SecretText&) = delete;
  SecretText& operator=(const SecretText&) = delete;
  SecretText(SecretText&& other) noexcept;
  SecretText& operator=(SecretText&& other) noexcept;
  ~SecretText() { wipe(); }

  // Overwritten with zeros, then emptied.
  void wipe() noexcept { wipe(m_text); }
  [[nodiscard]] std::string_view view() const { return m_text; }
  [[nodiscard]] bool empty() const { return m_text.empty(); }

  // The same for a std::string this class did not make (the workflow's answer), and for a
  // character buffer an ImGui text field edits in place.
  static void wipe(std::string& text) noexcept;
  static void wipe(char* buffer, std::size_t size) noexcept;

 private:
  std::string m_text;
};

}  // namespace kiosk
