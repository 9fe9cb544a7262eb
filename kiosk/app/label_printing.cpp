#include "kiosk/app/label_printing.hpp"

#include "gateways/raw_printer.hpp"
#include "scanner/device_label.hpp"
#include "scanner/print_layout.hpp"
#include "workflow/translations.hpp"

namespace kiosk {

Result<LabelPrinted> printLabelZpl(const RepairCase& repairCase, const std::filesystem::path& assets,
                                   const std::string& language, const std::string& printer) {
  const auto sheet = loadLabelSheet(assets);
  if (!sheet) return tl::unexpected(sheet.error());
  const auto address = parsePrinterAddress(printer, sheet->printer.port);
  if (!address) return badInput("printer", address.error());
  const LabelLayout* layout = sheet->find(sheet->defaultSize);
  if (layout == nullptr) return badInput("assets", "label.json has no layout for its default size " + sheet->defaultSize);
  const auto texts = Translations::load(assets, language);
  if (!texts) return tl::unexpected(texts.error());
  const auto zpl = renderLabelZpl(makeLabelContent(repairCase, *texts), *layout, sheet->zplDpi);
  if (!zpl) return tl::unexpected(zpl.error());
  const SendTimeouts timeouts{std::chrono::milliseconds(sheet->printer.connectTimeoutMs),
                              std::chrono::milliseconds(sheet->printer.sendTimeoutMs)};
  const auto sent = RawPrinter(*address, timeouts).send(*zpl);
  // Not a storage failure, but the kind the UI shows as "could not be written": the label.
  if (!sent) return tl::unexpected(Error{ErrorKind::Storage, "printer", sent.error().message});
  return LabelPrinted{address->text(), *sent};
}

}  // namespace kiosk
