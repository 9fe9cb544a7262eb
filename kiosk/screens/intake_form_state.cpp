#include "kiosk/screens/intake_form_state.hpp"

#include <algorithm>

#include "workflow/field_rules.hpp"
#include "workflow/intake.hpp"

namespace kiosk {
namespace {

constexpr std::array<std::string_view, kIntakeFieldCount> kNames = {
    "vendor", "family", "serial", "product", "purchased", "seller", "country", "ace-until", "contract-until",
    "agreement", "customer", "mobile", "email", "address", "channel", "ecase", "invoice", "order",
    "fault", "passcode", "accessories", "condition", "shelf", "second-case"};

// What `kioskctl case new` marks required whatever the vendor: the workflow refuses a case
// without them too.
constexpr IntakeField kAlwaysRequired[] = {IntakeField::Vendor, IntakeField::Family, IntakeField::Serial,
                                           IntakeField::Purchased, IntakeField::Seller, IntakeField::Customer};

Result<std::optional<Date>> optionalDate(IntakeField field, const std::string& text) {
  const std::string trimmed = trim(text);
  if (trimmed.empty()) return std::optional<Date>{};
  const auto day = parseDate(trimmed);
  if (!day) return badInput(std::string(intakeFieldName(field)), "'" + trimmed + "' is not a date (YYYY-MM-DD)");
  return std::optional<Date>{*day};
}

std::string_view vendorOfKind(ScanKind kind) {
  switch (kind) {
    case ScanKind::AppleSerial: return "apple";
    case ScanKind::HpSerial: return "hp";
    case ScanKind::LenovoSerial: return "lenovo";
    default: return "";
  }
}

}  // namespace

std::string_view intakeFieldName(IntakeField field) { return kNames[static_cast<std::size_t>(field)]; }

std::optional<IntakeField> intakeFieldNamed(std::string_view name) {
  const auto found = std::find(kNames.begin(), kNames.end(), name);
  if (found == kNames.end()) return std::nullopt;
  return static_cast<IntakeField>(found - kNames.begin());
}

void IntakeFormState::clear() {
  for (auto& t : m_text) t.clear();
  m_touched.fill(false);
  m_verdict.reset();
  const IntakeForm defaults;
  text(IntakeField::Seller) = defaults.seller;
  text(IntakeField::Country) = defaults.country;
  text(IntakeField::Channel) = defaults.channel;
}

const VendorProfile* IntakeFormState::vendor(const VendorCatalog& vendors) const {
  return vendors.find(text(IntakeField::Vendor));
}

bool IntakeFormState::required(IntakeField field, const VendorCatalog& vendors) const {
  if (std::find(std::begin(kAlwaysRequired), std::end(kAlwaysRequired), field) != std::end(kAlwaysRequired)) {
    return true;
  }
  const VendorProfile* v = vendor(vendors);
  return v != nullptr && v->requiresField(std::string(intakeFieldName(field)));
}

Result<IntakeForm> IntakeFormState::form() const {
  IntakeForm f;
  f.vendor = text(IntakeField::Vendor);
  f.family = text(IntakeField::Family);
  f.serial = text(IntakeField::Serial);
  f.product = text(IntakeField::Product);
  f.seller = text(IntakeField::Seller);
  f.country = text(IntakeField::Country);
  f.agreement = text(IntakeField::Agreement);
  f.customer = text(IntakeField::Customer);
  f.mobile = text(IntakeField::Mobile);
  f.email = text(IntakeField::Email);
  f.address = text(IntakeField::Address);
  f.channel = text(IntakeField::Channel);
  f.ecase = text(IntakeField::Ecase);
  f.invoice = text(IntakeField::Invoice);
  f.order = text(IntakeField::Order);
  f.fault = text(IntakeField::Fault);
  f.passcode = text(IntakeField::Passcode);
  f.accessories = text(IntakeField::Accessories);
  f.condition = text(IntakeField::Condition);
  f.shelf = text(IntakeField::Shelf);
  f.secondCaseReason = text(IntakeField::SecondCase);
  // Dates in form order, so the first bad one is the one reported.
  for (const auto& [field, target] : {std::pair{IntakeField::Purchased, &f.purchased},
                                      std::pair{IntakeField::AceUntil, &f.aceUntil},
                                      std::pair{IntakeField::ContractUntil, &f.contractUntil}}) {
    auto day = optionalDate(field, text(field));
    if (!day) return tl::unexpected(day.error());
    *target = *day;
  }
  return f;
}

void IntakeFormState::revalidate(const VendorCatalog& vendors, const Actor& actor) {
  const auto f = form();
  if (!f) {
    m_verdict = f.error();
    return;
  }
  const auto draft = draftCase(*f, vendors, actor);
  m_verdict = draft ? std::nullopt : std::optional<Error>(draft.error());
}

const Error* IntakeFormState::errorFor(IntakeField field) const {
  if (!m_verdict || !touched(field)) return nullptr;
  return m_verdict->field == intakeFieldName(field) ? &*m_verdict : nullptr;
}

const Error* IntakeFormState::formError() const {
  if (!m_verdict) return nullptr;
  return intakeFieldNamed(m_verdict->field) ? nullptr : &*m_verdict;
}

std::optional<WarrantyDecision> IntakeFormState::warranty(const VendorCatalog& vendors, Date today) const {
  const auto resolved = vendors.resolve(text(IntakeField::Vendor), text(IntakeField::Family));
  const auto f = form();
  if (!resolved || !f || !f->purchased) return std::nullopt;
  WarrantyQuery q;
  q.family = text(IntakeField::Family);
  q.purchased = *f->purchased;
  q.seller = keyword(f->seller);
  q.country = upperAlnum(f->country);
  q.judgedOn = today;
  q.aceUntil = f->aceUntil;
  q.contractUntil = f->contractUntil;
  return decideWarranty(**resolved, q);
}

void IntakeFormState::chooseVendor(const std::string& vendorId, const VendorCatalog& vendors) {
  text(IntakeField::Vendor) = vendorId;
  const VendorProfile* v = vendors.find(vendorId);
  if (v == nullptr) return;
  if (!v->makes(text(IntakeField::Family))) {
    text(IntakeField::Family) = v->families.empty() ? std::string() : v->families.front();
  }
  // Fields this vendor does not take are hidden, so they must not travel with the form either.
  if (!v->warranty.appleCareEnterprise) text(IntakeField::AceUntil).clear();
  if (v->warranty.kind != "contract") text(IntakeField::ContractUntil).clear();
  if (!v->asksPasscode) text(IntakeField::Passcode).clear();
}

void IntakeFormState::takeDeviceId(const ScanReading& reading, const VendorCatalog& vendors) {
  text(IntakeField::Serial) = reading.text;
  touch(IntakeField::Serial);
  if (const std::string_view id = vendorOfKind(reading.kind); !id.empty()) chooseVendor(std::string(id), vendors);
  // A Lenovo 1S label carries the machine type: the product as the vendor names it.
  if (!reading.machineType.empty() && text(IntakeField::Product).empty()) {
    text(IntakeField::Product) = reading.machineType;
  }
}

}  // namespace kiosk
