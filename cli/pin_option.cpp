#include "cli/pin_option.hpp"

namespace kiosk::cli {

Result<std::string> pinFromOption(const std::string& value, std::istream& in, std::string_view field) {
  if (value != "-") return value;
  std::string line;
  if (!std::getline(in, line)) {
    return badInput(std::string(field), "is '-' but standard input ended before a line with the PIN");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace kiosk::cli
