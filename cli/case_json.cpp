#include "cli/case_json.hpp"

#include "workflow/case_steps.hpp"

namespace kiosk::cli {
namespace {

using nlohmann::json;

json optionalDate(const std::optional<Date>& d) { return d ? json(formatDate(*d)) : json(nullptr); }
json optionalTime(const std::optional<LocalTime>& t) { return t ? json(formatLocalTime(*t)) : json(nullptr); }
json optionalText(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// Until `decide` records it, show the decision as it would be made now, marked undecided.
json warrantyOf(const RepairCase& c, const VendorProfile& vendor) {
  if (c.warranty) {
    json w = warrantyJson(*c.warranty);
    w["decided"] = true;
    return w;
  }
  WarrantyQuery q{c.device.family, c.device.purchased, c.device.seller, c.device.country,
                  dateOf(c.registeredAt), c.damage, c.device.aceUntil, c.device.contractUntil};
  json w = warrantyJson(decideWarranty(vendor, q));
  w["decided"] = false;
  return w;
}

}  // namespace

json nokJson(std::int64_t ore) {
  if (ore % 100 == 0) return json(ore / 100);
  return json(static_cast<double>(ore) / 100.0);
}

json warrantyJson(const WarrantyDecision& d) {
  return json{{"covered", d.covered},
              {"basis", d.basis},
              {"covered_until", optionalDate(d.coveredUntil)},
              {"action", d.action},
              {"diagnosis_fee_nok", d.diagnosisFeeNok}};
}

json caseSummaryJson(const RepairCase& c, LocalTime asOf) {
  const Standing s = standingOf(c, asOf);
  return json{{"number", c.number},
              {"status", std::string(statusName(c.status))},
              {"vendor", c.device.vendor},
              {"family", c.device.family},
              {"serial", c.device.serial},
              {"product", c.device.product},
              {"customer", c.customer.name},
              {"mobile", c.customer.mobile},
              {"registered_at", formatLocalTime(c.registeredAt)},
              {"due", optionalDate(s.due)},
              {"due_today", s.dueToday},
              {"at_risk", s.atRisk},
              {"overdue", s.overdue},
              {"shelf", optionalText(c.intake.shelf)}};
}

json caseDetailJson(const RepairCase& c, const VendorProfile& vendor, LocalTime asOf) {
  json j = caseSummaryJson(c, asOf);
  j["version"] = c.version;
  // The receipt's secret for kioskctl status and the counter screen; staff read it out to a
  // customer whose receipt lacks it. Only in show, never in list or find.
  j["customer_code"] = c.customerCode;
  j["purchased"] = formatDate(c.device.purchased);
  j["seller"] = c.device.seller;
  j["country"] = c.device.country;
  j["ace_until"] = optionalDate(c.device.aceUntil);
  j["contract_until"] = optionalDate(c.device.contractUntil);
  j["email"] = optionalText(c.customer.email);
  j["address"] = c.customer.address;
  j["ecase"] = optionalText(c.intake.ecase);
  j["invoice"] = optionalText(c.intake.invoice);
  j["order"] = optionalText(c.intake.order);
  j["fault"] = c.intake.fault;
  j["has_passcode"] = !c.intake.passcode.empty();
  j["channel"] = c.intake.channel;
  j["agreement"] = c.intake.agreement;
  j["accessories"] = optionalText(c.intake.accessories);
  j["condition"] = optionalText(c.intake.condition);
  j["second_case_reason"] = optionalText(c.intake.secondCaseReason);
  j["finding"] = optionalText(c.finding);
  j["damage"] = optionalText(damageName(c.damage));
  j["warranty"] = warrantyOf(c, vendor);
  j["quote_nok"] = c.quoteOre ? nokJson(*c.quoteOre) : json(nullptr);
  j["customer_answer"] =
      c.answer == CustomerAnswer::None ? nlohmann::json(nullptr) : nlohmann::json(customerAnswerName(c.answer));
  j["parts"] = c.parts;
  // The supplier order of the latest order-parts step: its reference, and the supplier's id once
  // it took the order (null until then, and when there is no order for the supplier).
  j["parts_order_reference"] = optionalText(c.partsOrder.reference);
  j["parts_order_id"] = optionalText(c.partsOrder.supplierId);
  j["carrier"] = optionalText(c.carrier);
  j["tracking"] = optionalText(c.tracking);
  j["informed_at"] = optionalTime(c.informedAt);
  j["late_report"] = c.lateReport;
  j["done_at"] = optionalTime(c.doneAt);
  j["closed_at"] = optionalTime(c.closedAt);
  j["accepted_by"] = optionalText(c.acceptedBy);
  j["charges_nok"] = nokJson(chargesOre(c));
  json steps = json::array();
  for (const Step s : allowedSteps(c, vendor)) steps.push_back(std::string(stepName(s)));
  j["allowed_steps"] = steps;
  json events = json::array();
  for (const auto& e : c.events) {
    events.push_back({{"at", formatLocalTime(e.at)}, {"staff", e.staff}, {"kind", e.kind}, {"detail", e.detail}});
  }
  j["events"] = events;
  return j;
}

json outboxJson(const OutboxMessage& m) {
  return {{"id", m.id},
          {"case", m.caseNumber},
          {"event_position", m.eventPosition},
          {"channel", m.channel},
          {"to", m.to},
          {"subject", m.subject},
          {"text", m.text},
          {"reference", m.reference},
          {"status", outboxStatusName(m.status)},
          {"attempts", m.attempts},
          {"last_error", m.lastError},
          {"created_at", formatLocalTime(m.createdAt)},
          // UTC with milliseconds ("2026-11-24T08:00:01.500Z"); "" when due at once.
          {"next_attempt_at", formatUtcMs(m.nextAttemptMs)},
          {"delivered_at", formatUtcMs(m.deliveredAtMs)}};
}

}  // namespace kiosk::cli
