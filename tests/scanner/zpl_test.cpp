// ZPL II labels: one well-formed label per job, the sizes in dots for the printer's resolution,
// the case number as Code 128, UTF-8 text, and nothing a customer types can inject commands.
#include <regex>
#include <sstream>

#include "print_samples.hpp"

namespace kiosk::test {
namespace {

class ZplTest : public ::testing::Test {
 protected:
  PrintAssets a;

  std::string zpl(const RepairCase& c, const std::string& size = "62x29", int dpi = 203) {
    const auto out = renderLabelZpl(makeLabelContent(c, a.nb), *a.labels.find(size), dpi);
    EXPECT_TRUE(out) << out.error().message;
    return out ? *out : std::string();
  }
};

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_F(ZplTest, OneLabelFromXaToXzWithUtf8AndTheCaseNumberAsCode128) {
  RepairCase c = sampleCase(42, "Åse Ødegård");
  c.due = *parseDate("2026-11-30");
  const std::string z = zpl(c);
  EXPECT_EQ(z.rfind("^XA\n", 0), 0u);
  EXPECT_EQ(z.substr(z.size() - 4), "^XZ\n");
  EXPECT_EQ(count(z, "^XA"), 1);
  EXPECT_EQ(count(z, "^XZ"), 1);
  EXPECT_LT(z.find("^CI28"), z.find("^FD"));  // UTF-8 switched on before any field
  EXPECT_EQ(count(z, "^BC"), 1);
  EXPECT_TRUE(std::regex_search(z, std::regex(R"(\^BY\d+,3,\d+\^BCN,\d+,N,N,N,N\^FD)" + c.number + R"(\^FS)")));
  EXPECT_NE(z.find("^FD" + c.number + "^FS"), std::string::npos);
  EXPECT_NE(z.find("^FDÅse Ø.^FS"), std::string::npos);
  EXPECT_NE(z.find("^FDS/N C02XK0JHJG5H^FS"), std::string::npos);
  EXPECT_NE(z.find("^FDInn 25.11.2026^FS"), std::string::npos);
  EXPECT_NE(z.find("^FDFrist 30.11.2026^FS"), std::string::npos);
  EXPECT_EQ(z.find(kPasscode), std::string::npos);
  EXPECT_EQ(count(z, "^FD"), count(z, "^FS"));
}

TEST_F(ZplTest, WidthAndLengthInDotsForEverySizeAndResolution) {
  const RepairCase c = sampleCase(42, "Kari Nordmann");
  struct Expect { const char* size; int dpi; int width; int length; };
  for (const Expect e : {Expect{"62x29", 203, 496, 232}, Expect{"62x29", 300, 732, 343},
                         Expect{"4x2", 203, 812, 406}, Expect{"4x2", 300, 1200, 600}}) {
    const std::string z = zpl(c, e.size, e.dpi);
    EXPECT_NE(z.find("^PW" + std::to_string(e.width) + "\n"), std::string::npos) << e.size << " " << e.dpi << "\n" << z;
    EXPECT_NE(z.find("^LL" + std::to_string(e.length) + "\n"), std::string::npos) << e.size << " " << e.dpi;
  }
}

TEST_F(ZplTest, TheBarcodeAndItsQuietZonesFitTheLabel) {
  const RepairCase c = sampleCase(42, "Kari Nordmann");
  for (const std::string size : {"62x29", "4x2"}) {
    for (const int dpi : {203, 300}) {
      const std::string z = zpl(c, size, dpi);
      std::smatch m;
      ASSERT_TRUE(std::regex_search(z, m, std::regex(R"(\^FO(\d+),(\d+)\^BY(\d+),3,(\d+))")));
      const int x = std::stoi(m[1]), module = std::stoi(m[3]);
      const int modules = 11 * static_cast<int>(c.number.size()) + 35;  // code set B
      std::smatch pw;
      ASSERT_TRUE(std::regex_search(z, pw, std::regex(R"(\^PW(\d+))")));
      EXPECT_GE(module, 2) << size << " " << dpi << ": bars of one dot are too thin to scan reliably";
      EXPECT_GE(x - 10 * module, 0) << size << " " << dpi;
      EXPECT_LE(x + (modules + 10) * module, std::stoi(pw[1])) << size << " " << dpi;
    }
  }
}

TEST_F(ZplTest, WhatACustomerTypedCannotInjectZplCommands) {
  RepairCase c = sampleCase(42, "A^XZ~JR\\B Ærlig");
  c.device.serial = "SER^FS";
  const std::string z = zpl(c);
  EXPECT_EQ(count(z, "^XZ"), 1);
  EXPECT_EQ(z.find("~JR"), std::string::npos);
  EXPECT_NE(z.find("A\\5EXZ\\7EJR\\5CB Æ."), std::string::npos) << z;
  EXPECT_NE(z.find("S/N SER\\5EFS"), std::string::npos);
  // Every text field announces ^FH\ so the printer turns \5E back into ^.
  EXPECT_EQ(count(z, "^FH\\^FD"), 5);
}

TEST_F(ZplTest, ControlCharactersAreSpacesAndLongTextIsCut) {
  RepairCase c = sampleCase(42, "Bartholomew-Maximilian-Konstantin-Alexander Berg");
  c.device.serial = "ABC\r\n^XZ";
  const std::string z = zpl(c);
  EXPECT_EQ(count(z, "\r"), 0);
  EXPECT_EQ(count(z, "^XZ"), 1);
  std::istringstream lines(z);
  for (std::string line; std::getline(lines, line);) EXPECT_EQ(line.rfind('^', 0), 0u) << "a line of its own: " << line;
  EXPECT_NE(z.find("..."), std::string::npos) << "the long name is cut";
}

TEST_F(ZplTest, OnlyZebraResolutionsAndPlainCaseNumbers) {
  const RepairCase c = sampleCase(42, "Kari Nordmann");
  const auto bad = renderLabelZpl(makeLabelContent(c, a.nb), *a.labels.find("62x29"), 250);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "dpi");
  LabelContent injected = makeLabelContent(c, a.nb);
  injected.number = "1234^XZ";
  EXPECT_FALSE(renderLabelZpl(injected, *a.labels.find("62x29"), 203));
}

}  // namespace
}  // namespace kiosk::test
