// kioskctl scan: what it reports for each file, and its exit codes.
#include <fstream>

#include "cli_harness.hpp"
#include "tests/support/label_photos.hpp"

namespace kiosk::test {
namespace {

using photos::CodeSpec;
using photos::PhotoSpec;
using photos::makeLabelPhoto;
using photos::writePng;

class ScanCommandTest : public CliTest {
 protected:
  std::string folder() const { return std::filesystem::path(db).parent_path().string(); }

  std::string photoOf(const std::string& name, const std::string& format, const std::string& text, double rotation) {
    PhotoSpec spec;
    spec.codes = {CodeSpec{format, text}};
    spec.distortion.rotationDeg = rotation;
    spec.distortion.blurSigma = 0.8;
    spec.distortion.noiseSigma = 6;
    const auto file = folder() + "/" + name;
    EXPECT_TRUE(writePng(makeLabelPhoto(spec).image, file));
    return file;
  }

  std::vector<nlohmann::json> lines(const std::string& out) {
    std::vector<nlohmann::json> parsed;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) parsed.push_back(nlohmann::json::parse(line));
    return parsed;
  }
};

TEST_F(ScanCommandTest, APrintedLabelReadsBackAsItsCaseNumber) {
  const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  const std::string png = folder() + "/label.png";
  ASSERT_EQ(run({"label", n, "--out", png}).code, 0);
  const CliRun r = run({"scan", "--json", png});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto found = lines(r.out);
  ASSERT_EQ(found.size(), 1u) << r.out;
  EXPECT_EQ(found[0]["kind"], "case-number");
  EXPECT_EQ(found[0]["text"], n);
  EXPECT_EQ(found[0]["format"], "Code128");
  EXPECT_EQ(found[0]["file"], png);
  EXPECT_EQ(found[0]["position"].size(), 4u);
}

TEST_F(ScanCommandTest, PhotographedSerialsAreRecognisedAndNormalised) {
  const auto apple = photoOf("apple.png", "Code128", "SC02XK0JHJG5H", 17);
  const auto imei = photoOf("imei.png", "QRCode", "IMEI: 356938035643809", -40);
  const auto lenovo = photoOf("lenovo.png", "DataMatrix", "1S20XW003JMXPF2ABCDE", 95);
  const CliRun r = run({"scan", "--json", apple, imei, lenovo});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto found = lines(r.out);
  ASSERT_EQ(found.size(), 3u) << r.out;
  EXPECT_EQ(found[0]["kind"], "apple-serial");
  EXPECT_EQ(found[0]["text"], "C02XK0JHJG5H");
  EXPECT_EQ(found[0]["raw"], "SC02XK0JHJG5H");
  EXPECT_EQ(found[1]["kind"], "imei");
  EXPECT_EQ(found[1]["text"], "356938035643809");
  EXPECT_EQ(found[2]["kind"], "lenovo-serial");
  EXPECT_EQ(found[2]["text"], "PF2ABCDE");
  EXPECT_EQ(found[2]["machine_type"], "20XW003JMX");
}

TEST_F(ScanCommandTest, RetailCodesAndPartNumbersAreShownWithAWarning) {
  const auto ean = photoOf("ean.png", "EAN-13", "5901234123457", 0);
  const auto part = photoOf("part.png", "Code128", "1P661-12345", 0);
  const CliRun r = run({"scan", "--json", ean, part});
  ASSERT_EQ(r.code, 0) << r.err;
  for (const auto& line : lines(r.out)) {
    EXPECT_NE(line["kind"], "apple-serial");
    EXPECT_FALSE(line.value("warning", "").empty()) << line.dump();
  }
}

TEST_F(ScanCommandTest, UnreadableFilesAreExit2AndTheOthersAreStillReported) {
  const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  const std::string png = folder() + "/label.png";
  ASSERT_EQ(run({"label", n, "--out", png}).code, 0);
  const std::string text = folder() + "/notes.png";
  std::ofstream(text) << "not an image";
  const std::string empty = folder() + "/empty.png";
  std::ofstream{empty};
  const CliRun r = run({"scan", text, png, empty, folder() + "/missing.png"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find(n), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("notes.png"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("empty.png"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing.png"), std::string::npos) << r.err;
}

TEST_F(ScanCommandTest, AFileWithoutACodeIsExit1) {
  GrayImage blank{320, 240, std::vector<std::uint8_t>(320 * 240, 255)};
  const std::string file = folder() + "/blank.png";
  ASSERT_TRUE(writePng(blank, file));
  const CliRun r = run({"scan", file});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("no barcode"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kiosk::test
