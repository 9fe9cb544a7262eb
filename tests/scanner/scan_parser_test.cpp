// Properties of the scan parser beyond single reads: check digits over many numbers, case
// numbers round-tripping, and bad input (long, binary, invisible) staying printable and bounded.
#include "scanner/scan_parser.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include "workflow/case_number.hpp"

namespace kiosk {
namespace {

bool isAccepted(const ScanReading& reading) {
  return reading.isDeviceId() || reading.kind == ScanKind::CaseNumber;
}

// The text is safe to draw: no byte below 0x20 or DEL. (Non-ASCII is checked in the fuzz target,
// which decodes UTF-8 independently.)
bool hasNoControlBytes(const std::string& text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
  }
  return true;
}

// Luhn written out independently of the parser: double every second digit from the right.
int luhnSum(const std::string& digits) {
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    int d = digits[digits.size() - 1 - i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum;
}

TEST(ScanKinds, NamesAndDeviceIds) {
  const struct {
    ScanKind kind;
    const char* name;
    bool deviceId;
  } kinds[] = {{ScanKind::AppleSerial, "apple-serial", true},
               {ScanKind::Imei, "imei", true},
               {ScanKind::HpSerial, "hp-serial", true},
               {ScanKind::HpProduct, "hp-product", false},
               {ScanKind::LenovoSerial, "lenovo-serial", true},
               {ScanKind::LenovoMachineType, "lenovo-mtm", false},
               {ScanKind::CaseNumber, "case-number", false},
               {ScanKind::Unknown, "unknown", false}};
  for (const auto& k : kinds) {
    EXPECT_EQ(scanKindName(k.kind), k.name);
    ScanReading reading;
    reading.kind = k.kind;
    EXPECT_EQ(reading.isDeviceId(), k.deviceId) << k.name;
  }
}

TEST(ScanImei, EveryFourteenDigitBodyGetsTheCheckDigitThatPassesLuhn) {
  std::mt19937_64 random(20261125);
  std::uniform_int_distribution<int> digit(0, 9);
  for (int n = 0; n < 500; ++n) {
    std::string body = "35";
    while (body.size() < 14) body += static_cast<char>('0' + digit(random));
    const ScanReading reading = parseScan(body, "Code128");
    ASSERT_EQ(reading.kind, ScanKind::Imei) << body;
    ASSERT_EQ(reading.text.size(), 15U);
    EXPECT_EQ(reading.text.substr(0, 14), body);
    EXPECT_EQ(luhnSum(reading.text) % 10, 0) << reading.text;
  }
}

TEST(ScanImei, EveryWrongCheckDigitIsRefused) {
  const std::string body = "49015420323751";
  for (char check = '0'; check <= '9'; ++check) {
    const ScanReading reading = parseScan(body + check, "Code128");
    if (check == '8') {
      EXPECT_EQ(reading.kind, ScanKind::Imei);
    } else {
      EXPECT_EQ(reading.kind, ScanKind::Unknown) << check;
      EXPECT_NE(reading.warning.find("Luhn"), std::string::npos) << reading.warning;
    }
  }
}

TEST(ScanImei, ASwappedPairOfDigitsIsRefused) {
  // Luhn catches adjacent transpositions except 09 <-> 90; this IMEI has no such pair.
  const std::string imei = "352099001761481";
  for (std::size_t i = 0; i + 1 < imei.size(); ++i) {
    if (imei[i] == imei[i + 1]) continue;
    std::string swapped = imei;
    std::swap(swapped[i], swapped[i + 1]);
    if ((swapped[i] == '0' && swapped[i + 1] == '9') || (swapped[i] == '9' && swapped[i + 1] == '0')) {
      continue;
    }
    EXPECT_NE(parseScan(swapped).kind, ScanKind::Imei) << swapped;
  }
}

TEST(ScanRetail, EveryWrongEan13CheckDigitIsNotCalledRetail) {
  const std::string body = "590123412345";
  for (char check = '0'; check <= '9'; ++check) {
    const ScanReading reading = parseScan(body + check);
    EXPECT_EQ(reading.kind, ScanKind::Unknown);
    const bool retail = reading.warning.find("retail product code") != std::string::npos;
    EXPECT_EQ(retail, check == '7') << check << ": " << reading.warning;
  }
}

TEST(ScanCaseNumbers, IssuedNumbersReadBackInEveryForm) {
  for (std::uint64_t sequence = 1; sequence <= 300; ++sequence) {
    const std::string number = formatCaseNumber(sequence);
    for (const std::string& read :
         {number, caseQrPayload(number), "]Q1" + caseQrPayload(number)}) {
      const ScanReading reading = parseScan(read, "QRCode");
      ASSERT_EQ(reading.kind, ScanKind::CaseNumber) << read << ": " << reading.warning;
      EXPECT_EQ(reading.text, number);
      EXPECT_TRUE(reading.warning.empty());
    }
  }
}

TEST(ScanCaseNumbers, AReceiptsQrCodeGivesTheNumberAndTheCustomerCode) {
  const std::string number = formatCaseNumber(77);
  for (const std::string& read : {caseQrPayload(number, "K7M2PX9A"), "]Q1" + caseQrPayload(number, "K7M2PX9A"),
                                  "kiosk-case:" + number + ":k7m2px9a"}) {
    const ScanReading reading = parseScan(read, "QRCode");
    ASSERT_EQ(reading.kind, ScanKind::CaseNumber) << read << ": " << reading.warning;
    EXPECT_EQ(reading.text, number);
    EXPECT_EQ(reading.customerCode, "K7M2PX9A");
    EXPECT_TRUE(reading.warning.empty());
  }
  // A receipt from before customer codes: the number alone, and no code.
  const ScanReading old = parseScan(caseQrPayload(number), "QRCode");
  ASSERT_EQ(old.kind, ScanKind::CaseNumber);
  EXPECT_EQ(old.customerCode, "");
  // A bare number typed or on a label has none either.
  EXPECT_EQ(parseScan(number).customerCode, "");
}

TEST(ScanCaseNumbers, AQrCodeWithABrokenCustomerCodeIsRefusedWithoutQuotingIt) {
  const std::string number = formatCaseNumber(77);
  for (const std::string code : {"K7M2PX9", "K7M2PX9AA", "K7M2PX9Q", ""}) {
    const ScanReading reading = parseScan(caseQrPayload(number) + ":" + code, "QRCode");
    EXPECT_EQ(reading.kind, ScanKind::Unknown) << code;
    EXPECT_EQ(reading.customerCode, "");
    EXPECT_NE(reading.warning.find("customer code"), std::string::npos) << reading.warning;
    if (!code.empty()) {
      EXPECT_EQ(reading.warning.find(code), std::string::npos) << reading.warning;
    }
  }
  // A wrong check character is said first, whatever follows.
  std::string wrong = number;
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  const ScanReading reading = parseScan(caseQrPayload(wrong, "K7M2PX9A"), "QRCode");
  EXPECT_EQ(reading.kind, ScanKind::Unknown);
  EXPECT_NE(reading.warning.find("check character"), std::string::npos) << reading.warning;
}

TEST(ScanCaseNumbers, AnyChangedCheckCharacterIsRefused) {
  for (std::uint64_t sequence = 1; sequence <= 50; ++sequence) {
    const std::string number = formatCaseNumber(sequence);
    for (const char symbol : kCaseNumberAlphabet) {
      if (symbol == number.back()) continue;
      std::string wrong = number;
      wrong.back() = symbol;
      for (const std::string& read : {wrong, caseQrPayload(wrong)}) {
        const ScanReading reading = parseScan(read, "QRCode");
        EXPECT_EQ(reading.kind, ScanKind::Unknown) << read;
        EXPECT_NE(reading.warning.find("check character"), std::string::npos) << reading.warning;
      }
    }
  }
}

TEST(ScanBadInput, FourKilobytesOfTextAreShownCutAndKeptWholeInRaw) {
  std::string raw;
  while (raw.size() < 4096) raw += "C02XK0JHJG5H ";
  const ScanReading reading = parseScan(raw, "QRCode");
  EXPECT_EQ(reading.kind, ScanKind::Unknown);
  EXPECT_EQ(reading.raw, raw);
  EXPECT_LE(reading.text.size(), kScanDisplayLimit + 3);
  EXPECT_EQ(reading.text.substr(reading.text.size() - 3), "...");
  EXPECT_NE(reading.warning.find("bytes"), std::string::npos) << reading.warning;
}

TEST(ScanBadInput, ControlCharactersAreEscapedAndTheCutNeverSplitsAnEscape) {
  const std::string raw(1000, '\x07');
  const ScanReading reading = parseScan(raw);
  EXPECT_EQ(reading.kind, ScanKind::Unknown);
  EXPECT_TRUE(hasNoControlBytes(reading.text));
  EXPECT_LE(reading.text.size(), kScanDisplayLimit + 3);
  // 50 whole escapes of 4 characters, then the ellipsis.
  EXPECT_EQ(reading.text.size(), 203U);
  EXPECT_EQ(reading.text.substr(0, 8), "\\x07\\x07");
  EXPECT_EQ(reading.text.substr(196), "\\x07...");
}

TEST(ScanBadInput, EveryByteValueAloneGivesPrintableBoundedOutput) {
  for (int value = 0; value < 256; ++value) {
    const std::string raw(1, static_cast<char>(value));
    const ScanReading reading = parseScan(raw);
    EXPECT_EQ(reading.kind, ScanKind::Unknown) << value;
    EXPECT_FALSE(reading.warning.empty()) << value;
    EXPECT_TRUE(hasNoControlBytes(reading.text)) << value;
    EXPECT_TRUE(hasNoControlBytes(reading.warning)) << value;
    EXPECT_EQ(reading.raw, raw);
  }
}

TEST(ScanBadInput, InvisibleFormattingCharactersAreShownEscaped) {
  // A right-to-left override (U+202E) and a zero-width space (U+200B) could hide or reorder
  // what the person at the counter sees.
  const ScanReading reading = parseScan("C02X\xE2\x80\xAE" "K0JH\xE2\x80\x8B" "JG5H", "QRCode");
  EXPECT_EQ(reading.kind, ScanKind::Unknown);
  EXPECT_EQ(reading.text, "C02X\\xE2\\x80\\xAEK0JH\\xE2\\x80\\x8BJG5H");
}

TEST(ScanBadInput, OverlongAndSurrogateUtf8AreInvalid) {
  for (const std::string raw : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x80"}) {
    const ScanReading reading = parseScan(raw, "QRCode");
    EXPECT_EQ(reading.kind, ScanKind::Unknown);
    EXPECT_NE(reading.warning.find("UTF-8"), std::string::npos) << reading.warning;
    EXPECT_TRUE(hasNoControlBytes(reading.text));
    EXPECT_EQ(reading.text.find_first_of("\x80\xC0\xED\xF4\xE2"), std::string::npos) << reading.text;
  }
}

TEST(ScanBadInput, WarningsQuoteReadsPrintablyAndShortly) {
  const std::string part = "1P" + std::string(30, '9') + "/A";
  const ScanReading reading = parseScan(part, "Code128");
  EXPECT_EQ(reading.kind, ScanKind::Unknown);
  EXPECT_NE(reading.warning.find("part number"), std::string::npos) << reading.warning;
  EXPECT_LT(reading.warning.size(), 200U);
}

TEST(ScanVendorHint, OnlySettlesTheTenCharacterAmbiguity) {
  EXPECT_EQ(parseScan("5CG1234XYZ", "Code128").kind, ScanKind::HpSerial);
  EXPECT_EQ(parseScan("5CG1234XYZ", "Code128", "apple").kind, ScanKind::AppleSerial);
  EXPECT_EQ(parseScan("5CG1234XYZ", "Code128", "Apple").kind, ScanKind::AppleSerial);
  EXPECT_EQ(parseScan("5CG1234XYZ", "Code128", "HP").kind, ScanKind::HpSerial);
  EXPECT_EQ(parseScan("5CG1234XYZ", "Code128", "acme").kind, ScanKind::HpSerial);
  // Other lengths do not depend on the hint.
  EXPECT_EQ(parseScan("PF2ABCDE", "Code128", "apple").kind, ScanKind::LenovoSerial);
  EXPECT_EQ(parseScan("C02XK0JHJG5H", "Code128", "lenovo").kind, ScanKind::AppleSerial);
  EXPECT_EQ(parseScan("352099001761481", "Code128", "hp").kind, ScanKind::Imei);
}

TEST(ScanDeterminism, TheSameReadGivesTheSameReading) {
  for (const std::string raw : {"SK7QXYJ2N9", "1S20XW003JMXPF2ABCDE", "\x1D" "0109501101020917" "21X",
                                "garbage \x01"}) {
    const ScanReading a = parseScan(raw, "DataMatrix");
    const ScanReading b = parseScan(raw, "DataMatrix");
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.warning, b.warning);
    EXPECT_EQ(a.machineType, b.machineType);
  }
}

TEST(ScanAcceptance, WarningIsEmptyExactlyForDeviceIdsAndCaseNumbers) {
  for (const std::string raw : {"C02XK0JHJG5H", "6GW62EA", "20XW003JMX", "Q1", "M6EM-XNNN",
                                "M6EM-XNNP", "5901234123457", "", "PF2ABCDE"}) {
    const ScanReading reading = parseScan(raw);
    EXPECT_EQ(reading.warning.empty(), isAccepted(reading)) << raw << ": " << reading.warning;
  }
}

}  // namespace
}  // namespace kiosk
