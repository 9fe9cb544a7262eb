// parseScan: the rules that strip what labels put in front of a value, each kept only when
// what remains is valid (scan_parser_formats.cpp says what valid is). The order of the rules:
//   1. Bad input first: empty, overlong, not ASCII, control characters other than the GS, RS
//      and EOT that GS1 and ISO/IEC 15434 data use. Nothing is guessed out of such reads.
//   2. Retail formats (EAN/UPC) are product codes whatever they hold.
//   3. Structures that announce themselves: an AIM symbology identifier (]C0, ]d2, ...), an
//      ISO/IEC 15434 envelope, GS1 data (leading FNC1 or "(01)..."), our KIOSK-CASE: QR.
//   4. The whole value as it is (upper case, spaces and hyphens dropped). A value that is
//      valid as it stands keeps its first characters: SK7QXYJ2N9 is a randomised Apple serial,
//      not S + 9 characters.
//   5. Only then prefixes: printed (S/N:, Serial No., IMEI:, P/N ...), then data identifiers
//      (11S, 1S, 1P, S, P, Q), then GS1 data with no marker (a GTIN after 01).
// The first accepted interpretation wins; if none is, the first informative one (a part
// number, a failed check digit) gives the warning.
#include "scanner/scan_parser.hpp"

#include <array>
#include <optional>

#include "scanner/scan_parser_internal.hpp"
#include "workflow/case_number.hpp"
#include "workflow/customer_code.hpp"

