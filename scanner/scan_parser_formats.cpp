// The shapes of the values themselves, without any prefix: which vendor's serial a string can
// be, and the check digits that prove a number was read right. Sources for each rule are named
// where it is defined; where vendors publish nothing, the rule says what it assumes.
#include <array>
#include <string>

#include "scanner/scan_parser_internal.hpp"

namespace kiosk::scan {
namespace {

// Apple's legacy 12-character serials (2010-2020) are PPP Y W UUU MMMM: plant, half-year,
// week within the half-year, unit, model. The year and week characters come from fixed
// alphabets (vowels and B skipped; the week alphabet also lacks S and Z), which is what tells
// a legacy serial from any other 12 letters and digits.
constexpr std::string_view kAppleYearCodes = "CDFGHJKLMNPQRSTVWXYZ";
constexpr std::string_view kAppleWeekCodes = "123456789CDFGHJKLMNPQRTVWXY";

// The two letters that end a 7-character HP product number: a region or channel option
// (EA Europe, UA United States, AV configurable, AT/UT and so on). A 6-character product
// number ends in a plain A.
constexpr std::array<std::string_view, 13> kHpRegionSuffixes = {
    "AA", "AB", "AC", "AT", "AU", "AV", "AW", "EA", "ET", "UA", "UC", "UT", "UV"};

bool hasLetter(std::string_view text) {
  for (const char c : text) {
    if (isUpper(c)) return true;
  }
  return false;
}

int twoDigits(std::string_view text) { return (text[0] - '0') * 10 + (text[1] - '0'); }

// The GTIN family is told by length: EAN-8, UPC-A, EAN-13 (GTIN-14 is a carton code).
std::string_view retailName(std::size_t digits) {
  switch (digits) {
    case 8: return "EAN-8";
    case 12: return "UPC-A";
    case 13: return "EAN-13";
    default: return "GTIN-14";
  }
}

Interpretation classifyDigits(std::string_view value) {
  const std::size_t n = value.size();
  if (n == 15) {
    if (luhnValid(value)) return accept(ScanKind::Imei, std::string(value));
    return rejected("15 digits that fail the IMEI check digit (Luhn): a digit was misread or "
                    "mistyped, so it is not taken as an IMEI");
  }
  if (n == 14) {
    // The 14-digit form (TAC and serial, as some boxes and *#06# screens show it) lacks only
    // the check digit, which is computed, not guessed.
    return accept(ScanKind::Imei, std::string(value) + luhnCheckDigit(value));
  }
  if (n == 8 || n == 12 || n == 13) {
    if (gtinValid(value)) {
      return notASerial(ScanKind::Unknown, {},
                        "a retail product code (" + std::string(retailName(n)) +
                            "), not a serial: scan the serial number barcode");
    }
    return unrecognised(std::to_string(n) + " digits with a wrong " + std::string(retailName(n)) +
                        " check digit: neither a retail code nor a serial");
  }
  if (n == 16) {
    return unrecognised("16 digits: one too many for an IMEI (an IMEISV carries a software "
                        "version, not the check digit); scan the IMEI barcode");
  }
  return unrecognised(std::to_string(n) + " digits: not an IMEI (15 digits) or a known serial");
}

// A 10-character value fits up to three shapes; which one wins when it fits several.
Interpretation classifyTen(std::string_view value, Vendor vendor) {
  const bool apple = isAppleRandomSerial(value);
  const bool hp = isHpSerial(value);
  const bool mtm = isLenovoMachineType(value, false);
  const auto asApple = [&] { return accept(ScanKind::AppleSerial, std::string(value)); };
  const auto asHp = [&] { return accept(ScanKind::HpSerial, std::string(value)); };
  const auto asMtm = [&] {
    return notASerial(ScanKind::LenovoMachineType, std::string(value),
                      "a Lenovo machine type and model, not a serial: scan the S/N barcode "
                      "(or the 1S code that holds both)");
  };
  // A hint from the case's vendor settles it when the value fits that vendor.
  if (vendor == Vendor::Apple && apple) return asApple();
  if (vendor == Vendor::Hp && hp) return asHp();
  if (vendor == Vendor::Lenovo && mtm) return asMtm();
  // Without one: the most constrained shape first. A Lenovo MTM needs two leading digits, a
  // model starting 0 or CTO and two trailing letters; an HP serial needs digits in positions
  // 4-6 that make a week 01-53. A randomised Apple serial is random, so it fits either by
  // chance only (about 0.1 % and 1.1 % of uniformly random ones), while real HP serials and
  // MTMs always do. The vendor hint recovers the Apple serials that look like HP ones.
  if (mtm) return asMtm();
  if (hp) return asHp();
  if (apple) return asApple();
  return unrecognised("10 characters that fit no Apple, HP or Lenovo format (letters and digits "
                      "expected)");
}

}  // namespace

namespace {

// The Luhn sum of `digits`, doubling every second digit from the right, starting with the
// rightmost when `doubleRightmost` (digits still waiting for their check digit).
int luhnSum(std::string_view digits, bool doubleRightmost) {
  int sum = 0;
  bool doubled = doubleRightmost;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (doubled) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    doubled = !doubled;
  }
  return sum;
}

}  // namespace

bool luhnValid(std::string_view digits) {
  return allDigits(digits) && luhnSum(digits, false) % 10 == 0;
}

char luhnCheckDigit(std::string_view digitsWithoutCheck) {
  return static_cast<char>('0' + (10 - luhnSum(digitsWithoutCheck, true) % 10) % 10);
}

