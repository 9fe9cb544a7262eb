#include "workflow/case_service.hpp"

#include <algorithm>
#include <set>

#include "workflow/case_number.hpp"
#include "workflow/deviation_notice.hpp"
#include "workflow/due_dates.hpp"
#include "workflow/field_rules.hpp"
#include "workflow/intake.hpp"
#include "workflow/signature.hpp"

namespace kiosk {
namespace {

std::string joinSteps(const std::vector<Step>& steps) {
  std::string text;
  for (const Step s : steps) text += (text.empty() ? "" : ", ") + std::string(stepName(s));
  return text.empty() ? "none" : text;
}

std::string describeDecision(const WarrantyDecision& d) {
  std::string text = d.covered ? "covered (" + d.basis + ")" : "not covered";
  if (d.coveredUntil) text += (d.covered ? ", until " : "; warranty ran until ") + formatDate(*d.coveredUntil);
  text += "; action " + d.action;
  if (d.diagnosisFeeNok > 0) text += "; diagnosis fee NOK " + std::to_string(d.diagnosisFeeNok);
  return text;
}

// The return clock starts when the customer is informed of the outcome: of a covered decision
// (inform), or when they approve a quote; a date already set stays (DOMAIN.md).
void startReturnClock(RepairCase& c, const VendorProfile& v, Date informedOn) {
  if (!c.due && !v.isOnSite()) c.due = carryInDue(v.returns, informedOn);
}

// Steps done at the bench (or, for dispatch, by the technician handing it on): whoever did the
// last of them has the case. Talking to the customer and closing do not take it over.
bool isBenchStep(Step step) {
  switch (step) {
    case Step::Diagnose:
    case Step::Decide:
    case Step::Quote:
    case Step::OrderParts:
    case Step::ReceiveParts:
    case Step::Repaired:
    case Step::Dispatch:
    case Step::Ship: return true;
    case Step::Inform:
    case Step::Approve:
    case Step::Decline:
    case Step::Close: return false;
  }
  return false;
}

}  // namespace

WarrantyQuery warrantyQueryOf(const RepairCase& c) {
  WarrantyQuery q;
  q.family = c.device.family;
  q.purchased = c.device.purchased;
  q.seller = c.device.seller;
  q.country = c.device.country;
  q.judgedOn = dateOf(c.registeredAt);  // judged on the day the fault was reported
  q.damage = c.damage;
  q.aceUntil = c.device.aceUntil;
  q.contractUntil = c.device.contractUntil;
  return q;
}

CaseService::CaseService(CaseStore& store, const VendorCatalog& vendors, const MessageTexts* messages,
                         PasscodeVault* vault)
    : m_store(store), m_vendors(vendors), m_messages(messages), m_vault(vault) {}

const VendorProfile& CaseService::vendorOf(const RepairCase& c) const {
  const VendorProfile* v = m_vendors.find(c.device.vendor);
  // A case stored under a vendor whose profile was since removed still needs a profile to be
  // shown; the first one keeps the program up, and the step checks refuse nothing wrongly
  // because every case names a vendor that existed when it was taken in.
  return v != nullptr ? *v : m_vendors.all().front();
}

Result<RepairCase> CaseService::registerCase(const IntakeForm& form, const Actor& actor) {
  auto draft = draftCase(form, m_vendors, actor);
  if (!draft) return draft;
  std::string& passcode = draft->intake.passcode;
  if (trim(passcode).empty()) {
    passcode.clear();
  } else {
    // Sealed here, so the store (and its files, logs and copies) only ever holds sealed text.
    if (m_vault == nullptr) {
      return badInput("passcode", "this station has no passcode key, so a passcode cannot be kept; leave it out");
    }
    auto sealed = m_vault->seal(passcode);
    if (!sealed) return tl::unexpected(sealed.error());
    passcode = std::move(*sealed);
  }
  if (m_messages != nullptr) queueReceipt(*draft, *m_messages);
  return m_store.create(std::move(*draft));
}

Result<RepairCase> CaseService::step(const std::string& number, Step which, const Actor& actor,
                                     const Apply& apply, const Queue& queue) {
  const auto canonical = normalizeCaseNumber(number);
  if (!canonical) return tl::unexpected(canonical.error());
  return m_store.update(*canonical, [&](RepairCase& c) -> Result<void> {
    const VendorProfile& v = vendorOf(c);
    if (const auto reason = whyNot(which, c, v)) {
      return refused("case " + c.number + ": '" + std::string(stepName(which)) + "' is not allowed: " + *reason +
                     ". Allowed now: " + joinSteps(allowedSteps(c, v)));
    }
    if (actor.at < c.registeredAt) {
      return badInput("at", formatLocalTime(actor.at) + " is before the case was registered (" +
                                formatLocalTime(c.registeredAt) + ")");
    }
    auto detail = apply(c, v);
    if (!detail) return tl::unexpected(detail.error());
    if (isBenchStep(which)) c.technician = actor.staff;
    c.events.push_back({actor.at, actor.staff, std::string(stepName(which)), *detail});
    if (queue && m_messages != nullptr) queue(c, *m_messages);
    return {};
  });
}

Result<RepairCase> CaseService::diagnose(const std::string& number, const std::string& finding, Damage damage,
                                         const Actor& actor) {
  const auto text = requireText("finding", finding);
  if (!text) return tl::unexpected(text.error());
  return step(number, Step::Diagnose, actor, [&](RepairCase& c, const VendorProfile&) -> Result<std::string> {
    std::string detail = *text;
    if (damage != Damage::None) detail += " (damage: " + damageName(damage) + ")";
    if (c.warranty) {
      // A new finding needs a new decision. A due date already promised stays.
      detail += "; the earlier warranty decision is withdrawn";
      c.warranty.reset();
    }
    c.finding = *text;
    c.damage = damage;
    c.status = CaseStatus::Diagnosed;
    return detail;
  });
}

Result<RepairCase> CaseService::decide(const std::string& number, const Actor& actor) {
  return step(number, Step::Decide, actor, [&](RepairCase& c, const VendorProfile& v) -> Result<std::string> {
    c.warranty = decideWarranty(v, warrantyQueryOf(c));
    c.status = CaseStatus::Diagnosed;
    return describeDecision(*c.warranty);
  });
}

Result<RepairCase> CaseService::quote(const std::string& number, std::int64_t amountOre, const Actor& actor) {
  if (amountOre < 0) return badInput("amount-nok", "is negative; amounts are 0 or more");
  return step(number, Step::Quote, actor, [&](RepairCase& c, const VendorProfile&) -> Result<std::string> {
    c.quoteOre = amountOre;
    c.status = CaseStatus::AwaitingCustomer;
    return "NOK " + formatNok(amountOre);
  });
}

Result<RepairCase> CaseService::inform(const std::string& number, const std::string& via, const Actor& actor) {
  if (via != "sms" && via != "email" && via != "phone") {
    return badInput("via", "'" + via + "' is not a way to inform (sms, email, phone)");
  }
  return step(number, Step::Inform, actor, [&](RepairCase& c, const VendorProfile& v) -> Result<std::string> {
    if (via == "email" && c.customer.email.empty()) {
      return refused("case " + c.number + ": the customer has no e-mail address; inform by sms or phone");
    }
    if (!c.informedAt) c.informedAt = actor.at;
    // Covered: the customer now knows the decision, so the return clock starts.
    if (c.warranty && c.warranty->covered) startReturnClock(c, v, dateOf(actor.at));
    std::string news = "registered";
    if (c.warranty) news = describeDecision(*c.warranty);
    if (c.quoteOre && c.status == CaseStatus::AwaitingCustomer) news += "; quote NOK " + formatNok(*c.quoteOre);
    return "via " + via + ": " + news;
  }, [&](RepairCase& c, const MessageTexts& texts) { queueNews(c, texts, via); });
}

Result<RepairCase> CaseService::approve(const std::string& number, const Actor& actor) {
  return step(number, Step::Approve, actor, [&](RepairCase& c, const VendorProfile& v) -> Result<std::string> {
    c.answer = CustomerAnswer::Approved;
    c.status = CaseStatus::AwaitingParts;
    startReturnClock(c, v, dateOf(actor.at));
    return "quote NOK " + formatNok(c.quoteOre.value_or(0)) + " approved; diagnosis fee waived";
  });
}

Result<RepairCase> CaseService::decline(const std::string& number, bool boughtNew, const Actor& actor) {
  return step(number, Step::Decline, actor, [&](RepairCase& c, const VendorProfile& v) -> Result<std::string> {
    c.answer = boughtNew ? CustomerAnswer::BoughtNew : CustomerAnswer::Declined;
    c.status = CaseStatus::Returning;
    // The unrepaired device goes back on the same clock as a repaired one.
    startReturnClock(c, v, dateOf(actor.at));
    return boughtNew ? "declined; the customer buys a new unit, diagnosis fee waived"
                     : "declined; diagnosis fee charged, device returned unrepaired";
  });
}

Result<RepairCase> CaseService::orderParts(const std::string& number, const std::vector<std::string>& parts,
                                           const Actor& actor) {
  std::vector<std::string> clean;
  for (const auto& p : parts) {
    auto part = requireText("part", p);
    if (!part) return tl::unexpected(part.error());
    clean.push_back(*part);
  }
  if (clean.empty()) return badInput("part", "name at least one part (or the swap unit)");
  return step(number, Step::OrderParts, actor, [&](RepairCase& c, const VendorProfile&) -> Result<std::string> {
    std::string detail;
    for (const auto& p : clean) {
      c.parts.push_back(p);
      detail += (detail.empty() ? "" : ", ") + p;
    }
    c.status = CaseStatus::AwaitingParts;
    // One supplier order per step, for this step's parts; the event this step appends is at
    // position c.events.size(). An earlier order still outstanding stays on the timeline.
    c.partsOrder = PartsOrder{partsOrderReference(c.number, c.events.size()), clean, ""};
    return detail;
  });
}

Result<RepairCase> CaseService::receiveParts(const std::string& number, const Actor& actor) {
  return step(number, Step::ReceiveParts, actor, [&](RepairCase& c, const VendorProfile&) -> Result<std::string> {
    c.status = CaseStatus::InRepair;
    return c.parts.empty() ? std::string("parts received") : "received: " + c.parts.back();
  });
}

Result<RepairCase> CaseService::markRepaired(const std::string& number, const Actor& actor) {
  return step(number, Step::Repaired, actor, [&](RepairCase& c, const VendorProfile&) -> Result<std::string> {
    const bool onSite = c.status == CaseStatus::Dispatched;
    if (onSite) c.doneAt = actor.at;  // the on-site visit is what the due date promised
    c.status = CaseStatus::Repaired;
    return onSite ? "repaired on site" : "repaired at the bench";
  });
}

Result<RepairCase> CaseService::dispatch(const std::string& number, const Actor& actor) {
  return step(number, Step::Dispatch, actor, [&](RepairCase& c, const VendorProfile& v) -> Result<std::string> {
    c.status = CaseStatus::Dispatched;
    return "to the on-site partner; due " + (c.due ? formatDate(*c.due) : std::string("-")) +
           (v.serviceContract.empty() ? "" : "; contract " + v.serviceContract);
  });
}

Result<RepairCase> CaseService::ship(const std::string& number, const std::string& carrier,
                                     const std::string& tracking, const Actor& actor) {
  const auto cleanCarrier = requireText("carrier", carrier);
  if (!cleanCarrier) return tl::unexpected(cleanCarrier.error());
  const auto cleanTracking = requireText("tracking", tracking);
  if (!cleanTracking) return tl::unexpected(cleanTracking.error());
  return step(number, Step::Ship, actor, [&](RepairCase& c, const VendorProfile&) -> Result<std::string> {
    c.carrier = *cleanCarrier;
    c.tracking = *cleanTracking;
    c.doneAt = actor.at;
    c.status = CaseStatus::Shipped;
    return *cleanCarrier + " " + *cleanTracking + " to " + c.customer.address;
  }, [](RepairCase& c, const MessageTexts& texts) { queueTracking(c, texts); });
}

Result<RepairCase> CaseService::close(const std::string& number, const std::string& acceptedBy,
                                      const Actor& actor, const std::string& signature) {
  // Only well-formed path data is kept, so every stored signature can be drawn back.
  if (const auto strokes = decodeSignature(signature); !strokes) return tl::unexpected(strokes.error());
  return step(number, Step::Close, actor, [&](RepairCase& c, const VendorProfile&) -> Result<std::string> {
    c.acceptedBy = trim(acceptedBy).empty() ? c.customer.name : trim(acceptedBy);
    c.acceptanceSignature = signature;
    c.closedAt = actor.at;
    c.status = CaseStatus::Closed;
    c.intake.passcode.clear();
    return "accepted as solved by " + c.acceptedBy + (signature.empty() ? "" : ", signed on the screen");
  });
}

Result<RepairCase> CaseService::show(const std::string& number) {
  const auto canonical = normalizeCaseNumber(number);
  if (!canonical) return tl::unexpected(canonical.error());
  return m_store.load(*canonical);
}

Result<std::vector<RepairCase>> CaseService::find(const std::string& text) {
  const std::string term = trim(text);
  if (term.empty()) return badInput("text", "type a serial, case number, customer name or mobile");
  std::vector<RepairCase> found;
  std::set<std::string> seen;
  const auto add = [&](Result<std::vector<RepairCase>> cases) -> Result<void> {
    if (!cases) return tl::unexpected(cases.error());
    for (auto& c : *cases) {
      if (seen.insert(c.number).second) found.push_back(std::move(c));
    }
    return {};
  };
  if (const auto number = normalizeCaseNumber(term)) {
    auto one = m_store.load(*number);
    if (one) {
      one->events.clear();
      if (auto r = add(std::vector<RepairCase>{std::move(*one)}); !r) return tl::unexpected(r.error());
    } else if (one.error().kind != ErrorKind::NotFound) {
      return tl::unexpected(one.error());
    }
  }
  const std::string serial = upperAlnum(term);
  if (!serial.empty()) {
    if (auto r = add(m_store.findBySerial(serial)); !r) return tl::unexpected(r.error());
  }
  if (const auto mobile = normalizePhone("mobile", term)) {
    if (auto r = add(m_store.findByMobile(*mobile)); !r) return tl::unexpected(r.error());
  }
  // Names have no digits; a typed serial, number or mobile does, and must not pay for a scan
  // of every customer name (the counter's search box is used at a million cases).
  // A case number (or serial) that matched exactly is what was meant, digits or not.
  const bool hasDigit = term.find_first_of("0123456789") != std::string::npos;
  const bool foundExactly = !found.empty();
  if (!hasDigit && !foundExactly) {
    if (auto r = add(m_store.findByCustomerName(term, 200)); !r) return tl::unexpected(r.error());
  }
  return found;
}

Result<std::vector<std::string>> CaseService::noticeDeviations(const Actor& actor, std::size_t limit) {
  const Date today = dateOf(actor.at);
  CaseQuery query;
  query.awaitingDeviationNotice = true;
  // Before the cut-off only earlier due dates can be missed; today's would fill the page.
  if (minutesOfDay(actor.at) >= kDeviationCutoffMinutes) {
    query.dueOnOrBefore = today;
  } else {
    query.dueBefore = today;
  }
  query.limit = limit;
  auto candidates = m_store.list(query);
  if (!candidates) return tl::unexpected(candidates.error());
  std::vector<std::string> noticed;
  for (const RepairCase& candidate : *candidates) {
    bool wrote = false;
    auto updated = m_store.update(candidate.number, [&](RepairCase& c) -> Result<void> {
      // Decided again on the state inside the transaction: another station may have shipped it
      // or noticed it since the list was read.
      if (!willMissDue(c, actor.at)) return {};
      c.deviationNoticedAt = actor.at;
      c.events.push_back({actor.at, actor.staff, kDeviationEvent,
                          "the customer is told the case will miss its due date " + formatDate(*c.due)});
      if (m_messages != nullptr) queueDeviation(c, *m_messages);
      wrote = true;
      return {};
    });
    if (!updated) return tl::unexpected(updated.error());
    if (wrote) noticed.push_back(candidate.number);
  }
  return noticed;
}

Result<std::vector<RepairCase>> CaseService::list(const CaseQuery& query) { return m_store.list(query); }

Result<std::vector<OutboxMessage>> CaseService::outbox(OutboxQuery query) {
  if (query.caseNumber) {
    const auto canonical = normalizeCaseNumber(*query.caseNumber);
    if (!canonical) return tl::unexpected(canonical.error());
    query.caseNumber = *canonical;
  }
  return m_store.listOutbox(query);
}

}  // namespace kiosk
