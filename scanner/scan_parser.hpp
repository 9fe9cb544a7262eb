#pragma once
// What a scanned or typed code means: a device serial, an IMEI, one of our case numbers, or
// something that must not be taken for a serial (a part number, a retail EAN, ...). Plain C++:
// no ZXing here, so the parser builds with clang for fuzzing (tests/fuzz/).
#include <string>
#include <string_view>

namespace kiosk {

enum class ScanKind {
  AppleSerial,        // 12-character legacy or 10-character randomised
  Imei,               // 15 digits, Luhn check digit last
  HpSerial,           // 10 characters: site code, year and week digits, unit
  HpProduct,          // HP product number such as 6GW62EA or 2Z609A#ABB: not a device id
  LenovoSerial,       // 8 characters
  LenovoMachineType,  // Lenovo machine type and model such as 20XW003JMX: not a device id
  CaseNumber,         // one of ours: XXXX-XXXX with its check character
  Unknown,
};

// apple-serial, imei, hp-serial, hp-product, lenovo-serial, lenovo-mtm, case-number, unknown
[[nodiscard]] std::string_view scanKindName(ScanKind kind);

// One read, interpreted. `warning` is empty exactly when the read was accepted as a device id
// or a case number; otherwise it says why it was not.
struct ScanReading {
  ScanKind kind = ScanKind::Unknown;
  std::string text;         // the normalised value; for Unknown the read made printable
  std::string raw;          // exactly as read
  std::string warning;      // why the read is not accepted as a serial or a case number
  std::string machineType;  // Lenovo machine type/model from a 1S label, e.g. 20XW003JMX
  // A receipt's QR code (case-number): the customer code after the number, as stored; "" on a
  // receipt from before codes, and for every other read.
  std::string customerCode;
  [[nodiscard]] bool isDeviceId() const;  // apple-serial, imei, hp-serial, lenovo-serial
};

// The longest `text` for an unknown read before it is cut with "..."; `raw` is never cut.
inline constexpr std::size_t kScanDisplayLimit = 200;

// `format` is the barcode format as ZXing names it (Code128, Code39, QRCode, DataMatrix, EAN-13,
// EAN-8, UPC-A, UPC-E, ...) or "" for keyboard or typed input. `vendorHint` is a vendor id from
// assets/vendors (apple, hp, lenovo) or "": it only settles the 10-character ambiguity (an
// Apple randomised serial, an HP serial and a Lenovo machine type all have 10 characters).
[[nodiscard]] ScanReading parseScan(std::string_view raw, std::string_view format = "",
                                    std::string_view vendorHint = "");

}  // namespace kiosk
