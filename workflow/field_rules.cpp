#include "workflow/field_rules.hpp"

#include <cctype>
#include <limits>

namespace kiosk {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlnum(char c) { return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
char toUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// A customer's mobile number or e-mail address is personal data: an error about one says what is
// wrong without repeating it, so that no terminal, script log or screenshot of an error keeps it.
constexpr std::string_view kNotAPhone = "is not a phone number";

}  // namespace

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string keyword(std::string_view text) {
  std::string out = trim(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Result<std::string> requireText(std::string_view field, std::string_view text) {
  std::string value = trim(text);
  if (value.empty()) return badInput(std::string(field), "is required and may not be empty");
  return value;
}

std::string upperAlnum(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (isAlnum(c)) out += toUpper(c);
  }
  return out;
}

Result<std::string> normalizeSerial(std::string_view field, std::string_view text) {
  std::string serial;
  for (const char c : trim(text)) {
    if (c == ' ') continue;
    if (!isAlnum(c)) {
      return badInput(std::string(field), quoted(text) + " has '" + std::string(1, c) +
                                              "': serial numbers have only letters and digits");
    }
    serial += toUpper(c);
  }
  if (serial.empty()) return badInput(std::string(field), "is required and may not be empty");
  if (serial.size() < 5 || serial.size() > 20) {
    return badInput(std::string(field), quoted(text) + " has " + std::to_string(serial.size()) +
                                            " characters; serial numbers have 5 to 20");
  }
  return serial;
}

Result<std::string> normalizePhone(std::string_view field, std::string_view input) {
  const std::string text = trim(input);
  std::string digits;
  bool international = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (isDigit(c)) {
      digits += c;
    } else if (c == '+' && i == 0) {
      international = true;
    } else if (c != ' ' && c != '-' && c != '.') {
      return badInput(std::string(field), std::string(kNotAPhone));
    }
  }
  if (!international && digits.size() > 2 && digits.compare(0, 2, "00") == 0) {
    international = true;
    digits.erase(0, 2);
  }
  if (!international) {
    if (digits.size() != 8) {
      return badInput(std::string(field), std::string(kNotAPhone) +
                                              ": a Norwegian number has 8 digits, others start with + and the "
                                              "country code");
    }
    return "+47" + digits;
  }
  if (digits.size() < 7 || digits.size() > 15 || digits[0] == '0') {
    return badInput(std::string(field), std::string(kNotAPhone));
  }
  if (digits.compare(0, 2, "47") == 0 && digits.size() != 10) {
    return badInput(std::string(field), std::string(kNotAPhone) + ": +47 is followed by 8 digits");
  }
  return "+" + digits;
}

Result<std::string> normalizeCountry(std::string_view field, std::string_view text) {
  const std::string country = upperAlnum(text);
  const bool letters = country.size() == 2 && country[0] >= 'A' && country[0] <= 'Z' && country[1] >= 'A' &&
                       country[1] <= 'Z';
  if (!letters) return badInput(std::string(field), quoted(text) + " is not a two-letter country code (NO, SE, ...)");
  return country;
}

Result<std::string> normalizeEmail(std::string_view field, std::string_view input) {
  const std::string text = trim(input);
  const auto at = text.find('@');
  const bool shaped = at != std::string::npos && at > 0 && text.find('@', at + 1) == std::string::npos &&
                      text.find('.', at) != std::string::npos && text.back() != '.' &&
                      text.find(' ') == std::string::npos && text[at + 1] != '.';
  if (!shaped) return badInput(std::string(field), "is not an e-mail address (name@domain)");
  return text;
}

Result<std::int64_t> parseNok(std::string_view field, std::string_view input) {
  const std::string text = trim(input);
  std::int64_t kroner = 0;
  std::int64_t ore = 0;
  int decimals = -1;  // -1: no separator seen yet
  bool anyDigit = false;
  for (const char c : text) {
    if (isDigit(c)) {
      anyDigit = true;
      if (decimals < 0) {
        if (kroner > std::numeric_limits<std::int64_t>::max() / 1000) {
          return badInput(std::string(field), quoted(input) + " is too large an amount");
        }
        kroner = kroner * 10 + (c - '0');
      } else if (decimals < 2) {
        ore = ore * 10 + (c - '0');
        ++decimals;
      } else {
        return badInput(std::string(field), quoted(input) + " has more than two decimals");
      }
    } else if ((c == '.' || c == ',') && decimals < 0) {
      decimals = 0;
    } else if (c == '-') {
      return badInput(std::string(field), quoted(input) + " is negative; amounts are 0 or more");
    } else {
      return badInput(std::string(field), quoted(input) + " is not an amount in kroner (like 1299 or 1299.50)");
    }
  }
  if (!anyDigit || decimals == 0) {
    return badInput(std::string(field), quoted(input) + " is not an amount in kroner (like 1299 or 1299.50)");
  }
  if (decimals == 1) ore *= 10;
  return kroner * 100 + ore;
}

std::string formatNok(std::int64_t ore) {
  std::string text = std::to_string(ore / 100);
  const std::int64_t rest = ore % 100;
  if (rest != 0) {
    text += '.';
    text += static_cast<char>('0' + rest / 10);
    if (rest % 10 != 0) text += static_cast<char>('0' + rest % 10);
  }
  return text;
}

}  // namespace kiosk
