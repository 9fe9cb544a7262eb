#include "cli/pin_input.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <optional>

namespace kiosk::cli {
namespace {

// Echo off on the terminal while a PIN is typed, restored however the read ends.
class HiddenTyping {
 public:
  HiddenTyping() {
    if (tcgetattr(STDIN_FILENO, &m_saved) != 0) return;
    termios quiet = m_saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~HiddenTyping() {
    if (m_active) tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
  }
  HiddenTyping(const HiddenTyping&) = delete;
  HiddenTyping& operator=(const HiddenTyping&) = delete;

 private:
  termios m_saved{};
  bool m_active = false;
};

}  // namespace

Result<std::string> readPinOption(const std::string& value, std::istream& in, std::ostream& prompt,
                                  std::string_view field) {
  if (value != "-") return value;
  // Only the process's own standard input can be a terminal; a test's stream never is.
  const bool terminal = &in == &std::cin && isatty(STDIN_FILENO) == 1;
  std::optional<HiddenTyping> hidden;
  if (terminal) {
    prompt << "--" << field << ": " << std::flush;
    hidden.emplace();
  }
  std::string line;
  const bool read = static_cast<bool>(std::getline(in, line));
  if (terminal) {
    hidden.reset();
    prompt << '\n';
  }
  if (!read) {
    return badInput(std::string(field), "is '-' but standard input ended before a line with the PIN");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace kiosk::cli