bool gtinValid(std::string_view digits) {
  if (digits.size() < 8 || !allDigits(digits)) return false;
  // Weights 3, 1, 3, ... from the digit left of the check digit (GS1 General Specifications 7.9).
  int sum = 0;
  int weight = 3;
  for (std::size_t i = digits.size() - 1; i-- > 0;) {
    sum += (digits[i] - '0') * weight;
    weight = 4 - weight;
  }
  return (10 - sum % 10) % 10 == digits.back() - '0';
}

bool isAppleLegacySerial(std::string_view value) {
  return value.size() == 12 && allUpperAlnum(value) &&
         kAppleYearCodes.find(value[3]) != std::string_view::npos &&
         kAppleWeekCodes.find(value[4]) != std::string_view::npos;
}

bool isAppleRandomSerial(std::string_view value) {
  // Apple publishes neither an alphabet nor a check digit for the randomised format (since
  // 2021; announced as 8-14 characters, issued as 10). Ten letters and digits with at least one
  // of each is all that can be checked; other lengths are not taken, since 8 and 12 characters
  // would swallow Lenovo and legacy Apple serials that have real structure.
  return value.size() == 10 && allUpperAlnum(value) && countDigits(value) > 0 && hasLetter(value);
}

bool isHpSerial(std::string_view value) {
  // HP: 3-character site code (5CG, CND, CZC, MXL, 2UA, ...: always with a letter), the last
  // digit of the year, the week 01-53, then a 4-character unit id. 5CG1234XYZ, CND8431ABC.
  if (value.size() != 10 || !allUpperAlnum(value)) return false;
  if (!hasLetter(value.substr(0, 3))) return false;
  if (!isDigit(value[3]) || !isDigit(value[4]) || !isDigit(value[5])) return false;
  const int week = twoDigits(value.substr(4, 2));
  return week >= 1 && week <= 53;
}

bool isHpProductNumber(std::string_view value) {
  // 2Z609A#ABB, 6GW62EA, L3M56A: a body of letters and digits ending in a letter, then
  // optionally '#' and a 3-character localisation option (#ABB Europe, #ABU UK, #UUW, ...).
  const auto hash = value.find('#');
  const std::string_view body = value.substr(0, hash);
  if (!allUpperAlnum(body) || !isUpper(body.back())) return false;
  if (hash != std::string_view::npos) {
    const std::string_view option = value.substr(hash + 1);
    return option.size() == 3 && allUpperAlnum(option) && body.size() >= 5 && body.size() <= 7 &&
           countDigits(body) > 0;
  }
  // Without the option the body must carry a region ending, since nothing else marks it.
  if (countDigits(body) < 2) return false;
  if (body.size() == 6) return body.back() == 'A';
  if (body.size() == 7) {
    for (const auto suffix : kHpRegionSuffixes) {
      if (body.substr(5) == suffix) return true;
    }
  }
  return false;
}

bool isLenovoSerial(std::string_view value) {
  // Lenovo: 8 characters, a plant code of a letter and a letter or digit (PF, PC, MJ, R9, ...)
  // then the unit. PF2ABCDE, MJ0ABC12.
  if (value.size() != 8 || !allUpperAlnum(value) || !isUpper(value[0]) || countDigits(value) == 0) {
    return false;
  }
  // P + a 7-character HP product number is a part number field (data identifier P), not a
  // Lenovo serial; a real serial of that shape would need an HP region ending as well.
  return !(value[0] == 'P' && isHpProductNumber(value.substr(1)));
}

bool isLenovoMachineType(std::string_view value, bool inOneS) {
  // Machine type (4: 20XW, 21CB, 82H8, 11DT; older ones all digits) + model (4: 003J, 00BU,
  // CTO1) + region (2 letters: MX, US, GE, WW). Model numbers start 0 or CTO.
  if (value.size() < 7 || !allUpperAlnum(value) || !isDigit(value[0]) || !isDigit(value[1])) {
    return false;
  }
  if (inOneS) return value.size() == 10 || (value.size() == 7 && allDigits(value.substr(0, 4)));
  if (value.size() != 10 || !isUpper(value[8]) || !isUpper(value[9])) return false;
  return value[4] == '0' || value.substr(4, 3) == "CTO";
}

bool isPlausiblePartNumber(std::string_view value) {
  // Part numbers mix letters and digits with a few separators: MGN63LL/A, 2Z609A#ABB, 01AV421.
  if (value.empty() || value.size() > 32 || countDigits(value) == 0) return false;
  for (const char c : value) {
    if (!isUpperAlnum(c) && c != '#' && c != '/' && c != '.') return false;
  }
  return true;
}

Interpretation classifyValue(std::string_view value, Vendor vendor) {
  if (value.empty()) return unrecognised("nothing left to read");
  if (allDigits(value)) return classifyDigits(value);
  if (value.find('#') != std::string_view::npos || value.size() == 6 || value.size() == 7) {
    if (isHpProductNumber(value)) {
      return notASerial(ScanKind::HpProduct, std::string(value),
                        "an HP product number, not a serial: scan the S/N barcode");
    }
  }
  if (!allUpperAlnum(value)) {
    return unrecognised("not a serial, IMEI or case number: serials have only letters and digits");
  }
  switch (value.size()) {
    case 12:
      if (isAppleLegacySerial(value)) return accept(ScanKind::AppleSerial, std::string(value));
      return unrecognised("12 characters that are not an Apple serial (its 4th and 5th characters "
                          "give the year and week)");
    case 10: return classifyTen(value, vendor);
    case 8:
      if (isLenovoSerial(value)) return accept(ScanKind::LenovoSerial, std::string(value));
      return unrecognised("8 characters that are not a Lenovo serial (a letter first, with "
                          "letters and digits)");
    default:
      return unrecognised(std::to_string(value.size()) +
                          " characters: no Apple (10, 12), HP (10) or Lenovo (8) serial has that "
                          "length");
  }
}

}  // namespace kiosk::scan
