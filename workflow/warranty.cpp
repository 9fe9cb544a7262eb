#include "workflow/warranty.hpp"

#include <algorithm>
#include <vector>

namespace kiosk {
namespace {

struct Coverage {
  std::string basis;
  Date lastDay;
};

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Every coverage the device has, in the order they pay: the base term first, then
// AppleCare for Enterprise, then extensions (DOMAIN.md, "the basis").
std::vector<Coverage> coveragesOf(const WarrantyTerms& terms, const WarrantyQuery& q) {
  std::vector<Coverage> coverages;
  if (terms.kind == "years") {
    coverages.push_back({terms.basis, lastDayOfTerm(q.purchased, terms.years)});
  } else if (terms.kind == "contract" && q.contractUntil) {
    coverages.push_back({terms.basis, *q.contractUntil});
  }
  if (terms.appleCareEnterprise && q.aceUntil) {
    coverages.push_back({"applecare-enterprise", *q.aceUntil});
  }
  for (const auto& ext : terms.extensions) {
    const auto years = ext.totalYearsByFamily.find(q.family);
    if (years == ext.totalYearsByFamily.end()) continue;
    if (q.seller != ext.seller || !contains(ext.countries, q.country)) continue;
    if (date::sys_days{q.purchased} < date::sys_days{ext.purchasedFrom}) continue;
    coverages.push_back({ext.basis, lastDayOfTerm(q.purchased, years->second)});
  }
  return coverages;
}

}  // namespace

std::string damageName(Damage damage) {
  switch (damage) {
    case Damage::None: return "";
    case Damage::Liquid: return "liquid";
    case Damage::Impact: return "impact";
    case Damage::CrackedScreen: return "cracked-screen";
  }
  return "";
}

Result<Damage> parseDamage(const std::string& text) {
  if (text.empty() || text == "none") return Damage::None;
  for (const Damage d : {Damage::Liquid, Damage::Impact, Damage::CrackedScreen}) {
    if (text == damageName(d)) return d;
  }
  return badInput("damage", "'" + text + "' is not a damage kind (liquid, impact, cracked-screen)");
}

WarrantyDecision decideWarranty(const VendorProfile& vendor, const WarrantyQuery& q) {
  const WarrantyTerms& terms = vendor.warranty;
  const auto coverages = coveragesOf(terms, q);
  WarrantyDecision decision;
  for (const auto& c : coverages) {
    if (!decision.coveredUntil || date::sys_days{c.lastDay} > date::sys_days{*decision.coveredUntil}) {
      decision.coveredUntil = c.lastDay;
    }
  }
  const bool excluded = q.damage != Damage::None && contains(terms.exclusions, damageName(q.damage));
  const auto judged = date::sys_days{q.judgedOn};
  const auto paying = std::find_if(coverages.begin(), coverages.end(), [&](const Coverage& c) {
    return date::sys_days{q.purchased} <= judged && judged <= date::sys_days{c.lastDay};
  });
  if (paying != coverages.end() && !excluded) {
    decision.covered = true;
    decision.basis = paying->basis;
    const auto byFamily = terms.coveredActionByFamily.find(q.family);
    decision.action = byFamily != terms.coveredActionByFamily.end() ? byFamily->second : terms.coveredAction;
    decision.diagnosisFeeNok = 0;
  } else {
    decision.covered = false;
    decision.basis = "none";
    decision.action = "quote";
    decision.diagnosisFeeNok = terms.diagnosisFeeNok;
  }
  return decision;
}

}  // namespace kiosk
