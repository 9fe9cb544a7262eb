#pragma once
// Sample cases for the printing tests, built directly (no store), and the real assets.
#include <string>

#include <gtest/gtest.h>

#include "scanner/customer_receipt.hpp"
#include "scanner/device_label.hpp"
#include "workflow/case_number.hpp"
#include "workflow/vendor_profile.hpp"

namespace kiosk::test {

inline const std::filesystem::path kAssets = KIOSK_ASSETS_DIR;
inline constexpr const char* kPasscode = "zebra-8642";

inline RepairCase sampleCase(std::uint64_t sequence, std::string customer, std::string vendor = "apple",
                             std::string family = "mac") {
  RepairCase c;
  c.sequence = sequence;
  c.number = formatCaseNumber(sequence);
  c.customerCode = "K7M2PX9A";
  c.device.vendor = std::move(vendor);
  c.device.family = std::move(family);
  c.device.serial = "C02XK0JHJG5H";
  c.device.product = "MacBook Pro 14";
  c.device.purchased = *parseDate("2024-03-01");
  c.device.seller = "atea";
  c.device.country = "NO";
  c.customer.name = std::move(customer);
  c.customer.mobile = "+4791234567";
  c.customer.email = "kari@example.no";
  c.customer.address = "Storgata 1, 0155 Oslo";
  c.intake.fault = "Starter ikke etter oppdatering; skjermen blinker når den lader.";
  c.intake.accessories = "Lader (USB-C 96 W), veske";
  c.intake.condition = "Riper på lokket";
  c.intake.agreement = "SA0011807";
  c.intake.passcode = kPasscode;
  c.registeredAt = *parseLocalTime("2026-11-25T10:00");
  return c;
}

// The assets every printing test reads, loaded once per test; value() throws (and fails the
// test) when one does not load.
struct PrintAssets {
  Translations nb = Translations::load(kAssets, "nb").value();
  Translations en = Translations::load(kAssets, "en").value();
  LabelSheet labels = loadLabelSheet(kAssets).value();
  ReceiptLayout receipt = loadReceiptLayout(kAssets).value();
  VendorCatalog vendors = VendorCatalog::load(kAssets / "vendors").value();
  ServiceDesk desk = loadServiceDesk(kAssets).value();
  std::shared_ptr<const PrintFonts> fonts = PrintFonts::load(labels.fonts).value();

  [[nodiscard]] const VendorProfile& vendor(const RepairCase& c) const { return *vendors.find(c.device.vendor); }
};

}  // namespace kiosk::test
