#include "kiosk/app/intake_documents.hpp"

#include "scanner/customer_receipt.hpp"
#include "scanner/device_label.hpp"
#include "scanner/print_canvas.hpp"
#include "scanner/print_layout.hpp"
#include "scanner/service_desk.hpp"
#include "workflow/translations.hpp"

namespace kiosk {

Result<RenderedIntakeDocuments> renderIntakeDocuments(const RepairCase& repairCase, const VendorProfile& vendor,
                                                      const std::filesystem::path& assets,
                                                      const std::string& language) {
  const auto texts = Translations::load(assets, language);
  if (!texts) return tl::unexpected(texts.error());
  const auto sheet = loadLabelSheet(assets);
  if (!sheet) return tl::unexpected(sheet.error());
  const LabelLayout* layout = sheet->find(sheet->defaultSize);
  if (layout == nullptr) return badInput("assets", "label.json has no layout for its default size " + sheet->defaultSize);
  const auto labelFonts = PrintFonts::load(sheet->fonts);
  if (!labelFonts) return tl::unexpected(labelFonts.error());
  auto png = renderLabelPng(makeLabelContent(repairCase, *texts), *layout, sheet->pngDpi, *labelFonts);
  if (!png) return tl::unexpected(png.error());

  const auto receiptLayout = loadReceiptLayout(assets);
  if (!receiptLayout) return tl::unexpected(receiptLayout.error());
  const auto desk = loadServiceDesk(assets);
  if (!desk) return tl::unexpected(desk.error());
  const auto receiptFonts = PrintFonts::load(receiptLayout->fonts);
  if (!receiptFonts) return tl::unexpected(receiptFonts.error());
  auto pdf = renderReceiptPdf(makeReceiptContent(repairCase, vendor, *desk, *texts), *receiptLayout, *receiptFonts);
  if (!pdf) return tl::unexpected(pdf.error());
  return RenderedIntakeDocuments{std::move(*png), std::move(*pdf)};
}

}  // namespace kiosk
