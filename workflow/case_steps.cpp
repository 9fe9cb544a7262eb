#include "workflow/case_steps.hpp"

#include <algorithm>

namespace kiosk {
namespace {

using S = CaseStatus;

bool in(CaseStatus status, std::initializer_list<CaseStatus> allowed) {
  return std::find(allowed.begin(), allowed.end(), status) != allowed.end();
}

std::string is(const RepairCase& c) { return "the case is " + std::string(statusName(c.status)); }

bool decidedNotCovered(const RepairCase& c) { return c.warranty && !c.warranty->covered; }

std::optional<std::string> whyNotOrderParts(const RepairCase& c, const VendorProfile& v) {
  if (c.status == S::Diagnosed) {
    if (!c.warranty) return "no warranty decision yet: decide first";
    if (!c.warranty->covered) return "not covered by warranty: quote, and order parts once the customer approves";
    if (v.isOnSite()) return "covered on-site: dispatch to the on-site partner instead";
    return std::nullopt;
  }
  if (in(c.status, {S::AwaitingParts, S::InRepair})) return std::nullopt;
  return is(c) + "; parts are ordered after a covered decision, an approved quote, or during repair";
}

std::optional<std::string> whyNotShip(const RepairCase& c) {
  if (c.status == S::Returning) return std::nullopt;
  if (c.status == S::Repaired) {
    if (wentOnSite(c)) return "repaired on site: nothing to ship; close on the customer's acceptance";
    return std::nullopt;
  }
  return is(c) + "; only a repaired or declined device is shipped back";
}

std::optional<std::string> whyNotClose(const RepairCase& c) {
  if (c.status == S::Shipped) return std::nullopt;
  if (c.status == S::Repaired && wentOnSite(c)) return std::nullopt;
  return is(c) + "; a case closes when the customer accepts it after the device is shipped back "
                 "(or the on-site repair is done)";
}

}  // namespace

std::string_view stepName(Step step) {
  switch (step) {
    case Step::Diagnose: return "diagnose";
    case Step::Decide: return "decide";
    case Step::Quote: return "quote";
    case Step::Inform: return "inform";
    case Step::Approve: return "approve";
    case Step::Decline: return "decline";
    case Step::OrderParts: return "order-parts";
    case Step::ReceiveParts: return "receive-parts";
    case Step::Repaired: return "repaired";
    case Step::Dispatch: return "dispatch";
    case Step::Ship: return "ship";
    case Step::Close: return "close";
  }
  return "unknown";
}

const std::vector<Step>& allSteps() {
  static const std::vector<Step> steps = {
      Step::Diagnose, Step::Decide, Step::Quote, Step::Inform, Step::Approve, Step::Decline,
      Step::OrderParts, Step::ReceiveParts, Step::Repaired, Step::Dispatch, Step::Ship, Step::Close};
  return steps;
}

bool wentOnSite(const RepairCase& c) {
  return std::any_of(c.events.begin(), c.events.end(),
                     [](const CaseEvent& e) { return e.kind == stepName(Step::Dispatch); });
}

std::optional<std::string> whyNot(Step step, const RepairCase& c, const VendorProfile& v) {
  if (c.status == S::Closed) return std::string("the case is closed");
  switch (step) {
    case Step::Diagnose:
      if (in(c.status, {S::Registered, S::Diagnosed})) return std::nullopt;
      return is(c) + "; diagnosis comes before the warranty decision is acted on";
    case Step::Decide:
      if (!in(c.status, {S::Registered, S::Diagnosed})) return is(c) + "; the warranty is decided at diagnosis";
      if (c.warranty) return "the warranty is already decided; diagnose again to change the finding";
      return std::nullopt;
    case Step::Quote:
      if (c.status == S::AwaitingCustomer) return std::nullopt;
      if (c.status != S::Diagnosed) return is(c) + "; a quote follows a not-covered warranty decision";
      if (!c.warranty) return "no warranty decision yet: decide first";
      if (c.warranty->covered) return "covered by warranty: no quote is needed";
      return std::nullopt;
    case Step::Inform:
      return std::nullopt;
    case Step::Approve:
    case Step::Decline:
      if (c.status != S::AwaitingCustomer || !c.quoteOre) {
        return is(c) + "; the customer answers a quote, and there is none waiting";
      }
      return std::nullopt;
    case Step::OrderParts:
      return whyNotOrderParts(c, v);
    case Step::ReceiveParts:
      if (c.status == S::AwaitingParts) return std::nullopt;
      return is(c) + "; parts are received while awaiting parts";
    case Step::Repaired:
      if (in(c.status, {S::InRepair, S::Dispatched})) return std::nullopt;
      return is(c) + "; a device is repaired in repair on the bench or when dispatched on site";
    case Step::Dispatch:
      if (!v.isOnSite()) return v.name + " cases are repaired at the service centre, not dispatched on site";
      if (!in(c.status, {S::Registered, S::Diagnosed})) return is(c) + "; on-site dispatch follows intake";
      if (decidedNotCovered(c)) return "not covered by warranty: quote instead of on-site service";
      return std::nullopt;
    case Step::Ship:
      return whyNotShip(c);
    case Step::Close:
      return whyNotClose(c);
  }
  return std::string("unknown step");
}

std::vector<Step> allowedSteps(const RepairCase& c, const VendorProfile& v) {
  std::vector<Step> steps;
  for (const Step step : allSteps()) {
    if (!whyNot(step, c, v)) steps.push_back(step);
  }
  return steps;
}

}  // namespace kiosk
