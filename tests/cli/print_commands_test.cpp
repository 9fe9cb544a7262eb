// kioskctl label and kioskctl receipt, in-process: outputs, the exit codes, bad input named, and
// an independent decoder (zbarimg) and poppler reading what the CLI printed.
#include "../gateways/fake_printer.hpp"
#include "../scanner/print_tools.hpp"
#include "cli_harness.hpp"
#include "scanner/barcode_decoder.hpp"
#include "scanner/image_file.hpp"
#include "workflow/case_number.hpp"

namespace kiosk::test {
namespace {

class PrintCommandsTest : public CliTest {
 protected:
  TestFolder dir;

  std::string intake() {
    auto args = appleMac("C02XK0JHJG5H", "2026-11-24T10:00");
    // A customer with æøå in the name, so every output path carries UTF-8.
    *(std::find(args.begin(), args.end(), "--customer") + 1) = "Åse Ødegård";
    return newCase(args);
  }

  static bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

  // "format:text" of every code our own decoder finds in a picture file.
  static std::vector<std::string> decoded(const std::filesystem::path& file) {
    const auto image = loadImageFile(file);
    EXPECT_TRUE(image) << image.error().message;
    std::vector<std::string> codes;
    if (!image) return codes;
    const auto found = BarcodeDecoder().decode(*image);
    EXPECT_TRUE(found) << found.error().message;
    if (found) {
      for (const auto& code : *found) codes.push_back(code.format + ":" + code.text);
    }
    return codes;
  }
};

TEST_F(PrintCommandsTest, LabelPngReadsBackAsTheCaseNumberWithOurDecoderAndZbar) {
  const std::string n = intake();
  for (const std::string size : {"62x29", "4x2"}) {
    const auto file = dir / ("label-" + size + ".png");
    const CliRun r = run({"label", n, "--out", file.string(), "--size", size});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, file.string() + "\n");
    EXPECT_EQ(decoded(file), std::vector<std::string>{"Code128:" + n}) << size;
    if (runTool("zbarimg --version").status != 0) GTEST_SKIP() << "zbarimg (zbar-tools) is not installed";
    EXPECT_EQ(runTool("zbarimg --quiet --raw " + file.string()).out, n + "\n") << size;
  }
}

TEST_F(PrintCommandsTest, LabelZplGoesToStandardOutput) {
  const std::string n = intake();
  const CliRun r = run({"label", n, "--zpl"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("^XA\n^CI28\n^PW496\n^LL232\n", 0), 0u) << r.out;
  EXPECT_TRUE(has(r.out, "^FD" + n + "^FS"));
  EXPECT_TRUE(has(r.out, "^FDÅse Ø.^FS"));
  EXPECT_FALSE(has(r.out, "zebra-8642"));
  const CliRun big = run({"label", n, "--zpl", "--size", "4x2", "--dpi", "300"});
  ASSERT_EQ(big.code, 0) << big.err;
  EXPECT_TRUE(has(big.out, "^PW1200\n^LL600\n"));
}

TEST_F(PrintCommandsTest, LabelGoesToANetworkPrinterAsTheSameZpl) {
  const std::string n = intake();
  FakePrinter printer;
  const CliRun r = run({"label", n, "--printer", printer.address()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "sent to " + printer.address()));
  EXPECT_EQ(printer.received(), run({"label", n, "--zpl"}).out);
}

TEST_F(PrintCommandsTest, APrinterThatDoesNotAnswerIsExit4WithAClearMessage) {
  const std::string n = intake();
  const int port = closedLoopbackPort();
  CliRun r = run({"label", n, "--printer", "127.0.0.1:" + std::to_string(port)});
  EXPECT_EQ(r.code, 4);
  EXPECT_TRUE(has(r.err, "--printer: label printer 127.0.0.1:" + std::to_string(port) + " refused")) << r.err;
  EXPECT_TRUE(has(r.err, "was not printed")) << r.err;
  EXPECT_EQ(r.out, "");

  FakePrinter blackHole(FakePrinter::Mode::NeverAccepts);
  r = run({"label", n, "--printer", blackHole.address(), "--timeout-ms", "300"});
  EXPECT_EQ(r.code, 4);
  EXPECT_TRUE(has(r.err, "did not answer within 0.3 s")) << r.err;
}

TEST_F(PrintCommandsTest, LabelBadInputIsExit2NamingTheOption) {
  const std::string n = intake();
  struct Bad { std::vector<std::string> args; std::string says; };
  const std::vector<Bad> bad = {
      {{"label", n}, "exactly one of --out FILE.png, --zpl or --printer"},
      {{"label", n, "--zpl", "--out", (dir / "x.png").string()}, "exactly one of"},
      {{"label", n, "--zpl", "--size", "5x5"}, "--size: '5x5' is not a label size (62x29, 4x2)"},
      {{"label", n, "--zpl", "--dpi", "250"}, "--dpi: '250'"},
      {{"label", n, "--out", (dir / "x.png").string(), "--dpi", "300"}, "--dpi: "},
      {{"label", n, "--zpl", "--lang", "fr"}, "--lang: 'fr'"},
      {{"label", n, "--printer", "printer:abc"}, "--printer: 'printer:abc'"},
      {{"label", n, "--printer", ":9100"}, "--printer: "},
      {{"label", "XXXX-XXXX", "--zpl"}, "case number: "},
      {{"label", "2222-2222", "--zpl"}, "case number: "},
      {{"label", formatCaseNumber(987654), "--zpl"}, "case number: "},
      {{"label", n, "--out", (dir / "missing" / "x.png").string()}, "--out: cannot write"},
      {{"label", n, "--out", dir.path().string()}, "--out: "},
  };
  for (const auto& b : bad) {
    const CliRun r = run(b.args);
    EXPECT_EQ(r.code, 2) << b.says << "\n" << r.err;
    EXPECT_TRUE(has(r.err, b.says)) << r.err;
    EXPECT_EQ(r.out, "") << b.says;
  }
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 0) << "nothing written";
}

TEST_F(PrintCommandsTest, ReceiptPdfInBokmalAndEnglishWithoutThePasscode) {
  if (runTool("pdftotext -v").status != 0) GTEST_SKIP() << "poppler-utils is not installed";
  const std::string n = intake();
  const auto nbFile = dir / "receipt.pdf";
  CliRun r = run({"receipt", n, "--out", nbFile.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, nbFile.string() + "\n");
  const std::string nb = squeezeSpaces(runTool("pdftotext " + nbFile.string() + " -").out);
  EXPECT_TRUE(has(nb, n));
  EXPECT_TRUE(has(nb, "Kvittering for innlevert utstyr"));
  EXPECT_TRUE(has(nb, "Åse Ødegård"));
  EXPECT_TRUE(has(nb, "koster diagnosen NOK 450"));
  EXPECT_TRUE(has(nb, "Registrert 24. november 2026 kl. 10:00"));
  EXPECT_FALSE(has(nb, "zebra-8642"));

  const auto enFile = dir / "receipt-en.pdf";
  r = run({"receipt", n, "--out", enFile.string(), "--lang", "en", "--paper", "A5"});
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string en = squeezeSpaces(runTool("pdftotext " + enFile.string() + " -").out);
  EXPECT_TRUE(has(en, "Receipt for equipment handed in"));
  EXPECT_TRUE(has(en, "the diagnosis costs NOK 450"));
  EXPECT_FALSE(has(en, "zebra-8642"));
  EXPECT_TRUE(has(runTool("pdfinfo " + enFile.string()).out, "419.528 x 595.276 pts")) << "A5";

  // The customer code under the number, and in the QR code, which reads back with our decoder.
  const std::string code = show(n)["customer_code"].get<std::string>();
  EXPECT_TRUE(has(nb, "Kundekode"));
  EXPECT_TRUE(has(nb, code));
  ASSERT_EQ(runTool("pdftoppm -r 150 -png -f 1 -l 1 -singlefile " + nbFile.string() + " " + (dir / "page").string()).status, 0);
  EXPECT_EQ(decoded(dir / "page.png"), std::vector<std::string>{"QRCode:" + caseQrPayload(n, code)});
}

TEST_F(PrintCommandsTest, ReceiptShowsTheDueDateOnceTheClockHasStarted) {
  if (runTool("pdftotext -v").status != 0) GTEST_SKIP() << "poppler-utils is not installed";
  const std::string n = intake();
  ASSERT_EQ(run({"case", "diagnose", n, "--finding", "Logic board", "--at", "2026-11-24T11:00"}).code, 0);
  ASSERT_EQ(run({"case", "decide", n, "--at", "2026-11-24T11:05"}).code, 0);
  ASSERT_EQ(run({"case", "inform", n, "--via", "sms", "--at", "2026-11-24T11:10"}).code, 0);
  const auto file = dir / "receipt.pdf";
  ASSERT_EQ(run({"receipt", n, "--out", file.string()}).code, 0);
  const std::string text = squeezeSpaces(runTool("pdftotext " + file.string() + " -").out);
  EXPECT_TRUE(has(text, "Du får enheten tilbake senest 27. november 2026.")) << text;
  const CliRun label = run({"label", n, "--zpl"});
  EXPECT_TRUE(has(label.out, "^FDFrist 27.11.2026^FS")) << label.out;
}

TEST_F(PrintCommandsTest, ReceiptBadInputIsExit2NamingTheOption) {
  const std::string n = intake();
  const std::string out = (dir / "r.pdf").string();
  struct Bad { std::vector<std::string> args; std::string says; };
  const std::vector<Bad> bad = {
      {{"receipt", n}, "--out"},
      {{"receipt", n, "--out", out, "--lang", "de"}, "--lang: 'de' is not a language we print in (languages: en, nb)"},
      {{"receipt", n, "--out", out, "--paper", "B4"}, "--paper: 'B4'"},
      {{"receipt", "M6EM-XNN", "--out", out}, "case number: "},
      {{"receipt", n, "--out", (dir / "nowhere" / "r.pdf").string()}, "--out: cannot write"},
  };
  for (const auto& b : bad) {
    const CliRun r = run(b.args);
    EXPECT_EQ(r.code, 2) << b.says << "\n" << r.err;
    EXPECT_TRUE(has(r.err, b.says)) << r.err;
  }
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 0) << "nothing written";
}

}  // namespace
}  // namespace kiosk::test
