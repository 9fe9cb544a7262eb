#pragma once
// Every column of repair_case, in one place, for both stores: each reads and writes its rows by
// visiting this list, so a column added here reaches SQLite and PostgreSQL alike, and the two
// directions of each cannot drift apart.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflow/repair_case.hpp"

namespace kiosk {

// `v` is called once per column with its name and the field; with a const case it writes, with a
// mutable one it reads. The warranty decision is five columns (kWarrantyColumns), visited as one.
template <class Visitor, class Case>
void visitCaseColumns(Visitor& v, Case& c) {
  v("seq", c.sequence);
  v("number", c.number);
  v("version", c.version);
  v("status", c.status);
  v("registered_at", c.registeredAt);
  v("device_vendor", c.device.vendor);
  v("device_family", c.device.family);
  v("device_serial", c.device.serial);
  v("device_product", c.device.product);
  v("device_purchased", c.device.purchased);
  v("device_seller", c.device.seller);
  v("device_country", c.device.country);
  v("device_ace_until", c.device.aceUntil);
  v("device_contract_until", c.device.contractUntil);
  v("customer_name", c.customer.name);
  v("customer_mobile", c.customer.mobile);
  v("customer_email", c.customer.email);
  v("customer_address", c.customer.address);
  v("intake_ecase", c.intake.ecase);
  v("intake_invoice", c.intake.invoice);
  v("intake_order", c.intake.order);
  v("intake_fault", c.intake.fault);
  v("intake_channel", c.intake.channel);
  v("intake_agreement", c.intake.agreement);
  v("intake_accessories", c.intake.accessories);
  v("intake_condition", c.intake.condition);
  v("intake_shelf", c.intake.shelf);
  v("intake_passcode", c.intake.passcode);
  v("intake_second_case_reason", c.intake.secondCaseReason);
  v("finding", c.finding);
  v("damage", c.damage);
  v.warranty(c.warranty);
  v("quote_ore", c.quoteOre);
  v("answer", c.answer);
  v("parts", c.parts);
  v("carrier", c.carrier);
  v("tracking", c.tracking);
  v("informed_at", c.informedAt);
  v("due", c.due);
  v("late_report", c.lateReport);
  v("done_at", c.doneAt);
  v("closed_at", c.closedAt);
  v("accepted_by", c.acceptedBy);
  v("technician", c.technician);
  v("acceptance_signature", c.acceptanceSignature);
  v("parts_order_reference", c.partsOrder.reference);
  v("parts_order_parts", c.partsOrder.parts);
  v("parts_order_id", c.partsOrder.supplierId);
  v("deviation_noticed_at", c.deviationNoticedAt);
  v("demo", c.demo);
  v("customer_code", c.customerCode);
  v("purged_at", c.purgedAt);
}

inline constexpr std::array<std::string_view, 5> kWarrantyColumns = {
    "warranty_covered", "warranty_basis", "warranty_covered_until", "warranty_action", "warranty_fee_nok"};

struct ColumnNames {
  std::vector<std::string_view> names;
  template <class T>
  void operator()(std::string_view name, const T&) {
    names.push_back(name);
  }
  void warranty(const std::optional<WarrantyDecision>&) {
    names.insert(names.end(), kWarrantyColumns.begin(), kWarrantyColumns.end());
  }
};

// The column names in visiting order.
inline std::vector<std::string_view> caseColumns() {
  ColumnNames collect;
  const RepairCase none{};
  visitCaseColumns(collect, none);
  return collect.names;
}

// "a, b, c".
inline std::string joinedColumns(const std::vector<std::string_view>& names) {
  std::string out;
  for (const auto name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace kiosk
