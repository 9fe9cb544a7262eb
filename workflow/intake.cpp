#include "workflow/intake.hpp"

#include <algorithm>
#include <iterator>

#include "workflow/due_dates.hpp"
#include "workflow/field_rules.hpp"

namespace kiosk {
namespace {

// A field the vendor may require: required ones must have text, others are only trimmed.
Result<std::string> vendorField(const VendorProfile& v, const char* field, const std::string& text) {
  if (v.requiresField(field)) return requireText(field, text);
  return trim(text);
}

Result<void> checkDates(const IntakeForm& f, const Actor& actor) {
  if (!f.purchased) return badInput("purchased", "is required (YYYY-MM-DD)");
  const auto purchased = date::sys_days{*f.purchased};
  if (purchased > date::sys_days{dateOf(actor.at)}) {
    return badInput("purchased", formatDate(*f.purchased) + " is after the registration time " +
                                     formatLocalTime(actor.at));
  }
  if (f.aceUntil && date::sys_days{*f.aceUntil} < purchased) {
    return badInput("ace-until", formatDate(*f.aceUntil) + " is before the purchase date");
  }
  if (f.contractUntil && date::sys_days{*f.contractUntil} < purchased) {
    return badInput("contract-until", formatDate(*f.contractUntil) + " is before the purchase date");
  }
  return {};
}

Result<std::string> checkAgreement(const std::string& text, const VendorProfile& v) {
  const std::string agreement = trim(text).empty() ? v.serviceContract : upperAlnum(text);
  const bool shaped = agreement.size() == 9 && agreement.compare(0, 2, "SA") == 0 &&
                      std::all_of(agreement.begin() + 2, agreement.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!shaped) return badInput("agreement", "'" + text + "' is not a service agreement number (SA and 7 digits)");
  return agreement;
}

Result<std::string> checkChannel(const std::string& text) {
  const std::string channel = trim(text).empty() ? "counter" : trim(text);
  if (std::find(std::begin(kChannels), std::end(kChannels), channel) == std::end(kChannels)) {
    return badInput("channel", "'" + text + "' is not a channel (counter, phone, email, web, letter, abroad)");
  }
  return channel;
}

// Copies each checked value into the case, or returns the first failure.
#define KIOSK_TRY_ASSIGN(target, expression)              \
  do {                                                    \
    auto kiosk_value = (expression);                      \
    if (!kiosk_value) return tl::unexpected(kiosk_value.error()); \
    target = std::move(*kiosk_value);                     \
  } while (false)

}  // namespace

Result<RepairCase> draftCase(const IntakeForm& f, const VendorCatalog& vendors, const Actor& actor) {
  const auto vendor = vendors.resolve(keyword(f.vendor), keyword(f.family));
  if (!vendor) return tl::unexpected(vendor.error());
  const VendorProfile& v = **vendor;
  if (auto dates = checkDates(f, actor); !dates) return tl::unexpected(dates.error());
  const std::string seller = keyword(f.seller);
  if (seller != "atea" && seller != "other") {
    return badInput("seller", "'" + f.seller + "' is neither 'atea' (bought from us) nor 'other'");
  }
  if (!trim(f.passcode).empty() && !v.asksPasscode) {
    return badInput("passcode", v.name + " devices are taken in without a passcode");
  }

  RepairCase c;
  c.device.vendor = v.id;
  c.device.family = keyword(f.family);
  KIOSK_TRY_ASSIGN(c.device.serial, normalizeSerial("serial", f.serial));
  KIOSK_TRY_ASSIGN(c.device.product, vendorField(v, "product", f.product));
  c.device.purchased = *f.purchased;
  c.device.seller = seller;
  KIOSK_TRY_ASSIGN(c.device.country, normalizeCountry("country", f.country));
  c.device.aceUntil = f.aceUntil;
  c.device.contractUntil = f.contractUntil;

  KIOSK_TRY_ASSIGN(c.customer.name, requireText("customer", f.customer));
  if (v.requiresField("mobile") || !trim(f.mobile).empty()) {
    KIOSK_TRY_ASSIGN(c.customer.mobile, normalizePhone("mobile", f.mobile));
  }
  if (!trim(f.email).empty()) KIOSK_TRY_ASSIGN(c.customer.email, normalizeEmail("email", f.email));
  KIOSK_TRY_ASSIGN(c.customer.address, vendorField(v, "address", f.address));

  c.intake.ecase = trim(f.ecase);
  c.intake.invoice = trim(f.invoice);
  c.intake.order = trim(f.order);
  KIOSK_TRY_ASSIGN(c.intake.fault, vendorField(v, "fault", f.fault));
  c.intake.passcode = f.passcode;
  KIOSK_TRY_ASSIGN(c.intake.channel, checkChannel(f.channel));
  KIOSK_TRY_ASSIGN(c.intake.agreement, checkAgreement(f.agreement, v));
  c.intake.accessories = trim(f.accessories);
  c.intake.condition = trim(f.condition);
  c.intake.shelf = trim(f.shelf);
  c.intake.secondCaseReason = trim(f.secondCaseReason);
  c.demo = f.demo;

  c.registeredAt = actor.at;
  c.status = CaseStatus::Registered;
  if (v.isOnSite()) {
    const OnSiteDue due = onSiteDue(v.returns, actor.at);
    c.due = due.due;
    c.lateReport = due.lateReport;
  }
  std::string detail = v.name + " " + c.device.family + " " + c.device.serial + " via " + c.intake.channel;
  if (!c.intake.secondCaseReason.empty()) detail += "; second open case: " + c.intake.secondCaseReason;
  c.events.push_back({actor.at, actor.staff, "registered", detail});
  return c;
}

#undef KIOSK_TRY_ASSIGN

}  // namespace kiosk