namespace kiosk {
namespace scan {
namespace {

// Past this, a read is nothing we know (the longest, a GS1 string, stays far below); it is
// reported as it is without running the rules over it.
constexpr std::size_t kMaxParsedLength = 1024;

struct Context {
  std::string_view format;
  Vendor vendor = Vendor::Any;
};

bool isDeviceIdKind(ScanKind kind) {
  return kind == ScanKind::AppleSerial || kind == ScanKind::Imei || kind == ScanKind::HpSerial ||
         kind == ScanKind::LenovoSerial;
}

Vendor vendorOf(std::string_view hint) {
  const std::string id = upper(trimBlanks(hint));
  if (id == "APPLE") return Vendor::Apple;
  if (id == "HP") return Vendor::Hp;
  if (id == "LENOVO") return Vendor::Lenovo;
  return Vendor::Any;
}

std::optional<std::string> retailFormat(std::string_view format) {
  const std::string name = compact(upper(format));
  for (const std::string_view retail : {"EAN13", "EAN8", "UPCA", "UPCE"}) {
    if (name == retail) return std::string(format);
  }
  return std::nullopt;
}

// --- case numbers ---

bool isCaseSymbol(char c) {
  // The alphabet and the letters parseCaseNumber reads as the digits they resemble.
  return kCaseNumberAlphabet.find(c) != std::string_view::npos ||
         std::string_view("OILZSGB").find(c) != std::string_view::npos;
}

// XXXX-XXXX in case symbols: the shape our labels print, and no vendor's serial has (a space
// for the hyphen is what people type). Eight bare characters are not taken for a case number:
// that is a Lenovo serial's shape, and we never print case numbers that way.
bool hasCaseShape(std::string_view text) {
  if (text.size() != 9 || (text[4] != '-' && text[4] != ' ')) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != 4 && !isCaseSymbol(text[i])) return false;
  }
  return true;
}

Interpretation caseNumber(std::string_view symbols) {
  const auto sequence = parseCaseNumber(symbols);
  // The message quotes only case symbols, so it is safe to show as it is.
  if (!sequence) return rejected("a case number, but " + sequence.error().message);
  return accept(ScanKind::CaseNumber, formatCaseNumber(*sequence));
}

// The customer code after the number on a receipt's QR code, as stored; nothing when it is
// not one (the message then never quotes it: it is the customer's secret).
std::optional<std::string> customerCodeFromQr(std::string_view text) {
  std::string code;
  for (const char c : compact(upper(trimBlanks(text)))) {
    const auto symbol = caseSymbol(c);
    if (!symbol) return std::nullopt;
    code += *symbol;
  }
  if (code.size() != kCustomerCodeLength) return std::nullopt;
  return code;
}

// "<number>" (receipts from before customer codes) or "<number>:<customer code>".
Interpretation caseFromQr(std::string_view rest) {
  const auto separator = rest.find(kCaseQrCodeSeparator);
  const std::string_view numberPart = rest.substr(0, separator);
  const std::string symbols = compact(upper(trimBlanks(numberPart)));
  bool shape = symbols.size() == 8;
  for (const char c : symbols) shape = shape && isCaseSymbol(c);
  if (!shape) {
    return unrecognised("a case QR code (" + std::string(kCaseQrPrefix) +
                        ") without a case number after it: " + quote(numberPart));
  }
  Interpretation number = caseNumber(symbols);
  if (separator == std::string_view::npos || !number.accepted()) return number;
  const auto code = customerCodeFromQr(rest.substr(separator + 1));
  if (!code) return rejected("a case QR code whose customer code (after the number) is not one");
  number.customerCode = *code;
  return number;
}

// --- pieces of structured data ---

Interpretation deviceIdOrWhy(std::string_view value, Vendor vendor) {
  Interpretation r = classifyValue(value, vendor);
  if (r.accepted() && !isDeviceIdKind(r.kind)) {
    return unrecognised(quote(value) + " is not a device serial");
  }
  return r;
}

std::optional<Interpretation> lenovoOneS(std::string_view rest) {
  // 1S + machine type/model + serial, with nothing between them (Lenovo's system labels).
  for (const std::size_t mtmLength : {std::size_t{10}, std::size_t{7}}) {
    if (rest.size() != mtmLength + 8) continue;
    const std::string_view mtm = rest.substr(0, mtmLength);
    const std::string_view serial = rest.substr(mtmLength);
    if (isLenovoMachineType(mtm, true) && isLenovoSerial(serial)) {
      Interpretation r = accept(ScanKind::LenovoSerial, std::string(serial));
      r.machineType = std::string(mtm);
      return r;
    }
  }
  return std::nullopt;
}

std::optional<Interpretation> partNumber(std::string_view value, std::string_view label) {
  if (isHpProductNumber(value)) {
    return notASerial(ScanKind::HpProduct, std::string(value),
                      "an HP product number (" + std::string(label) +
                          "), not a serial: scan the S/N barcode");
  }
  if (isPlausiblePartNumber(value)) {
    return notASerial(ScanKind::Unknown, {},
                      "a part number (" + std::string(label) + " " + quote(value) +
                          "), not a serial: scan the S/N barcode");
  }
  return std::nullopt;
}

Interpretation fromGs1(const std::vector<Gs1Field>& fields, Vendor vendor) {
  for (const Gs1Field& field : fields) {
    if (field.ai != "21") continue;
    Interpretation r = deviceIdOrWhy(upper(field.value), vendor);
    if (r.accepted() || r.verdict == Verdict::Rejected) return r;
    return unrecognised("a GS1 serial (21) " + quote(field.value) +
                        " that is no Apple, HP or Lenovo serial or IMEI");
  }
  for (const Gs1Field& field : fields) {
    if (field.ai == "01" || field.ai == "02") {
      return notASerial(ScanKind::Unknown, {},
                        "a GS1 product code (GTIN " + field.value +
                            ") without a serial number (21): not a serial");
    }
  }
  return unrecognised("GS1 data without a serial number (21)");
}

Interpretation fromEnvelope(const std::vector<EnvelopeField>& fields, Vendor vendor) {
  std::optional<Interpretation> fallback;
  const auto keep = [&](Interpretation r) {
    if (!fallback || (!fallback->informative() && r.informative())) fallback = std::move(r);
  };
  std::vector<Gs1Field> gs1;
  for (const EnvelopeField& field : fields) {
    const std::string value = compact(upper(field.value));
    if (field.format == "05") {
      gs1.push_back({field.id, field.value});
    } else if (field.id == "S") {
      Interpretation r = deviceIdOrWhy(value, vendor);
      if (r.accepted()) return r;
      keep(r.verdict == Verdict::Rejected
               ? r
               : unrecognised("the serial field (S) " + quote(field.value) +
                              " is no Apple, HP or Lenovo serial or IMEI"));
    } else if (field.id == "1S") {
      if (auto r = lenovoOneS(value)) return *r;
    } else if (field.id == "P" || field.id == "1P") {
      if (auto r = partNumber(value, field.id)) keep(*r);
    }
  }
  if (!gs1.empty()) {
    Interpretation r = fromGs1(gs1, vendor);
    if (r.accepted()) return r;
    keep(r);
  }
  if (fallback) return *fallback;
  return unrecognised("an ISO/IEC 15434 message without a serial number field (S)");
}

// --- prefixes in front of a plain value ---

enum class Role { Serial, Imei, Part };

struct PrintedPrefix {
  std::string_view words;  // upper case; a space matches any number of spaces, none included
  Role role;
  bool needsSeparator;  // "IMEI 1" only with ':' or a space after it, or it eats a digit
};

// Longest first, so that "SERIAL NO" is not read as "SERIAL" + "NO...".
constexpr std::array<PrintedPrefix, 14> kPrintedPrefixes = {{
    {"SERIAL NUMBER", Role::Serial, false},
    {"SERIAL NO", Role::Serial, false},
    {"SERIAL", Role::Serial, false},
    {"S/N", Role::Serial, false},
    {"SN", Role::Serial, false},
    {"IMEI 1", Role::Imei, true},
    {"IMEI 2", Role::Imei, true},
    {"IMEI", Role::Imei, false},
    {"PRODUCT NUMBER", Role::Part, false},
    {"PRODUCT NO", Role::Part, false},
    {"PART NUMBER", Role::Part, false},
    {"PART NO", Role::Part, false},
    {"P/N", Role::Part, false},
    {"PN", Role::Part, false},
}};

bool isSeparator(char c) { return c == ' ' || c == ':' || c == '#' || c == '.' || c == '='; }

// The length of `text`'s start that `words` and the separators after it take, or nothing.
std::optional<std::size_t> matchPrefix(std::string_view text, const PrintedPrefix& prefix) {
  std::size_t pos = 0;
  for (const char w : prefix.words) {
    if (w == ' ') {
      while (pos < text.size() && text[pos] == ' ') ++pos;
      continue;
    }
    if (pos >= text.size() || text[pos] != w) return std::nullopt;
    ++pos;
  }
  const std::size_t end = pos;
  while (pos < text.size() && isSeparator(text[pos])) ++pos;
  if (prefix.needsSeparator && pos == end) return std::nullopt;
  return pos;
}

std::optional<Interpretation> printedPrefix(std::string_view text, Vendor vendor) {
  for (const PrintedPrefix& prefix : kPrintedPrefixes) {
    const auto length = matchPrefix(text, prefix);
    if (!length || *length >= text.size()) continue;
    const std::string_view rest = text.substr(*length);
    const std::string value = compact(rest);
    switch (prefix.role) {
      case Role::Serial: {
        Interpretation r = deviceIdOrWhy(value, vendor);
        if (r.accepted() || r.verdict == Verdict::Rejected) return r;
        if (value.size() > 1 && value[0] == 'S') {  // Apple boxes: "S/N" over an S-prefixed code
          Interpretation stripped = deviceIdOrWhy(value.substr(1), vendor);
          if (stripped.accepted()) return stripped;
        }
        break;  // not valid after the prefix: the prefix is not stripped
      }
      case Role::Imei: {
        Interpretation r = classifyValue(value, vendor);
        if ((r.accepted() && r.kind == ScanKind::Imei) || r.verdict == Verdict::Rejected) return r;
        return unrecognised("after 'IMEI' comes " + quote(rest) + ", which is not an IMEI (15 digits)");
      }
      case Role::Part:
        if (auto r = partNumber(value, prefix.words)) return r;
        break;
    }
  }
  return std::nullopt;
}

// ANSI MH10.8.2 data identifiers as Code 128 and Code 39 labels print them in front of values.
std::optional<Interpretation> dataIdentifier(std::string_view value, Vendor vendor) {
  if (value.starts_with("11S") && value.size() > 3) {
    return notASerial(ScanKind::Unknown, {},
                      "a Lenovo FRU label (11S): a replacement part's number and serial, not "
                      "the device's");
  }
  if (value.starts_with("1S")) return lenovoOneS(value.substr(2));
  if (value.starts_with("1P")) return partNumber(value.substr(2), "1P");
  if (value.starts_with("S")) {
    Interpretation r = deviceIdOrWhy(value.substr(1), vendor);
    if (r.accepted() || r.verdict == Verdict::Rejected) return r;
    return std::nullopt;
  }
  if (value.starts_with("P")) return partNumber(value.substr(1), "P");
  if (value.starts_with("Q") && value.size() <= 7 && allDigits(value.substr(1))) {
    return notASerial(ScanKind::Unknown, {},
                      "a quantity (Q " + std::string(value.substr(1)) + "), not a serial");
  }
  return std::nullopt;
}

// GS1 data without AIM identifier or leading FNC1, as decoders report a GS1 Data Matrix: only
// taken when it starts with a GTIN whose check digit holds, so a stray "01..." is not.
std::optional<Interpretation> unmarkedGs1(std::string_view text, Vendor vendor) {
  if (text.size() < 16 || !(text.starts_with("01") || text.starts_with("02"))) return std::nullopt;
  if (!gtinValid(text.substr(2, 14))) return std::nullopt;
  if (auto fields = parseGs1Raw(text)) return fromGs1(*fields, vendor);
  return std::nullopt;
}

Interpretation interpretPlain(std::string_view text, const Context& context) {
  const std::string upperText = upper(text);
  if (hasCaseShape(upperText)) return caseNumber(upperText);
  const std::string value = compact(upperText);
  if (context.format == "ITF" && value.size() == 14 && gtinValid(value)) {
    return notASerial(ScanKind::Unknown, {}, "a carton code (ITF-14), not a serial");
  }
  // Serials and IMEIs are never printed with a hyphen between letters: "661-12345" is a part or
  // model number even when what is left without the hyphen would pass for a serial.
  const bool lettersAroundHyphen = upperText.find('-') != std::string::npos && !allDigits(value);
  Interpretation whole = lettersAroundHyphen ? unrecognised("a hyphenated code, not a serial")
                                             : classifyValue(value, context.vendor);
  if (whole.accepted()) return whole;
  std::optional<Interpretation> fallback;
  if (whole.informative()) fallback = whole;
  std::optional<std::string> sharperWhy;  // a prefix that matched explains better than length
  for (auto& candidate : {printedPrefix(upperText, context.vendor),
                          dataIdentifier(value, context.vendor), unmarkedGs1(text, context.vendor)}) {
    if (!candidate) continue;
    if (candidate->accepted()) return *candidate;
    if (!fallback && candidate->informative()) fallback = candidate;
    if (!sharperWhy) sharperWhy = candidate->why;
  }
  if (fallback) return *fallback;
  if (sharperWhy && !sharperWhy->empty()) whole.why = *sharperWhy;
  return whole;
}

bool isAimIdentifier(std::string_view text) {
  const auto isLetter = [](char c) { return isUpper(c) || (c >= 'a' && c <= 'z'); };
  return text.size() >= 3 && text[0] == ']' && isLetter(text[1]) &&
         (isDigit(text[2]) || isLetter(text[2]));
}

std::string controlWarning(std::string_view text) {
  for (const char c : text) {
    if (isControl(c)) {
      return "holds control characters (" + displayText(std::string_view(&c, 1), 8) +
             "), which no serial or case number has";
    }
  }
  return "not a serial, IMEI or case number";
}

Interpretation interpret(std::string_view text, const Context& context, bool allowAim) {
  if (text.empty()) return unrecognised("nothing but a symbology identifier");
  if (allowAim && isAimIdentifier(text)) {
    // AIM ISO/IEC 15424: "]" + symbology + modifier. These modifiers mean GS1 data follows
    // (FNC1 in first position): Code 128, Data Matrix, QR Code, DataBar, DotCode.
    const std::string_view id = text.substr(1, 2);
    const std::string_view rest = text.substr(3);
    if (id == "C1" || id == "d2" || id == "Q3" || id == "e0" || id == "J1") {
      const std::string_view data = rest.starts_with(kGs) ? rest.substr(1) : rest;
      if (auto fields = parseGs1Raw(data)) return fromGs1(*fields, context.vendor);
    }
    return interpret(trimBlanks(rest), context, false);
  }
  if (text.starts_with("[)>\x1E")) {
    if (auto fields = parseIso15434(text)) return fromEnvelope(*fields, context.vendor);
    return unrecognised("an ISO/IEC 15434 message that does not parse");
  }
  if (text.starts_with(kGs)) {
    if (auto fields = parseGs1Raw(text.substr(1))) return fromGs1(*fields, context.vendor);
    return unrecognised("GS1 data (leading FNC1) that does not parse");
  }
  if (text.starts_with('(')) {
    if (auto fields = parseGs1Bracketed(text)) return fromGs1(*fields, context.vendor);
  }
  if (startsWithNoCase(text, kCaseQrPrefix)) return caseFromQr(text.substr(kCaseQrPrefix.size()));
  for (const char c : text) {
    if (!isControl(c)) continue;
    // GS inside the text: GS1 data whose first FNC1 the decoder left out.
    if (auto fields = parseGs1Raw(text)) return fromGs1(*fields, context.vendor);
    return unrecognised(controlWarning(text));
  }
  return interpretPlain(text, context);
}

Interpretation interpretRead(std::string_view raw, const Context& context) {
  if (raw.empty()) return unrecognised("an empty read");
  if (raw.size() > kMaxParsedLength) {
    return unrecognised(std::to_string(raw.size()) +
                        " bytes: far longer than any serial, IMEI or case number");
  }
  for (const char c : raw) {
    if (static_cast<unsigned char>(c) < 0x80) continue;
    return unrecognised(isValidUtf8(raw) ? "has characters outside ASCII, which no serial or case "
                                           "number has"
                                         : "is not valid UTF-8 text: a misread or a binary code");
  }
  for (const char c : raw) {
    // GS, RS and EOT structure GS1 and ISO/IEC 15434 data; CR, LF and Tab end a scanner's
    // read (trimmed below; inside a value they still make it unknown).
    if (isControl(c) && c != kGs && c != kRs && c != kEot && c != '\r' && c != '\n' &&
        c != '\t') {
      return unrecognised(controlWarning(raw));
    }
  }
  const std::string_view text = trimBlanks(raw);
  if (text.empty()) return unrecognised("only blanks");
  if (auto retail = retailFormat(context.format)) {
    return notASerial(ScanKind::Unknown, {},
                      "a retail product code (" + *retail + "), not a serial: scan the serial "
                      "number barcode");
  }
  return interpret(text, context, true);
}

}  // namespace
}  // namespace scan

