#include "workflow/staff.hpp"

#include <array>
#include <cctype>

namespace kiosk {
namespace {

constexpr std::array<std::pair<StaffRole, std::string_view>, 3> kRoles = {{
    {StaffRole::Counter, "counter"},
    {StaffRole::Technician, "technician"},
    {StaffRole::Admin, "admin"},
}};

std::string lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// UTF-8 characters, counted by their lead bytes.
std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

std::string_view roleName(StaffRole role) {
  for (const auto& [r, name] : kRoles) {
    if (r == role) return name;
  }
  return "counter";
}

Result<StaffRole> parseStaffRole(std::string_view text, std::string_view field) {
  const std::string typed = lowered(text);
  for (const auto& [role, name] : kRoles) {
    if (typed == name) return role;
  }
  return badInput(std::string(field), "'" + std::string(text) + "' is not a role; give counter, technician or admin");
}

Result<void> checkPinFormat(std::string_view pin, std::string_view field) {
  bool digitsOnly = true;
  for (const char c : pin) digitsOnly = digitsOnly && c >= '0' && c <= '9';
  if (!digitsOnly || pin.size() < kMinPinDigits || pin.size() > kMaxPinDigits) {
    // Never the PIN itself, nor which of its characters is wrong: it may be nearly someone's.
    return badInput(std::string(field), "a PIN is " + std::to_string(kMinPinDigits) + " to " +
                                            std::to_string(kMaxPinDigits) + " digits (0-9) and nothing else");
  }
  return {};
}

Result<std::string> normalizeStaffName(std::string_view text, std::string_view field) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return badInput(std::string(field), "a staff member needs a name");
  const auto end = text.find_last_not_of(" \t");
  const std::string_view name = text.substr(begin, end - begin + 1);
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return badInput(std::string(field), "a name has no control characters");
    if (c == ':') {
      return badInput(std::string(field),
                      "a name has no ':' (events of the station's service account read \"station:USER\")");
    }
  }
  if (characters(name) > kMaxStaffNameLength) {
    return badInput(std::string(field), "a name is at most " + std::to_string(kMaxStaffNameLength) + " characters");
  }
  return std::string(name);
}

}  // namespace kiosk
