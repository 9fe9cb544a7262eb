// kioskctl label and kioskctl receipt: the device label (PNG, ZPL, or straight to a network
// label printer) and the customer's receipt (PDF). The work is in scanner/ and gateways/.
#include <cstdlib>
#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "gateways/raw_printer.hpp"
#include "scanner/customer_receipt.hpp"
#include "scanner/device_label.hpp"
#include "scanner/print_file.hpp"
#include "workflow/translations.hpp"

namespace kiosk::cli {
namespace {

struct LabelOptions {
  std::string number, out, printer, size, dpi, lang{kDefaultLanguage};
  bool zpl = false;
  int timeoutMs = 0;
};

struct ReceiptOptions {
  std::string number, out, paper, lang{kDefaultLanguage};
};

// The case as the store has it now; an unknown or mistyped number is bad input.
Result<RepairCase> loadCase(Context& ctx, const std::string& number) {
  auto service = ctx.service();
  if (!service) return tl::unexpected(service.error());
  return (*service)->show(number);
}

int writeOut(Context& ctx, const std::string& out, const std::string& bytes) {
  const auto written = writeFileAtomically(out, bytes);
  if (!written) return ctx.fail(written.error());
  ctx.out << out << '\n';
  return kOk;
}

int sendToPrinter(Context& ctx, const PrinterAddress& address, const LabelSheet& sheet, const LabelOptions& o,
                  const std::string& zpl, const std::string& number) {
  SendTimeouts timeouts{std::chrono::milliseconds(sheet.printer.connectTimeoutMs),
                        std::chrono::milliseconds(sheet.printer.sendTimeoutMs)};
  if (o.timeoutMs > 0) timeouts = {std::chrono::milliseconds(o.timeoutMs), std::chrono::milliseconds(o.timeoutMs)};
  const auto sent = RawPrinter(address, timeouts).send(zpl);
  if (!sent) {
    ctx.err << "kioskctl: --printer: " << sent.error().message << "; the label for " << number
            << " was not printed\n";
    return kPrinterFailed;
  }
  ctx.out << "label for " << number << " sent to " << address.text() << " (" << *sent << " bytes)\n";
  return kOk;
}

int printLabel(Context& ctx, const LabelOptions& o) {
  const int outputs = (o.out.empty() ? 0 : 1) + (o.zpl ? 1 : 0) + (o.printer.empty() ? 0 : 1);
  if (outputs != 1) {
    ctx.err << "kioskctl: label: give exactly one of --out FILE.png, --zpl or --printer HOST:PORT\n";
    return kBadInput;
  }
  const std::filesystem::path assets = ctx.assetsDir();
  auto sheet = loadLabelSheet(assets);
  if (!sheet) return ctx.fail(sheet.error());
  const std::string size = o.size.empty() ? sheet->defaultSize : o.size;
  const LabelLayout* layout = sheet->find(size);
  if (layout == nullptr) {
    return ctx.fail(Error{ErrorKind::BadInput, "size", "'" + size + "' is not a label size (" + sheet->sizeNames() + ")"});
  }
  int dpi = sheet->zplDpi;
  if (!o.dpi.empty()) {
    if (o.dpi != "203" && o.dpi != "300" && o.dpi != "600") {
      return ctx.fail(Error{ErrorKind::BadInput, "dpi", "'" + o.dpi + "' is not a Zebra resolution: 203, 300 or 600"});
    }
    if (!o.out.empty()) return ctx.fail(Error{ErrorKind::BadInput, "dpi", "is for --zpl and --printer; a PNG is always " +
                                                                      std::to_string(sheet->pngDpi) + " dpi"});
    dpi = std::atoi(o.dpi.c_str());
  }
  std::optional<PrinterAddress> printer;
  if (!o.printer.empty()) {
    auto address = parsePrinterAddress(o.printer, sheet->printer.port);
    if (!address) return ctx.fail(Error{ErrorKind::BadInput, "printer", address.error()});
    printer = *address;
  }
  if (o.timeoutMs < 0 || o.timeoutMs > 600'000) {
    return ctx.fail(Error{ErrorKind::BadInput, "timeout-ms", "give 1-600000 milliseconds"});
  }
  const auto texts = Translations::load(assets, o.lang);
  if (!texts) return ctx.fail(texts.error());
  const auto repairCase = loadCase(ctx, o.number);
  if (!repairCase) return ctx.fail(repairCase.error());
  const LabelContent content = makeLabelContent(*repairCase, *texts);

  if (!o.out.empty()) {
    auto fonts = PrintFonts::load(sheet->fonts);
    if (!fonts) return ctx.fail(fonts.error());
    const auto png = renderLabelPng(content, *layout, sheet->pngDpi, *fonts);
    if (!png) return ctx.fail(png.error());
    return writeOut(ctx, o.out, *png);
  }
  const auto zpl = renderLabelZpl(content, *layout, dpi);
  if (!zpl) return ctx.fail(zpl.error());
  if (o.zpl) {
    ctx.out << *zpl;
    return kOk;
  }
  return sendToPrinter(ctx, *printer, *sheet, o, *zpl, repairCase->number);
}

int printReceipt(Context& ctx, const ReceiptOptions& o) {
  const std::filesystem::path assets = ctx.assetsDir();
  auto layout = loadReceiptLayout(assets);
  if (!layout) return ctx.fail(layout.error());
  if (!o.paper.empty()) {
    layout = layout->withPaper(o.paper);
    if (!layout) return ctx.fail(layout.error());
  }
  const auto texts = Translations::load(assets, o.lang);
  if (!texts) return ctx.fail(texts.error());
  const auto desk = loadServiceDesk(assets);
  if (!desk) return ctx.fail(desk.error());
  const auto repairCase = loadCase(ctx, o.number);
  if (!repairCase) return ctx.fail(repairCase.error());
  auto service = ctx.service();
  if (!service) return ctx.fail(service.error());
  auto fonts = PrintFonts::load(layout->fonts);
  if (!fonts) return ctx.fail(fonts.error());

  const ReceiptContent content = makeReceiptContent(*repairCase, (*service)->vendorOf(*repairCase), *desk, *texts);
  const auto pdf = renderReceiptPdf(content, *layout, *fonts);
  if (!pdf) return ctx.fail(pdf.error());
  return writeOut(ctx, o.out, *pdf);
}

}  // namespace

void addPrintCommands(CLI::App& app, Context& ctx, Action& action) {
  auto label = std::make_shared<LabelOptions>();
  CLI::App* l = app.add_subcommand("label", "The device label: a PNG, ZPL for Zebra printers, or straight to a printer");
  l->add_option("number", label->number, "Case number")->required();
  l->add_option("--out", label->out, "Write a PNG (300 dpi) to this file");
  l->add_flag("--zpl", label->zpl, "Print ZPL II on standard output");
  l->add_option("--printer", label->printer, "Send ZPL to a network label printer, HOST[:PORT] (port 9100)");
  l->add_option("--size", label->size, "Label size: 62x29 (mm, default) or 4x2 (inches)");
  l->add_option("--dpi", label->dpi, "ZPL printer resolution: 203 (default), 300 or 600");
  l->add_option("--lang", label->lang, "Language: nb (default) or en");
  l->add_option("--timeout-ms", label->timeoutMs, "Printer connect and send timeout (default from label.json)");
  l->callback([&ctx, &action, label]() { action = [&ctx, label]() { return printLabel(ctx, *label); }; });

  auto receipt = std::make_shared<ReceiptOptions>();
  CLI::App* r = app.add_subcommand("receipt", "The customer's receipt as a PDF");
  r->add_option("number", receipt->number, "Case number")->required();
  r->add_option("--out", receipt->out, "Write the PDF to this file")->required();
  r->add_option("--lang", receipt->lang, "Language: nb (default) or en");
  r->add_option("--paper", receipt->paper, "Paper: A4 (default) or A5");
  r->callback([&ctx, &action, receipt]() { action = [&ctx, receipt]() { return printReceipt(ctx, *receipt); }; });
}

}  // namespace kiosk::cli
