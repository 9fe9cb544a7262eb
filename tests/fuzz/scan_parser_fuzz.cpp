// libFuzzer target for parseScan. Besides crashes and sanitizer reports, it fails (abort) when a
// reading breaks what callers rely on: text printable and bounded, raw kept whole, a warning
// exactly when nothing was accepted, accepted values well-formed and stable when read again.
// The first byte picks a barcode format and vendor hint for a second parse of the rest, so the
// format- and hint-dependent rules are fuzzed too.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "scanner/scan_parser.hpp"
#include "workflow/case_number.hpp"

namespace {

using kiosk::ScanKind;
using kiosk::ScanReading;

constexpr std::array<std::string_view, 11> kFormats = {
    "", "Code128", "Code39", "QRCode", "DataMatrix", "EAN-13", "EAN-8", "UPC-A", "UPC-E", "ITF",
    "PDF417"};
constexpr std::array<std::string_view, 4> kHints = {"", "apple", "hp", "lenovo"};

[[noreturn]] void fail(const char* what, const ScanReading& reading) {
  std::fprintf(stderr, "invariant broken: %s\n  kind=%s text=[%s] warning=[%s] raw bytes=%zu\n",
               what, std::string(kiosk::scanKindName(reading.kind)).c_str(), reading.text.c_str(),
               reading.warning.c_str(), reading.raw.size());
  std::abort();
}

// Printable as the kiosk draws it, checked here without the parser's own code: strict UTF-8,
// no C0 or C1 controls, no DEL, no invisible formatting characters.
bool isPrintable(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::uint32_t cp = 0;
    std::size_t length = 0;
    if (lead < 0x80) {
      cp = lead;
      length = 1;
    } else if ((lead & 0xE0u) == 0xC0u) {
      cp = lead & 0x1Fu;
      length = 2;
    } else if ((lead & 0xF0u) == 0xE0u) {
      cp = lead & 0x0Fu;
      length = 3;
    } else if ((lead & 0xF8u) == 0xF0u) {
      cp = lead & 0x07u;
      length = 4;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0u) != 0x80u) return false;
      cp = (cp << 6) | (next & 0x3Fu);
    }
    const std::uint32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < minimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return false;
    if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
        (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF) {
      return false;
    }
    i += length;
  }
  return true;
}

bool luhn(std::string_view digits) {
  int sum = 0;
  for (std::size_t k = 0; k < digits.size(); ++k) {
    int d = digits[digits.size() - 1 - k] - '0';
    if (k % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 == 0;
}

bool allOf(std::string_view text, std::string_view allowed) {
  return text.find_first_not_of(allowed) == std::string_view::npos;
}

constexpr std::string_view kUpperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

bool isDeviceKind(ScanKind kind) {
  return kind == ScanKind::AppleSerial || kind == ScanKind::Imei || kind == ScanKind::HpSerial ||
         kind == ScanKind::LenovoSerial;
}

void checkValue(const ScanReading& r) {
  switch (r.kind) {
    case ScanKind::Imei:
      if (r.text.size() != 15 || !allOf(r.text, "0123456789") || !luhn(r.text)) {
        fail("an IMEI is 15 digits passing Luhn", r);
      }
      break;
    case ScanKind::AppleSerial:
      if ((r.text.size() != 10 && r.text.size() != 12) || !allOf(r.text, kUpperAlnum)) {
        fail("an Apple serial is 10 or 12 letters and digits", r);
      }
      break;
    case ScanKind::HpSerial:
    case ScanKind::LenovoMachineType:
      if (r.text.size() != 10 || !allOf(r.text, kUpperAlnum)) fail("10 letters and digits", r);
      break;
    case ScanKind::LenovoSerial:
      if (r.text.size() != 8 || !allOf(r.text, kUpperAlnum)) fail("a Lenovo serial is 8", r);
      if (!r.machineType.empty() && r.machineType.size() != 10 && r.machineType.size() != 7) {
        fail("a machine type/model is 7 or 10 characters", r);
      }
      break;
    case ScanKind::HpProduct:
      if (r.text.empty() || r.text.size() > 11 || !allOf(r.text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#")) {
        fail("an HP product number is short, letters, digits and #", r);
      }
      break;
    case ScanKind::CaseNumber: {
      const auto sequence = kiosk::parseCaseNumber(r.text);
      if (!sequence || kiosk::formatCaseNumber(*sequence) != r.text) {
        fail("a case number is issued and in its printed form", r);
      }
      break;
    }
    case ScanKind::Unknown:
      break;
  }
  if (r.kind != ScanKind::LenovoSerial && !r.machineType.empty()) {
    fail("only Lenovo serials carry a machine type", r);
  }
}

void check(std::string_view input, std::string_view format, std::string_view hint) {
  const ScanReading r = kiosk::parseScan(input, format, hint);
  if (r.raw != input) fail("raw is the read, whole", r);
  if (!isPrintable(r.text)) fail("text is printable", r);
  if (r.text.size() > kiosk::kScanDisplayLimit + 3) fail("text is bounded", r);
  if (!input.empty() && r.text.empty()) fail("a read shows as something", r);
  if (!isPrintable(r.warning) || r.warning.size() > 600) fail("warning printable, bounded", r);
  if (r.isDeviceId() != isDeviceKind(r.kind)) fail("isDeviceId() matches the kind", r);
  const bool accepted = r.isDeviceId() || r.kind == ScanKind::CaseNumber;
  if (r.warning.empty() != accepted) fail("a warning exactly when not accepted", r);
  checkValue(r);

  const ScanReading again = kiosk::parseScan(input, format, hint);
  if (again.kind != r.kind || again.text != r.text || again.warning != r.warning) {
    fail("the same read gives the same reading", r);
  }
  if (accepted) {
    const ScanReading reread = kiosk::parseScan(r.text, "", hint);
    if (reread.kind != r.kind || reread.text != r.text) fail("an accepted value reads back", r);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check(input, "", "");
  if (!input.empty()) {
    const auto selector = static_cast<unsigned char>(input[0]);
    check(input.substr(1), kFormats[selector % kFormats.size()],
          kHints[(selector / kFormats.size()) % kHints.size()]);
  }
  return 0;
}
