#include "workflow/signature.hpp"

#include <charconv>

namespace kiosk {
namespace {

void skipSpaces(std::string_view text, std::size_t& at) {
  while (at < text.size() && text[at] == ' ') ++at;
}

// One integer at `at` (after spaces); false when there is none.
bool readInt(std::string_view text, std::size_t& at, int& value) {
  skipSpaces(text, at);
  const char* begin = text.data() + at;
  const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
  if (ec != std::errc{} || end == begin) return false;
  at += static_cast<std::size_t>(end - begin);
  return true;
}

}  // namespace

std::string encodeSignature(const std::vector<SignatureStroke>& strokes) {
  std::string path;
  for (const auto& stroke : strokes) {
    for (std::size_t i = 0; i < stroke.size(); ++i) {
      if (!path.empty()) path += ' ';
      path += i == 0 ? "M " : "L ";
      path += std::to_string(stroke[i].x) + ' ' + std::to_string(stroke[i].y);
    }
  }
  return path;
}

Result<std::vector<SignatureStroke>> decodeSignature(std::string_view pathData) {
  if (pathData.size() > kMaxSignatureLength) {
    return badInput("signature", "is " + std::to_string(pathData.size()) + " characters long; at most " +
                                     std::to_string(kMaxSignatureLength) + " are kept");
  }
  std::vector<SignatureStroke> strokes;
  std::size_t at = 0;
  skipSpaces(pathData, at);
  while (at < pathData.size()) {
    const char command = pathData[at++];
    if (command != 'M' && command != 'L') {
      return badInput("signature", "'" + std::string(1, command) + "' at " + std::to_string(at - 1) +
                                       " is not a path command (M or L)");
    }
    if (command == 'L' && strokes.empty()) return badInput("signature", "starts with L; a stroke starts with M");
    SignaturePoint point;
    if (!readInt(pathData, at, point.x) || !readInt(pathData, at, point.y)) {
      return badInput("signature", std::string(1, command) + " needs two whole-number coordinates");
    }
    if (command == 'M') strokes.emplace_back();
    strokes.back().push_back(point);
    skipSpaces(pathData, at);
  }
  return strokes;
}

}  // namespace kiosk
