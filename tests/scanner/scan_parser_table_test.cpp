// Real-looking reads, as labels, boxes and scanners produce them, and what each must become.
// Each row is one CTest test (scanner_parse_tests.Reads/ScanTable.Reads/<n>_<what>), so a
// failure names the read. The rules under test are in scanner/scan_parser.cpp's header comment.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "scanner/scan_parser.hpp"

namespace kiosk {
namespace {

using namespace std::string_literals;  // reads with NUL, GS and RS inside

struct Row {
  const char* what;      // the test's name: letters, digits and underscores
  std::string raw;
  std::string format;
  std::string hint;
  ScanKind kind;
  std::string text;         // expected normalised text; for Unknown: the printable read
  std::string machineType;  // Lenovo 1S only
  std::string warning;      // a part the warning must contain; "" means none expected
};

// Shorthands: accepted reads carry no warning, the others name why.
Row ok(const char* what, std::string raw, std::string format, ScanKind kind, std::string text,
       std::string hint = "") {
  return {what, std::move(raw), std::move(format), std::move(hint), kind, std::move(text), "", ""};
}
Row no(const char* what, std::string raw, std::string format, ScanKind kind, std::string text,
       std::string warning, std::string hint = "") {
  return {what,  std::move(raw), std::move(format), std::move(hint),
          kind,  std::move(text), "",               std::move(warning)};
}
Row lenovo(const char* what, std::string raw, std::string format, std::string serial,
           std::string machineType) {
  return {what, std::move(raw), std::move(format), "", ScanKind::LenovoSerial,
          std::move(serial), std::move(machineType), ""};
}

constexpr ScanKind kApple = ScanKind::AppleSerial;
constexpr ScanKind kImei = ScanKind::Imei;
constexpr ScanKind kHp = ScanKind::HpSerial;
constexpr ScanKind kHpProduct = ScanKind::HpProduct;
constexpr ScanKind kLenovo = ScanKind::LenovoSerial;
constexpr ScanKind kMtm = ScanKind::LenovoMachineType;
constexpr ScanKind kCase = ScanKind::CaseNumber;
constexpr ScanKind kUnknown = ScanKind::Unknown;

// M6EM-XNNN and CHPX-137H are formatCaseNumber(1) and (42); M6EM-XNNP changes the check.
std::vector<Row> rows() {
  return {
      // Apple: legacy 12 (year and week characters checked) and randomised 10.
      ok("apple_legacy", "C02XK0JHJG5H", "Code128", kApple, "C02XK0JHJG5H"),
      ok("apple_legacy_lowercase_caps_lock", "c02xk0jhjg5h", "", kApple, "C02XK0JHJG5H"),
      ok("apple_legacy_macbook", "FVFXC2MMHV29", "Code128", kApple, "FVFXC2MMHV29"),
      ok("apple_legacy_iphone", "DMPXL0ABJF8J", "Code128", kApple, "DMPXL0ABJF8J"),
      ok("apple_legacy_s_identifier", "SC02XK0JHJG5H", "Code128", kApple, "C02XK0JHJG5H"),
      ok("apple_legacy_s_identifier_lowercase", "sc02xk0jhjg5h", "", kApple, "C02XK0JHJG5H"),
      ok("apple_random", "K7QXYJ2N9X", "Code128", kApple, "K7QXYJ2N9X"),
      ok("apple_random_starting_with_s_kept", "SK7QXYJ2N9", "Code128", kApple, "SK7QXYJ2N9"),
      ok("apple_random_s_with_s_identifier", "SSK7QXYJ2N9", "Code128", kApple, "SK7QXYJ2N9"),
      ok("apple_random_no_identifier_stripped_from_valid", "SN4J7K9WQ3", "Code128", kApple,
         "SN4J7K9WQ3"),
      ok("apple_blanks_around", "  C02XK0JHJG5H \t", "", kApple, "C02XK0JHJG5H"),
      ok("apple_typed_in_groups", "C02X K0JH JG5H", "", kApple, "C02XK0JHJG5H"),
      ok("apple_scanner_crlf_suffix", "C02XK0JHJG5H\r\n", "", kApple, "C02XK0JHJG5H"),
      ok("apple_scanner_tab_suffix", "C02XK0JHJG5H\t", "", kApple, "C02XK0JHJG5H"),
      no("tab_inside", "C02XK0\tJHJG5H", "", kUnknown, "C02XK0\\x09JHJG5H", "control characters"),
      no("apple_eleven_characters", "C02XK0JHJG5", "Code128", kUnknown, "C02XK0JHJG5",
         "11 characters"),
      no("apple_legacy_bad_year_character", "C02AK0JHJG5H", "Code128", kUnknown, "C02AK0JHJG5H",
         "year and week"),
      // Printed prefixes, any letter case, with or without separators.
      ok("printed_s_n_colon", "S/N: C02XK0JHJG5H", "QRCode", kApple, "C02XK0JHJG5H"),
      ok("printed_serial_no", "Serial No. C02XK0JHJG5H", "", kApple, "C02XK0JHJG5H"),
      ok("printed_serial_number_lowercase", "serial number:c02xk0jhjg5h", "", kApple,
         "C02XK0JHJG5H"),
      ok("printed_serial_random_s", "Serial: SK7QXYJ2N9", "", kApple, "SK7QXYJ2N9"),
      ok("printed_sn_no_separator", "SNC02XK0JHJG5H", "Code128", kApple, "C02XK0JHJG5H"),
      ok("printed_s_n_over_s_identifier", "S/N SC02XK0JHJG5H", "", kApple, "C02XK0JHJG5H"),
      // AIM symbology identifiers, alone and combined with data identifiers.
      ok("aim_code128", "]C0C02XK0JHJG5H", "Code128", kApple, "C02XK0JHJG5H"),
      ok("aim_code128_with_s", "]C0SC02XK0JHJG5H", "Code128", kApple, "C02XK0JHJG5H"),
      ok("aim_code39_random_s", "]A0SK7QXYJ2N9", "Code39", kApple, "SK7QXYJ2N9"),
      ok("aim_qr_printed_prefix", "]Q1S/N:C02XK0JHJG5H", "QRCode", kApple, "C02XK0JHJG5H"),
      ok("aim_lowercase_caps_lock", "]c0sc02xk0jhjg5h", "", kApple, "C02XK0JHJG5H"),
      ok("aim_imei", "]C0352099001761481", "Code128", kImei, "352099001761481"),
      no("aim_alone", "]C0", "Code128", kUnknown, "]C0", "symbology identifier"),
      // Ten characters: Lenovo MTM, then HP (digits in positions 4-6 making a week), then Apple.
      ok("hp_serial_5cg", "5CG1234XYZ", "Code128", kHp, "5CG1234XYZ"),
      ok("hp_serial_cnd", "CND8431ABC", "Code39", kHp, "CND8431ABC"),
      ok("hp_serial_lowercase", "cnd8431abc", "", kHp, "CND8431ABC"),
      ok("hp_serial_s_identifier", "S5CG1234XYZ", "Code128", kHp, "5CG1234XYZ"),
      ok("hp_serial_printed", "SN: CND8431ABC", "", kHp, "CND8431ABC"),
      ok("hp_shape_with_apple_hint", "5CG1234XYZ", "Code128", kApple, "5CG1234XYZ", "apple"),
      ok("hp_hint_needs_hp_shape", "XK7Q2P9M4T", "Code128", kApple, "XK7Q2P9M4T", "hp"),
      ok("week_87_is_not_hp", "CZC9876PQR", "Code128", kApple, "CZC9876PQR"),
      ok("week_00_is_not_hp", "CND8001ABC", "Code128", kApple, "CND8001ABC"),
      ok("lenovo_hint_without_mtm_shape", "5CD2049K7L", "Code128", kHp, "5CD2049K7L", "lenovo"),
      no("lenovo_mtm", "20XW003JMX", "Code128", kMtm, "20XW003JMX", "machine type"),
      no("lenovo_mtm_cto", "21CBCTO1WW", "Code39", kMtm, "21CBCTO1WW", "machine type"),
      ok("lenovo_mtm_shape_with_apple_hint", "20XW003JMX", "Code128", kApple, "20XW003JMX",
         "apple"),
      no("ten_letters", "HELLOWORLD", "", kUnknown, "HELLOWORLD", "10 characters"),
      // HP product numbers: recognised, never a device id.
      no("hp_product_option", "2Z609A#ABB", "Code128", kHpProduct, "2Z609A#ABB", "product number"),
      no("hp_product_region", "6GW62EA", "Code128", kHpProduct, "6GW62EA", "product number"),
      no("hp_product_lowercase", "l3m56a", "", kHpProduct, "L3M56A", "product number"),
      no("hp_product_p_identifier", "P6GW62EA", "Code128", kHpProduct, "6GW62EA", "(P)"),
      no("hp_product_1p_identifier", "1P2Z609A#ABB", "Code128", kHpProduct, "2Z609A#ABB", "(1P)"),
      // Without the hyphen "1P66112345" has the shape of an HP serial; the hyphen says part number.
      no("apple_part_1p_hyphenated", "1P661-12345", "Code128", kUnknown, "1P661-12345", "part"),
      no("hp_product_printed_p_n", "P/N: 6GW62EA", "", kHpProduct, "6GW62EA", "product number"),
      no("hp_product_printed_product_no", "Product No.: 4ZB84AT", "", kHpProduct, "4ZB84AT",
         "product number"),
      // Lenovo serials, and 1S labels with machine type/model and serial.
      ok("lenovo_serial_pf", "PF2ABCDE", "Code128", kLenovo, "PF2ABCDE"),
      ok("lenovo_serial_mj", "MJ0ABC12", "Code39", kLenovo, "MJ0ABC12"),
      ok("lenovo_serial_lowercase", "pf2abcde", "", kLenovo, "PF2ABCDE"),
      ok("lenovo_serial_s_identifier", "SPF2ABCDE", "Code128", kLenovo, "PF2ABCDE"),
      ok("lenovo_serial_printed", "S/N PF2ABCDE", "", kLenovo, "PF2ABCDE"),
      lenovo("lenovo_1s", "1S20XW003JMXPF2ABCDE", "Code128", "PF2ABCDE", "20XW003JMX"),
      lenovo("lenovo_1s_lowercase", "1s20xw003jmxpf2abcde", "", "PF2ABCDE", "20XW003JMX"),
      lenovo("lenovo_1s_with_aim", "]C01S20XW003JMXPF2ABCDE", "Code128", "PF2ABCDE", "20XW003JMX"),
      lenovo("lenovo_1s_seven_character_mtm", "1S2325A12R9ABC123", "Code39", "R9ABC123",
             "2325A12"),
      no("lenovo_1s_serial_too_short", "1S20XW003JMXPF2ABCD", "Code128", kUnknown,
         "1S20XW003JMXPF2ABCD", "19 characters"),
      no("lenovo_fru_11s", "11S01AV421Y10ABC12345", "Code128", kUnknown, "11S01AV421Y10ABC12345",
         "FRU"),
      no("seven_characters_not_hp_product", "MJ0ABC1", "Code128", kUnknown, "MJ0ABC1",
         "7 characters"),
      // IMEI: 15 digits with Luhn, the 14-digit form completed, separators people type.
      ok("imei", "352099001761481", "Code128", kImei, "352099001761481"),
      ok("imei_wikipedia_example", "490154203237518", "Code128", kImei, "490154203237518"),
      ok("imei_14_digits_completed", "35209900176148", "Code128", kImei, "352099001761481"),
      ok("imei_14_digits_completed_other", "49015420323751", "", kImei, "490154203237518"),
      no("imei_bad_luhn", "352099001761480", "Code128", kUnknown, "352099001761480", "Luhn"),
      ok("imei_printed", "IMEI: 352099001761481", "", kImei, "352099001761481"),
      ok("imei_printed_hyphens", "IMEI 35-209900-176148-1", "", kImei, "352099001761481"),
      ok("imei_printed_numbered_lowercase", "imei1: 35 209900 176148 1", "", kImei,
         "352099001761481"),
      ok("imei_printed_no_separator", "IMEI356938035643809", "Code128", kImei, "356938035643809"),
      no("imei_printed_bad_luhn", "IMEI: 352099001761480", "", kUnknown, "IMEI: 352099001761480",
         "Luhn"),
      no("imei_printed_over_apple_serial", "IMEI: C02XK0JHJG5H", "", kUnknown,
         "IMEI: C02XK0JHJG5H", "not an IMEI"),
      no("imei_sixteen_digits", "3520990017614812", "Code128", kUnknown, "3520990017614812",
         "16 digits"),
      // Our case numbers: printed shape, QR form, check character.
      ok("case_number", "M6EM-XNNN", "Code128", kCase, "M6EM-XNNN"),
      ok("case_number_lowercase", "m6em-xnnn", "", kCase, "M6EM-XNNN"),
      ok("case_number_space_for_hyphen", "CHPX 137H", "", kCase, "CHPX-137H"),
      ok("case_number_qr", "KIOSK-CASE:M6EM-XNNN", "QRCode", kCase, "M6EM-XNNN"),
      ok("case_number_qr_lowercase", "kiosk-case:m6em-xnnn", "", kCase, "M6EM-XNNN"),
      ok("case_number_qr_with_aim", "]Q1KIOSK-CASE:CHPX-137H", "QRCode", kCase, "CHPX-137H"),
      no("case_number_wrong_check", "M6EM-XNNP", "Code128", kUnknown, "M6EM-XNNP",
         "check character"),
      no("case_number_qr_wrong_check", "KIOSK-CASE:M6EM-XNNP", "QRCode", kUnknown,
         "KIOSK-CASE:M6EM-XNNP", "check character"),
      no("case_number_qr_garbage", "KIOSK-CASE:hello", "QRCode", kUnknown, "KIOSK-CASE:hello",
         "without a case number"),
      no("case_number_qr_empty", "KIOSK-CASE:", "QRCode", kUnknown, "KIOSK-CASE:",
         "without a case number"),
      ok("case_number_bare_eight_is_lenovo_shape", "M6EMXNNN", "", kLenovo, "M6EMXNNN"),
      // GS1 element strings: human-readable, raw with FNC1/GS, with and without markers.
      ok("gs1_bracketed", "(01)09501101020917(21)C02XK0JHJG5H", "DataMatrix", kApple,
         "C02XK0JHJG5H"),
      ok("gs1_bracketed_more_ais", "(01)09501101020917(17)251231(10)LOT42(21)CND8431ABC",
         "DataMatrix", kHp, "CND8431ABC"),
      ok("gs1_bracketed_spaces", "(01) 09501101020917 (11) 240115 (21) PF2ABCDE", "", kLenovo,
         "PF2ABCDE"),
      ok("gs1_raw_aim_d2", "]d2010950110102091717251231" "10LOT42\x1D" "21C02XK0JHJG5H",
         "DataMatrix", kApple, "C02XK0JHJG5H"),
      ok("gs1_raw_leading_fnc1", "\x1D" "0109501101020917" "21352099001761481", "DataMatrix",
         kImei, "352099001761481"),
      ok("gs1_raw_unmarked", "0109501101020917" "21SK7QXYJ2N9", "DataMatrix", kApple,
         "SK7QXYJ2N9"),
      ok("gs1_raw_unmarked_gs_inside", "010950110102091710ABC\x1D" "21PF2ABCDE", "DataMatrix",
         kLenovo, "PF2ABCDE"),
      ok("gs1_raw_serial_then_lot", "]C1" "0109501101020917" "21CND8431ABC\x1D" "10L1", "Code128",
         kHp, "CND8431ABC"),
      no("gs1_gtin_without_serial", "(01)09501101020917", "DataMatrix", kUnknown,
         "(01)09501101020917", "GTIN"),
      no("gs1_serial_of_no_known_vendor", "(01)09501101020917(21)XYZ-123", "DataMatrix", kUnknown,
         "(01)09501101020917(21)XYZ-123", "GS1 serial (21)"),
      no("gs1_serial_bad_luhn", "(01)09501101020917(21)352099001761480", "DataMatrix", kUnknown,
         "(01)09501101020917(21)352099001761480", "Luhn"),
      no("gs1_gtin_too_short", "(01)0950110102091(21)C02XK0JHJG5H", "DataMatrix", kUnknown,
         "(01)0950110102091(21)C02XK0JHJG5H", ""),
      // ISO/IEC 15434 envelopes with MH10.8.2 data identifiers (Data Matrix on boxes, parts).
      ok("iso15434_serial", "[)>\x1E" "06\x1DSC02XK0JHJG5H\x1D" "1PMGN63LL/A\x1DQ1\x1E\x04",
         "DataMatrix", kApple, "C02XK0JHJG5H"),
      no("iso15434_part_and_quantity_only", "[)>\x1E" "06\x1D" "1PMGN63LL/A\x1DQ1\x1E\x04",
         "DataMatrix", kUnknown, "[)>\\x1E06\\x1D1PMGN63LL/A\\x1DQ1\\x1E\\x04", "part number"),
      lenovo("iso15434_lenovo_1s", "[)>\x1E" "06\x1D" "1S20XW003JMXPF2ABCDE\x1E\x04", "DataMatrix",
             "PF2ABCDE", "20XW003JMX"),
      ok("iso15434_gs1_format_05", "[)>\x1E" "05\x1D" "0109501101020917" "21CND8431ABC\x1E\x04",
         "DataMatrix", kHp, "CND8431ABC"),
      // Not serials: part numbers, quantities, retail codes.
      no("part_number_p", "P123-456", "Code128", kUnknown, "P123-456", "part number"),
      no("part_number_1p_apple", "1PMGN63LL/A", "Code128", kUnknown, "1PMGN63LL/A", "part number"),
      no("part_number_p_before_serial_shape", "PC02XK0JHJG5H", "Code128", kUnknown,
         "PC02XK0JHJG5H", "part number"),
      no("quantity_one", "Q1", "Code128", kUnknown, "Q1", "quantity"),
      no("quantity_many", "q250", "", kUnknown, "q250", "quantity"),
      no("ean13_by_format", "5901234123457", "EAN-13", kUnknown, "5901234123457", "EAN-13"),
      no("ean13_format_wins_over_content", "C02XK0JHJG5H", "EAN-13", kUnknown, "C02XK0JHJG5H",
         "retail"),
      no("upca_by_format", "036000291452", "UPC-A", kUnknown, "036000291452", "retail"),
      no("upce_by_format", "01234565", "UPC-E", kUnknown, "01234565", "retail"),
      no("ean8_by_format", "96385074", "EAN-8", kUnknown, "96385074", "retail"),
      no("ean13_typed_valid_check", "5901234123457", "", kUnknown, "5901234123457", "EAN-13"),
      no("ean13_typed_wrong_check", "5901234123458", "", kUnknown, "5901234123458",
         "wrong EAN-13 check digit"),
      no("upca_typed_valid_check", "036000291452", "", kUnknown, "036000291452", "UPC-A"),
      no("upca_typed_wrong_check", "036000291453", "", kUnknown, "036000291453", "wrong UPC-A"),
      no("ean13_with_aim_e0", "]E05901234123457", "", kUnknown, "]E05901234123457", "EAN-13"),
      no("itf14_carton", "10012345678902", "ITF", kUnknown, "10012345678902", "ITF-14"),
      // Bad input: shown as it is, printable, with a warning.
      no("empty", "", "", kUnknown, "", "empty"),
      no("blanks_only", "   ", "", kUnknown, "   ", "blanks"),
      no("control_character_first", "\x01" "C02XK0JHJG5H", "Code128", kUnknown,
         "\\x01C02XK0JHJG5H", "control characters"),
      no("nul_inside", "C02XK0\0JHJG5H"s, "Code128", kUnknown, "C02XK0\\x00JHJG5H",
         "control characters"),
      no("escape_sequence", "\x1B[2JC02XK0JHJG5H", "", kUnknown, "\\x1B[2JC02XK0JHJG5H",
         "control characters"),
      no("gs_after_serial", "C02XK0JHJG5H\x1D", "Code128", kUnknown, "C02XK0JHJG5H\\x1D",
         "control characters"),
      no("url_in_qr", "https://example.com/?s=C02XK0JHJG5H", "QRCode", kUnknown,
         "https://example.com/?s=C02XK0JHJG5H", "not a serial"),
      no("invalid_utf8", "\xFF\xFE" "C02X", "QRCode", kUnknown, "\\xFF\\xFEC02X", "UTF-8"),
      no("non_ascii_text", "Serienummer: \xC3\x86\xC3\x98\xC3\x85", "QRCode", kUnknown,
         "Serienummer: \xC3\x86\xC3\x98\xC3\x85", "outside ASCII"),
      no("backslash_shown_doubled", "C02\\XK0", "", kUnknown, "C02\\\\XK0", ""),
      no("lone_s", "S", "Code128", kUnknown, "S", "has that length"),
      no("printed_prefix_alone", "SN:", "", kUnknown, "SN:", ""),
  };
}

// Names the row when a test fails, instead of dumping its bytes.
void PrintTo(const Row& row, std::ostream* out) { *out << row.what; }

class ScanTable : public ::testing::TestWithParam<Row> {};

TEST_P(ScanTable, Reads) {
  const Row& row = GetParam();
  const ScanReading reading = parseScan(row.raw, row.format, row.hint);
  EXPECT_EQ(scanKindName(reading.kind), scanKindName(row.kind)) << reading.warning;
  EXPECT_EQ(reading.text, row.text);
  EXPECT_EQ(reading.raw, row.raw);
  EXPECT_EQ(reading.machineType, row.machineType);
  const bool accepted = reading.isDeviceId() || reading.kind == ScanKind::CaseNumber;
  EXPECT_EQ(reading.warning.empty(), accepted) << reading.warning;
  if (!row.warning.empty()) {
    EXPECT_NE(reading.warning.find(row.warning), std::string::npos)
        << "warning '" << reading.warning << "' lacks '" << row.warning << "'";
  }
}

INSTANTIATE_TEST_SUITE_P(Reads, ScanTable, ::testing::ValuesIn(rows()),
                         [](const ::testing::TestParamInfo<Row>& param) {
                           return std::to_string(param.index) + "_" + param.param.what;
                         });

// Every accepted value reads back as itself: what the kiosk stores can be scanned again.
TEST(ScanTableProperties, AcceptedValuesReparseToThemselves) {
  for (const Row& row : rows()) {
    const ScanReading first = parseScan(row.raw, row.format, row.hint);
    if (!first.isDeviceId() && first.kind != ScanKind::CaseNumber) continue;
    const ScanReading again = parseScan(first.text, "", row.hint);
    EXPECT_EQ(again.kind, first.kind) << row.what;
    EXPECT_EQ(again.text, first.text) << row.what;
  }
}

TEST(ScanTableProperties, TableIsLargeAndCoversEveryKind) {
  const auto all = rows();
  EXPECT_GE(all.size(), 80U);
  for (const ScanKind kind : {kApple, kImei, kHp, kHpProduct, kLenovo, kMtm, kCase, kUnknown}) {
    bool seen = false;
    for (const Row& row : all) seen = seen || row.kind == kind;
    EXPECT_TRUE(seen) << scanKindName(kind);
  }
}

}  // namespace
}  // namespace kiosk
