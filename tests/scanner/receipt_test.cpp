// Customer receipts: what they say for each vendor and device, and the PDF read back with
// independent tools (poppler) and the project's own decoder for the QR code.
#include "print_samples.hpp"
#include "print_tools.hpp"
#include "scanner/barcode_decoder.hpp"
#include "scanner/image_file.hpp"
#include "scanner/scan_parser.hpp"

namespace kiosk::test {
namespace {

class ReceiptTest : public ::testing::Test {
 protected:
  PrintAssets a;
  TestFolder dir;

  [[nodiscard]] ReceiptContent content(const RepairCase& c, const Translations& texts) const {
    return makeReceiptContent(c, a.vendor(c), a.desk, texts);
  }

  // Every word of the receipt, in order, as one string.
  static std::string allText(const ReceiptContent& r) {
    std::string text = r.documentTitle + "\n" + r.issuer + "\n" + r.title + "\n" + r.numberLabel + "\n" + r.number +
                       "\n" + r.registered + "\n" + r.note + "\n" + r.qrCaption + "\n" + r.footer + "\n";
    for (const auto& s : r.sections) {
      text += s.heading + "\n";
      for (const auto& l : s.lines) text += l.label + " " + l.text + "\n";
    }
    return text;
  }

  std::filesystem::path pdf(const RepairCase& c, const Translations& texts, const std::string& paper = "A4") {
    const auto bytes = renderReceiptPdf(content(c, texts), a.receipt.withPaper(paper).value(), a.fonts);
    EXPECT_TRUE(bytes) << bytes.error().message;
    const auto file = dir / (c.number + "-" + texts.language() + "-" + paper + ".pdf");
    writeFile(file, bytes ? *bytes : std::string());
    return file;
  }

