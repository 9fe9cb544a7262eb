#pragma once
// The intake form as plain C++ (no ImGui): what is typed, which fields the person has touched,
// the workflow's own verdict on it (draftCase names the field at fault), the warranty as far as
// it is known, and what a scanned device id fills in. The screen only draws it.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "scanner/scan_parser.hpp"
#include "workflow/case_service.hpp"
#include "workflow/warranty.hpp"

namespace kiosk {

enum class IntakeField : int {
  Vendor, Family, Serial, Product, Purchased, Seller, Country, AceUntil, ContractUntil, Agreement,
  Customer, Mobile, Email, Address, Channel, Ecase, Invoice, Order,
  Fault, Passcode, Accessories, Condition, Shelf, SecondCase,
  Count
};
inline constexpr std::size_t kIntakeFieldCount = static_cast<std::size_t>(IntakeField::Count);

// The field's name as the CLI's `case new` options and the workflow's errors spell it.
[[nodiscard]] std::string_view intakeFieldName(IntakeField field);
[[nodiscard]] std::optional<IntakeField> intakeFieldNamed(std::string_view name);

class IntakeFormState {
 public:
  IntakeFormState() { clear(); }

  [[nodiscard]] std::string& text(IntakeField field) { return m_text[index(field)]; }
  [[nodiscard]] const std::string& text(IntakeField field) const { return m_text[index(field)]; }
  // Starts over: empty fields with the workflow's defaults (seller other, country NO, counter).
  void clear();

  // The person changed or left the field: its error may now be shown.
  void touch(IntakeField field) { m_touched[index(field)] = true; }
  void touchAll() { m_touched.fill(true); }
  [[nodiscard]] bool touched(IntakeField field) const { return m_touched[index(field)]; }

  // Marked with a star: what the vendor's profile requires plus what the CLI always requires.
  [[nodiscard]] bool required(IntakeField field, const VendorCatalog& vendors) const;
  [[nodiscard]] const VendorProfile* vendor(const VendorCatalog& vendors) const;

  // The form the workflow takes; a date that does not read as YYYY-MM-DD is an error on its field.
  [[nodiscard]] Result<IntakeForm> form() const;
  // Runs the workflow's validation on what is typed now and keeps its verdict.
  void revalidate(const VendorCatalog& vendors, const Actor& actor);
  // The verdict's error, when it names `field` and the person has touched that field.
  [[nodiscard]] const Error* errorFor(IntakeField field) const;
  // The verdict's error when it names no field of the form (shown by the register button).
  [[nodiscard]] const Error* formError() const;
  [[nodiscard]] bool valid() const { return !m_verdict.has_value(); }

  // The warranty with what is typed so far; nothing until vendor, family and purchase date are.
  [[nodiscard]] std::optional<WarrantyDecision> warranty(const VendorCatalog& vendors, Date today) const;

  // A read accepted as a device id: its text becomes the serial and its kind names the vendor
  // (an IMEI names none: the person chooses). The family becomes the vendor's first.
  void takeDeviceId(const ScanReading& reading, const VendorCatalog& vendors);
  // Picks the vendor; a family it does not make is replaced by its first.
  void chooseVendor(const std::string& vendorId, const VendorCatalog& vendors);

 private:
  [[nodiscard]] static std::size_t index(IntakeField field) { return static_cast<std::size_t>(field); }

  std::array<std::string, kIntakeFieldCount> m_text;
  std::array<bool, kIntakeFieldCount> m_touched{};
  std::optional<Error> m_verdict;
};

}  // namespace kiosk
