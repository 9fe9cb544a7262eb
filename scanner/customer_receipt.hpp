#pragma once
// The receipt the customer takes home from intake: the case number and a QR code to show at the
// counter, what was handed in and how it looked, the fault as described, the warranty rules for
// this device, the diagnosis fee rule, when it comes back and how to reach the desk.
// With the number, its customer code: the two show the case's status at the counter (in the QR
// code too). The device passcode is never on it.
#include <memory>
#include <string>
#include <vector>

#include "scanner/print_canvas.hpp"
#include "scanner/print_layout.hpp"
#include "scanner/service_desk.hpp"
#include "workflow/error.hpp"
#include "workflow/repair_case.hpp"
#include "workflow/translations.hpp"
#include "workflow/vendor_profile.hpp"

namespace kiosk {

struct ReceiptLine {
  enum class Kind { Field, Paragraph, Bullet };
  Kind kind = Kind::Paragraph;
  std::string label;  // for a Field: "Serienummer"
  std::string text;   // may hold line breaks the customer typed
};

struct ReceiptSection {
  std::string heading;
  std::vector<ReceiptLine> lines;
  bool besideNext = false;  // short: may share a row with the next section, in two columns
};

// Every word of the receipt, in its language; the layout decides where it goes.
struct ReceiptContent {
  std::string documentTitle;  // the PDF's title
  std::string issuer;         // Atea SOS
  std::string title;
  std::string numberLabel;
  std::string number;
  std::string codeLabel;      // "Kundekode"
  std::string customerCode;   // with the number, the customer's key to the case's status
  std::string registered;
  std::string note;
  std::string qrPayload;      // caseQrPayload(number, customerCode): one scan at the counter gives both
  std::string qrCaption;
  std::vector<ReceiptSection> sections;
  std::string footer;         // with {page} and {pages} still to fill
};

[[nodiscard]] ReceiptContent makeReceiptContent(const RepairCase& repairCase, const VendorProfile& vendor,
                                                const ServiceDesk& desk, const Translations& texts);

// A PDF on the layout's paper, fonts embedded; as many pages as the text needs.
[[nodiscard]] Result<std::string> renderReceiptPdf(const ReceiptContent& content, const ReceiptLayout& layout,
                                                   std::shared_ptr<const PrintFonts> fonts);

}  // namespace kiosk
