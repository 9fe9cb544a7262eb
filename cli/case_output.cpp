#include "cli/case_output.hpp"

#include <ostream>

#include <fmt/format.h>

#include "cli/case_json.hpp"
#include "workflow/field_rules.hpp"

namespace kiosk::cli {
namespace {

std::string flags(const Standing& s) {
  if (s.overdue) return "OVERDUE";
  if (s.atRisk && s.dueToday) return "DUE TODAY, AT RISK";
  if (s.atRisk) return "AT RISK";
  if (s.dueToday) return "DUE TODAY";
  return "";
}

void printTimeline(std::ostream& out, const RepairCase& c) {
  out << "timeline:\n";
  for (const auto& e : c.events) {
    out << fmt::format("  {}  {:<14} {:<16} {}\n", formatLocalTime(e.at), e.kind, e.staff, e.detail);
  }
}

void printDetailText(std::ostream& out, const RepairCase& c, const VendorProfile& v, LocalTime asOf) {
  const auto j = caseDetailJson(c, v, asOf);
  const Standing s = standingOf(c, asOf);
  const auto line = [&out](const char* label, const std::string& value) {
    if (!value.empty()) out << fmt::format("{:<16}{}\n", label, value);
  };
  line("case", c.number);
  line("customer code", c.customerCode);  // to read out to a customer whose receipt lacks it
  line("status", std::string(statusName(c.status)));
  line("device", v.name + " " + c.device.family + " " + c.device.product + " (" + c.device.serial + ")");
  line("purchased", formatDate(c.device.purchased) + " from " + c.device.seller + " in " + c.device.country);
  line("customer", c.customer.name + ", " + c.customer.mobile +
                       (c.customer.email.empty() ? "" : ", " + c.customer.email));
  line("address", c.customer.address);
  line("fault", c.intake.fault);
  line("finding", c.finding);
  line("damage", damageName(c.damage));
  const auto& w = j["warranty"];
  std::string warranty = w["covered"].get<bool>() ? "covered (" + w["basis"].get<std::string>() + ")" : "not covered";
  if (!w["covered_until"].is_null()) warranty += ", until " + w["covered_until"].get<std::string>();
  warranty += ", action " + w["action"].get<std::string>();
  if (!w["decided"].get<bool>()) warranty += " [not decided yet]";
  line("warranty", warranty);
  if (c.quoteOre) line("quote", "NOK " + formatNok(*c.quoteOre));
  line("charges", "NOK " + formatNok(chargesOre(c)));
  line("due", s.due ? formatDate(*s.due) + (flags(s).empty() ? "" : "  " + flags(s)) : "-");
  line("shelf", c.intake.shelf);
  if (!c.partsOrder.reference.empty()) {
    line("parts order", (c.partsOrder.supplierId.empty() ? std::string("not at the supplier yet")
                                                         : "supplier order " + c.partsOrder.supplierId) +
                            " (reference " + c.partsOrder.reference + ")");
  }
  if (!c.tracking.empty()) line("shipped", c.carrier + " " + c.tracking);
  std::string next;
  for (const auto& step : j["allowed_steps"]) next += (next.empty() ? "" : ", ") + step.get<std::string>();
  line("next", next);
  printTimeline(out, c);
}

}  // namespace

int printStepResult(Context& ctx, const Result<RepairCase>& result) {
  if (!result) return ctx.fail(result.error());
  if (ctx.options.json) return printCaseDetail(ctx, result);
  ctx.out << result->number << ' ' << statusName(result->status) << '\n';
  return kOk;
}

int printCaseDetail(Context& ctx, const Result<RepairCase>& result) {
  if (!result) return ctx.fail(result.error());
  const auto asOf = ctx.asOf();
  if (!asOf) return ctx.fail(asOf.error());
  auto service = ctx.service();
  if (!service) return ctx.fail(service.error());
  const VendorProfile& vendor = (*service)->vendorOf(*result);
  if (ctx.options.json) {
    ctx.out << caseDetailJson(*result, vendor, *asOf).dump(2) << '\n';
  } else {
    printDetailText(ctx.out, *result, vendor, *asOf);
  }
  return kOk;
}

int printCaseList(Context& ctx, const Result<std::vector<RepairCase>>& cases) {
  if (!cases) return ctx.fail(cases.error());
  const auto asOf = ctx.asOf();
  if (!asOf) return ctx.fail(asOf.error());
  if (ctx.options.json) {
    auto array = nlohmann::json::array();
    for (const auto& c : *cases) array.push_back(caseSummaryJson(c, *asOf));
    ctx.out << array.dump(2) << '\n';
    return kOk;
  }
  for (const auto& c : *cases) {
    const Standing s = standingOf(c, *asOf);
    ctx.out << fmt::format("{}  {:<17} {:<7} {:<9} {:<14} {:<24} {:<10} {}\n", c.number, statusName(c.status),
                           c.device.vendor, c.device.family, c.device.serial, c.customer.name.substr(0, 24),
                           s.due ? formatDate(*s.due) : "-", flags(s));
  }
  return kOk;
}

}  // namespace kiosk::cli
