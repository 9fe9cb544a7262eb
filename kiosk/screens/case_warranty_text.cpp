#include "kiosk/screens/case_warranty_text.hpp"

#include <algorithm>

namespace kiosk {
namespace {

std::string date(const UiText& t, Date day) { return t.translations().shortDate(day); }

bool excludedDamage(const RepairCase& c, const VendorProfile& v) {
  const auto& excluded = v.warranty.exclusions;
  return c.damage != Damage::None &&
         std::find(excluded.begin(), excluded.end(), damageName(c.damage)) != excluded.end();
}

}  // namespace

std::string basisText(const std::string& basis, const UiText& text) {
  return text.translations().lookupOr("case.basis." + basis, basis);
}

std::string actionText(const std::string& action, const UiText& text) {
  return text.translations().lookupOr("case.action." + action, action);
}

std::string warrantySummary(const RepairCase& c, const UiText& t) {
  if (!c.warranty) return t("case.warranty.undecided");
  const WarrantyDecision& d = *c.warranty;
  if (d.covered) {
    const std::string until = d.coveredUntil ? date(t, *d.coveredUntil) : std::string(t("case.none"));
    return t.format("case.warranty.covered",
                    {{"basis", basisText(d.basis, t)}, {"until", until}, {"action", actionText(d.action, t)}});
  }
  // Why not, in short: damage while the dates were good, the dates, or nothing to claim on.
  std::string why;
  const bool inTime = d.coveredUntil && date::sys_days{dateOf(c.registeredAt)} <= date::sys_days{*d.coveredUntil};
  if (c.damage != Damage::None && inTime) {
    why = t.translations().lookupOr("case.damage_short." + damageName(c.damage), damageName(c.damage));
  } else if (d.coveredUntil) {
    why = t.format("case.warranty.ran_until", {{"until", date(t, *d.coveredUntil)}});
  } else {
    why = t("case.warranty.none_applies");
  }
  return t.format("case.warranty.not_covered",
                  {{"why", why}, {"action", actionText(d.action, t)}, {"fee", std::to_string(d.diagnosisFeeNok)}});
}

std::vector<std::string> warrantyReasons(const RepairCase& c, const VendorProfile& v, const WarrantyDecision& d,
                                         const UiText& t) {
  std::vector<std::string> lines;
  lines.push_back(t.format("case.why.judged", {{"reported", date(t, dateOf(c.registeredAt))},
                                               {"purchased", date(t, c.device.purchased)}}));
  if (d.covered) {
    lines.push_back(t.format("case.why.covered", {{"basis", basisText(d.basis, t)}}));
    if (d.coveredUntil) lines.push_back(t.format("case.why.covered_until", {{"until", date(t, *d.coveredUntil)}}));
  } else if (excludedDamage(c, v)) {
    lines.push_back(t.translations().lookupOr("case.why.damage." + damageName(c.damage), damageName(c.damage)));
  } else if (d.coveredUntil) {
    lines.push_back(t.format("case.why.expired", {{"until", date(t, *d.coveredUntil)}}));
  } else {
    lines.push_back(t("case.why.no_coverage"));
  }
  if (c.device.aceUntil) lines.push_back(t.format("case.why.ace", {{"until", date(t, *c.device.aceUntil)}}));
  if (c.device.contractUntil) {
    lines.push_back(t.format("case.why.contract", {{"until", date(t, *c.device.contractUntil)}}));
  }
  lines.push_back(t.format("case.why.action", {{"action", actionText(d.action, t)}}));
  if (d.diagnosisFeeNok > 0) lines.push_back(t.format("case.why.fee", {{"fee", std::to_string(d.diagnosisFeeNok)}}));
  return lines;
}

}  // namespace kiosk