std::string_view scanKindName(ScanKind kind) {
  switch (kind) {
    case ScanKind::AppleSerial: return "apple-serial";
    case ScanKind::Imei: return "imei";
    case ScanKind::HpSerial: return "hp-serial";
    case ScanKind::HpProduct: return "hp-product";
    case ScanKind::LenovoSerial: return "lenovo-serial";
    case ScanKind::LenovoMachineType: return "lenovo-mtm";
    case ScanKind::CaseNumber: return "case-number";
    case ScanKind::Unknown: break;
  }
  return "unknown";
}

bool ScanReading::isDeviceId() const { return scan::isDeviceIdKind(kind); }

ScanReading parseScan(std::string_view raw, std::string_view format, std::string_view vendorHint) {
  const scan::Interpretation found =
      scan::interpretRead(raw, scan::Context{format, scan::vendorOf(vendorHint)});
  ScanReading reading;
  reading.raw = std::string(raw);
  reading.kind = found.kind;
  if (found.kind == ScanKind::Unknown) {
    reading.text = scan::displayText(raw, kScanDisplayLimit);
  } else {
    reading.text = found.value;
    reading.machineType = found.machineType;
    reading.customerCode = found.customerCode;
  }
  if (!found.accepted()) reading.warning = found.why.empty() ? "not recognised" : found.why;
  return reading;
}

}  // namespace kiosk