  static bool havePoppler() { return runTool("pdftotext -v").status == 0; }
};

bool contains(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

TEST_F(ReceiptTest, AMacFromAteaGetsAppleAndTheResellersTermsAndTheFeeRule) {
  const RepairCase c = sampleCase(42, "Åse Ødegård");
  const std::string text = allText(content(c, a.nb));
  EXPECT_TRUE(contains(text, c.number));
  EXPECT_TRUE(contains(text, "Apples begrensede garanti gjelder i 1 år fra kjøpsdato."));
  EXPECT_TRUE(contains(text, "Mac kjøpt av Atea 1. januar 2015 eller senere har i tillegg Ateas utvidede garanti: "
                             "til sammen 3 år fra kjøpsdato. Den gjelder bare i Norge."));
  EXPECT_TRUE(contains(text, "AppleCare for Enterprise"));
  EXPECT_TRUE(contains(text, "væskeskade"));
  EXPECT_TRUE(contains(text, "knuste skjermer"));
  EXPECT_TRUE(contains(text, "støtskader"));
  EXPECT_TRUE(contains(text, "utløpt garanti"));
  EXPECT_TRUE(contains(text, "koster diagnosen NOK\xC2\xA0" "450"));
  EXPECT_TRUE(contains(text, "frafaller hvis du godtar prisoverslaget"));
  EXPECT_TRUE(contains(text, "eller kjøper en ny enhet"));
  EXPECT_TRUE(contains(text, "Lader (USB-C 96 W), veske"));
  EXPECT_TRUE(contains(text, "Riper på lokket"));
  EXPECT_TRUE(contains(text, "Starter ikke etter oppdatering"));
  EXPECT_TRUE(contains(text, "Registrert 25. november 2026 kl. 10:00"));
  EXPECT_FALSE(contains(text, "byttet mot en ny enhet")) << "the iPad swap rule is not a Mac's";
}

TEST_F(ReceiptTest, EachDeviceGetsOnlyTheRulesThatApplyToIt) {
  RepairCase ipad = sampleCase(43, "Kari Nordmann", "apple", "ipad");
  ipad.device.aceUntil = *parseDate("2027-04-30");
  const std::string ipadText = allText(content(ipad, a.nb));
  EXPECT_TRUE(contains(ipadText, "til sammen 2 år fra kjøpsdato"));
  EXPECT_TRUE(contains(ipadText, "iPad som er under garanti, blir som hovedregel byttet mot en ny enhet"));
  EXPECT_TRUE(contains(ipadText, "AppleCare for Enterprise (ACE) for denne enheten gjelder til og med 30. april 2027."));

  const std::string iphone = allText(content(sampleCase(44, "Kari Nordmann", "apple", "iphone"), a.nb));
  EXPECT_FALSE(contains(iphone, "utvidede garanti")) << "no reseller extension for an iPhone";

  RepairCase hp = sampleCase(45, "Kari Nordmann", "hp", "printer");
  hp.device.contractUntil = *parseDate("2027-12-31");
  const std::string hpText = allText(content(hp, a.nb));
  EXPECT_TRUE(contains(hpText, "servicekontrakt SA0003682"));
  EXPECT_TRUE(contains(hpText, "til og med 31. desember 2027"));
  EXPECT_FALSE(contains(hpText, "AppleCare"));

  RepairCase lenovo = sampleCase(46, "Kari Nordmann", "lenovo", "laptop");
  lenovo.due = *parseDate("2026-11-26");
  const std::string lenovoText = allText(content(lenovo, a.en));
  EXPECT_TRUE(contains(lenovoText, "Lenovo's next-business-day on-site warranty applies for 3 years"));
  EXPECT_TRUE(contains(lenovoText, "A technician will come to you on site on 26 November 2026 at the latest."));
  EXPECT_TRUE(contains(lenovoText, "before 15:30"));
  EXPECT_TRUE(contains(lenovoText, "after 16:00"));
}

TEST_F(ReceiptTest, TheReturnDateOrTheRuleWhenTheClockHasNotStarted) {
  RepairCase c = sampleCase(42, "Kari Nordmann");
  EXPECT_TRUE(contains(allText(content(c, a.nb)), "senest 3 virkedager etter at vi har gitt deg beskjed"));
  EXPECT_TRUE(contains(allText(content(c, a.en)), "at the latest 3 working days after we have told you"));
  c.due = *parseDate("2026-11-30");
  EXPECT_TRUE(contains(allText(content(c, a.nb)), "Du får enheten tilbake senest 30. november 2026."));
  EXPECT_FALSE(contains(allText(content(c, a.nb)), "virkedager"));
}

TEST_F(ReceiptTest, HowToReachTheServiceDesk) {
  RepairCase c = sampleCase(42, "Kari Nordmann");
  c.intake.agreement.clear();
  const std::string text = allText(content(c, a.nb));
  for (const char* what : {"Kontakt Atea SOS", "Åpent hele døgnet", "03060", "+47 32 20 79 08", "sos@atea.no",
                           "www.myatea.no", "Postboks 6472, Etterstad", "0605 Oslo", "SA0011807"}) {
    EXPECT_TRUE(contains(text, what)) << what;
  }
}

TEST_F(ReceiptTest, ThePasscodeIsNeverOnTheReceipt) {
  const RepairCase c = sampleCase(42, "Kari Nordmann");
  for (const Translations* texts : {&a.nb, &a.en}) {
    EXPECT_FALSE(contains(allText(content(c, *texts)), kPasscode));
    if (!havePoppler()) continue;
    const ToolRun text = runTool("pdftotext " + pdf(c, *texts).string() + " -");
    EXPECT_EQ(text.status, 0);
    EXPECT_FALSE(contains(text.out, kPasscode));
    EXPECT_TRUE(contains(text.out, c.number));
  }
}

TEST_F(ReceiptTest, ThePdfEmbedsItsFonts) {
  if (!havePoppler()) GTEST_SKIP() << "poppler-utils is not installed";
  const ToolRun fonts = runTool("pdffonts " + pdf(sampleCase(42, "Åse Ødegård"), a.nb).string());
  ASSERT_EQ(fonts.status, 0);
  std::istringstream lines(fonts.out);
  std::string line;
  std::getline(lines, line);
  std::getline(lines, line);  // the header and its underline
  int rows = 0;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    ++rows;
    EXPECT_TRUE(contains(line, "DejaVuSans")) << line;
    EXPECT_TRUE(contains(line, " yes ")) << "not embedded: " << line;
  }
  EXPECT_GE(rows, 2) << fonts.out;  // regular and bold
  EXPECT_TRUE(contains(fonts.out, "DejaVuSans-Bold"));
}

TEST_F(ReceiptTest, TheQrCodeReadsBackWithOurDecoderAsTheCasePayload) {
  if (!havePoppler()) GTEST_SKIP() << "poppler-utils is not installed";
  for (const std::string paper : {"A4", "A5"}) {
    const RepairCase c = sampleCase(4242, "Åse Ødegård");
    const auto file = pdf(c, a.nb, paper);
    const auto prefix = dir / ("page-" + paper);
    ASSERT_EQ(runTool("pdftoppm -r 150 -png -f 1 -l 1 " + file.string() + " " + prefix.string()).status, 0);
    std::filesystem::path page;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
      if (entry.path().filename().string().rfind("page-" + paper, 0) == 0) page = entry.path();
    }
    ASSERT_FALSE(page.empty());
    const auto image = loadImageFile(page);
    ASSERT_TRUE(image) << image.error().message;
    const auto codes = BarcodeDecoder().decode(*image);
    ASSERT_TRUE(codes) << codes.error().message;
    ASSERT_EQ(codes->size(), 1u) << paper;
    EXPECT_EQ(codes->front().format, "QRCode");
    EXPECT_EQ(codes->front().text, caseQrPayload(c.number, c.customerCode));
    const ScanReading reading = parseScan(codes->front().text, codes->front().format);
    EXPECT_EQ(reading.kind, ScanKind::CaseNumber);
    EXPECT_EQ(reading.text, c.number);
    EXPECT_EQ(reading.customerCode, c.customerCode) << "one scan at the counter gives both";
  }
}

TEST_F(ReceiptTest, TheCustomerCodeIsPrintedUnderTheNumber) {
  if (!havePoppler()) GTEST_SKIP() << "poppler-utils is not installed";
  const RepairCase c = sampleCase(42, "Åse Ødegård");
  const std::string nb = squeezeSpaces(runTool("pdftotext " + pdf(c, a.nb).string() + " -").out);
  EXPECT_TRUE(contains(nb, "Kundekode")) << nb;
  EXPECT_TRUE(contains(nb, c.customerCode)) << nb;
  const std::string en = squeezeSpaces(runTool("pdftotext " + pdf(c, a.en).string() + " -").out);
  EXPECT_TRUE(contains(en, "Customer code")) << en;
  EXPECT_TRUE(contains(en, c.customerCode)) << en;
}

TEST_F(ReceiptTest, ACaseWithoutACodeKeepsTheOldQrPayload) {
  RepairCase c = sampleCase(42, "Åse Ødegård");
  c.customerCode.clear();
  const ReceiptContent content = this->content(c, a.nb);
  EXPECT_EQ(content.qrPayload, caseQrPayload(c.number));
  EXPECT_EQ(content.customerCode, "");
}

TEST_F(ReceiptTest, TheTextIsThereInBokmalWithAeOeAaAndInEnglish) {
  if (!havePoppler()) GTEST_SKIP() << "poppler-utils is not installed";
  const RepairCase c = sampleCase(42, "Åse Ødegård");
  const std::string nb = squeezeSpaces(runTool("pdftotext " + pdf(c, a.nb).string() + " -").out);
  for (const char* what : {"Kvittering for innlevert utstyr", "Åse Ødegård", "Kjøpsdato", "væskeskade",
                           "koster diagnosen NOK 450", "Takker du nei, betaler du NOK 450", "Saksnummer"}) {
    EXPECT_TRUE(contains(nb, what)) << what;
  }
  EXPECT_TRUE(contains(nb, c.number));
  const std::string en = squeezeSpaces(runTool("pdftotext " + pdf(c, a.en).string() + " -").out);
  for (const char* what : {"Receipt for equipment handed in", "Case number", "The warranty does not cover",
                           "the diagnosis costs NOK 450", "Contact Atea SOS", "Åse Ødegård"}) {
    EXPECT_TRUE(contains(en, what)) << what;
  }
  EXPECT_FALSE(contains(en, "Kvittering"));
}

TEST_F(ReceiptTest, ALongFaultFlowsOntoMorePagesAndEveryPageIsNumbered) {
  if (!havePoppler()) GTEST_SKIP() << "poppler-utils is not installed";
  RepairCase c = sampleCase(42, "Kari Nordmann");
  c.intake.fault.clear();
  for (int i = 0; i < 120; ++i) c.intake.fault += "Linje " + std::to_string(i) + " av feilbeskrivelsen med æøå. ";
  c.intake.fault += "SLUTTEN\n\x01\xff ny avsnitt https://example.no/" + std::string(200, 'x');
  const auto file = pdf(c, a.nb, "A5");
  const ToolRun info = runTool("pdfinfo " + file.string());
  ASSERT_EQ(info.status, 0);
  const std::string text = squeezeSpaces(runTool("pdftotext " + file.string() + " -").out);
  EXPECT_TRUE(contains(text, "Linje 0 av"));
  EXPECT_TRUE(contains(text, "Linje 119 av"));
  EXPECT_TRUE(contains(text, "SLUTTEN"));
  EXPECT_TRUE(contains(text, "side 1 av "));
  EXPECT_FALSE(contains(text, "side 1 av 1 ")) << "more than one page";
  EXPECT_TRUE(contains(text, "0605 Oslo")) << "the last section is still there";
}

TEST_F(ReceiptTest, UnknownPaperIsBadInputOnPaper) {
  EXPECT_EQ(a.receipt.paper.name, "A4");
  EXPECT_EQ(a.receipt.withPaper("a5").value().paper.widthMm, 148);
  const auto bad = a.receipt.withPaper("B4");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "paper");
  EXPECT_TRUE(contains(bad.error().message, "A4, A5"));
}

}  // namespace
}  // namespace kiosk::test
