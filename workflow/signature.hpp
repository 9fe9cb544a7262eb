#pragma once
// The customer's signature as strokes, and its stored form: compact SVG path data (the format
// is described at RepairCase::acceptanceSignature). The kiosk draws and redraws it; the store
// keeps the text.
#include <string>
#include <string_view>
#include <vector>

#include "workflow/error.hpp"

namespace kiosk {

struct SignaturePoint {
  int x = 0;
  int y = 0;
  bool operator==(const SignaturePoint&) const = default;
};
using SignatureStroke = std::vector<SignaturePoint>;

// A stored signature is at most this long: a few thousand points, plenty for a name.
inline constexpr std::size_t kMaxSignatureLength = 64 * 1024;

// "M x y L x y ... M x y ..."; strokes without points are left out.
[[nodiscard]] std::string encodeSignature(const std::vector<SignatureStroke>& strokes);
// The strokes back from path data; empty text is no strokes. Anything but M/L commands with
// integer coordinates (or a path starting with L) is bad input for the field "signature".
[[nodiscard]] Result<std::vector<SignatureStroke>> decodeSignature(std::string_view pathData);

}  // namespace kiosk
