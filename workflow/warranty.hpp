#pragma once
// The warranty decision: is the fault covered on the day it was reported, under which basis,
// until when, and what happens next. Driven by the vendor profile's terms.
#include <optional>
#include <string>

#include "workflow/calendar.hpp"
#include "workflow/error.hpp"
#include "workflow/vendor_profile.hpp"

namespace kiosk {

enum class Damage { None, Liquid, Impact, CrackedScreen };

[[nodiscard]] std::string damageName(Damage damage);  // "", "liquid", "impact", "cracked-screen"
[[nodiscard]] Result<Damage> parseDamage(const std::string& text);

struct WarrantyQuery {
  std::string family;
  Date purchased;
  std::string seller;   // "atea" (bought from the reseller) or "other"
  std::string country;  // ISO code of the country of purchase
  Date judgedOn;        // the day the fault was reported
  Damage damage = Damage::None;
  std::optional<Date> aceUntil;       // AppleCare for Enterprise end date on the order
  std::optional<Date> contractUntil;  // service contract end date recorded at intake
};

struct WarrantyDecision {
  bool covered = false;
  std::string basis = "none";        // the coverage that pays first on judgedOn, or "none"
  std::optional<Date> coveredUntil;  // last covered day of all coverage that applies
  std::string action;                // repair, swap, onsite-nbd, quote
  int diagnosisFeeNok = 0;
};

[[nodiscard]] WarrantyDecision decideWarranty(const VendorProfile& vendor, const WarrantyQuery& query);

}  // namespace kiosk
