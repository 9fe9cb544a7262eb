#include "scanner/customer_receipt.hpp"

#include "workflow/case_number.hpp"
#include "workflow/field_rules.hpp"

namespace kiosk {
namespace {

using Kind = ReceiptLine::Kind;

std::string orNotRecorded(const std::string& value, const Translations& texts) {
  const std::string trimmed = trim(value);
  return trimmed.empty() ? texts.text("receipt.not_recorded") : trimmed;
}

std::string familyName(const std::string& family, const Translations& texts) {
  return texts.lookupOr("family." + family, family);
}

std::string minutesText(int minutes) {
  const auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return two(minutes / 60) + ":" + two(minutes % 60);
}

ReceiptSection customerSection(const RepairCase& c, const Translations& texts) {
  ReceiptSection s{texts.text("receipt.section.customer"), {}};
  s.lines.push_back({Kind::Field, texts.text("receipt.customer.name"), c.customer.name});
  s.lines.push_back({Kind::Field, texts.text("receipt.customer.mobile"), orNotRecorded(c.customer.mobile, texts)});
  if (!trim(c.customer.email).empty()) {
    s.lines.push_back({Kind::Field, texts.text("receipt.customer.email"), c.customer.email});
  }
  s.lines.push_back({Kind::Field, texts.text("receipt.customer.address"), orNotRecorded(c.customer.address, texts)});
  return s;
}

ReceiptSection deviceSection(const RepairCase& c, const VendorProfile& vendor, const Translations& texts) {
  ReceiptSection s{texts.text("receipt.section.device"), {}};
  s.lines.push_back({Kind::Field, texts.text("receipt.device.product"), orNotRecorded(c.device.product, texts)});
  s.lines.push_back({Kind::Field, texts.text("receipt.device.kind"),
                     familyName(c.device.family, texts) + " (" + vendor.name + ")"});
  s.lines.push_back({Kind::Field, texts.text("receipt.device.serial"), c.device.serial});
  s.lines.push_back({Kind::Field, texts.text("receipt.device.purchased"), texts.longDate(c.device.purchased)});
  if (!trim(c.intake.ecase).empty()) {
    s.lines.push_back({Kind::Field, texts.text("receipt.device.ecase"), c.intake.ecase});
  }
  const std::string accessories = trim(c.intake.accessories);
  s.lines.push_back({Kind::Field, texts.text("receipt.device.accessories"),
                     accessories.empty() ? texts.text("receipt.device.no_accessories") : accessories});
  s.lines.push_back({Kind::Field, texts.text("receipt.device.condition"), orNotRecorded(c.intake.condition, texts)});
  return s;
}

ReceiptSection faultSection(const RepairCase& c, const Translations& texts) {
  return ReceiptSection{texts.text("receipt.section.fault"), {{Kind::Paragraph, {}, orNotRecorded(c.intake.fault, texts)}}};
}

std::string joinCountries(const std::vector<std::string>& countries, const Translations& texts) {
  std::string joined;
  for (const auto& country : countries) joined += (joined.empty() ? "" : ", ") + texts.lookupOr("country." + country, country);
  return joined;
}

// The rules of this vendor's profile that can apply to this device; an extension for other
// families (the Mac term on an iPhone's receipt) would only confuse.
ReceiptSection warrantySection(const RepairCase& c, const VendorProfile& vendor, const Translations& texts) {
  const WarrantyTerms& w = vendor.warranty;
  ReceiptSection s{texts.text("receipt.section.warranty"), {}};
  const auto para = [&s](std::string text) { s.lines.push_back({Kind::Paragraph, {}, std::move(text)}); };
  const auto years = [&texts](int n) { return texts.count("unit.years.one", "unit.years.other", n); };
  if (w.kind == "contract") {
    para(texts.text("warranty.contract", {{"contract", vendor.serviceContract}}));
    if (c.device.contractUntil) para(texts.text("warranty.contract_until", {{"date", texts.longDate(*c.device.contractUntil)}}));
  } else {
    para(texts.text("warranty.years", {{"basis", texts.lookupOr("basis." + w.basis, w.basis)}, {"term", years(w.years)}}));
  }
  for (const WarrantyExtension& ext : w.extensions) {
    const auto term = ext.totalYearsByFamily.find(c.device.family);
    if (term == ext.totalYearsByFamily.end()) continue;
    para(texts.text("warranty.extension", {{"family", familyName(c.device.family, texts)},
                                           {"seller", texts.lookupOr("seller." + ext.seller, ext.seller)},
                                           {"date", texts.longDate(ext.purchasedFrom)},
                                           {"basis", texts.lookupOr("basis." + ext.basis, ext.basis)},
                                           {"term", years(term->second)},
                                           {"countries", joinCountries(ext.countries, texts)}}));
  }
  if (w.appleCareEnterprise) {
    para(c.device.aceUntil ? texts.text("warranty.ace_until", {{"date", texts.longDate(*c.device.aceUntil)}})
                           : texts.text("warranty.ace"));
  }
  const auto action = w.coveredActionByFamily.find(c.device.family);
  if (action != w.coveredActionByFamily.end() && action->second == "swap") {
    para(texts.text("warranty.swap", {{"family", familyName(c.device.family, texts)}}));
  }
  para(texts.text("warranty.exclusions"));
  for (const auto& damage : w.exclusions) s.lines.push_back({Kind::Bullet, {}, texts.lookupOr("damage." + damage, damage)});
  s.lines.push_back({Kind::Bullet, {}, texts.text("warranty.expired")});
  para(texts.text("warranty.decided_later"));
  return s;
}

ReceiptSection returnSection(const RepairCase& c, const VendorProfile& vendor, const Translations& texts) {
  ReceiptSection s{texts.text("receipt.section.return"), {}};
  const auto para = [&s](std::string text) { s.lines.push_back({Kind::Paragraph, {}, std::move(text)}); };
  if (vendor.isOnSite()) {
    if (c.due) para(texts.text("return.onsite_due", {{"date", texts.longDate(*c.due)}}));
    para(texts.text("return.onsite_rule", {{"cutoff", minutesText(vendor.returns.cutoffMinutes)},
                                           {"late", minutesText(vendor.returns.lateAfterMinutes)}}));
    return s;
  }
  if (c.due) {
    para(texts.text("return.due", {{"date", texts.longDate(*c.due)}}));
  } else {
    para(texts.text("return.carry_in_rule",
                    {{"days", texts.count("unit.working_days.one", "unit.working_days.other", vendor.returns.workingDays)}}));
  }
  if (!trim(c.customer.address).empty()) para(texts.text("return.address", {{"address", c.customer.address}}));
  return s;
}

ReceiptSection contactSection(const RepairCase& c, const VendorProfile& vendor, const ServiceDesk& desk,
                              const Translations& texts) {
  ReceiptSection s{texts.text("receipt.section.contact", {{"desk", desk.name}}), {}};
  s.lines.push_back({Kind::Paragraph, {}, texts.text("contact.hours_24x7")});
  const auto field = [&s](std::string label, const std::string& value) {
    if (!value.empty()) s.lines.push_back({Kind::Field, std::move(label), value});
  };
  field(texts.text("contact.phone"), desk.phone);
  field(texts.text("contact.abroad"), desk.phoneAbroad);
  field(texts.text("contact.email"), desk.email);
  field(texts.text("contact.web"), desk.web);
  std::string letter;
  for (const auto& line : desk.letter) letter += (letter.empty() ? "" : "\n") + line;
  field(texts.text("contact.letter"), letter);
  std::string agreement = trim(c.intake.agreement);
  if (agreement.empty()) agreement = vendor.serviceContract.empty() ? desk.generalAgreement : vendor.serviceContract;
  field(texts.text("contact.agreement"), agreement);
  s.lines.push_back({Kind::Paragraph, {}, texts.text("contact.quote_numbers")});
  return s;
}

}  // namespace

ReceiptContent makeReceiptContent(const RepairCase& c, const VendorProfile& vendor, const ServiceDesk& desk,
                                  const Translations& texts) {
  ReceiptContent r;
  r.documentTitle = texts.text("receipt.document_title", {{"number", c.number}});
  r.issuer = desk.name;
  r.title = texts.text("receipt.title");
  r.numberLabel = texts.text("receipt.case_number");
  r.number = c.number;
  if (!c.customerCode.empty()) {  // a case from before codes, never stored so (migration 8 gave each one)
    r.codeLabel = texts.text("receipt.customer_code");
    r.customerCode = c.customerCode;
  }
  r.registered = texts.text("receipt.registered", {{"datetime", texts.dateTime(c.registeredAt)}});
  r.note = texts.text("receipt.keep");
  r.qrPayload = caseQrPayload(c.number, c.customerCode);
  r.qrCaption = texts.text("receipt.qr_caption");
  r.sections.push_back(customerSection(c, texts));
  r.sections.back().besideNext = true;
  r.sections.push_back(deviceSection(c, vendor, texts));
  r.sections.push_back(faultSection(c, texts));
  r.sections.push_back(returnSection(c, vendor, texts));
  r.sections.push_back(warrantySection(c, vendor, texts));
  if (vendor.warranty.diagnosisFeeNok > 0) {
    r.sections.push_back(ReceiptSection{
        texts.text("receipt.section.fee"),
        {{Kind::Paragraph, {}, texts.text("fee.rule", {{"fee", std::to_string(vendor.warranty.diagnosisFeeNok)}})}}});
  }
  r.sections.push_back(contactSection(c, vendor, desk, texts));
  r.footer = texts.text("receipt.footer", {{"desk", desk.name}, {"number", c.number}});
  return r;
}

}  // namespace kiosk
