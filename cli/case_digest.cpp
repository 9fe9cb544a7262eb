#include "cli/case_digest.hpp"

#include <algorithm>
#include <exception>
#include <optional>
#include <string_view>
#include <tuple>

#include "crypto/blake2b.hpp"
#include "store/canonical_text.hpp"

namespace kiosk::cli {
namespace {

// The canonical form (store/canonical_text.hpp) with the value types a case has.
class Canonical {
 public:
  void text(std::string_view name, std::string_view value) { m_text.text(name, value); }
  void absent(std::string_view name) { m_text.absent(name); }
  void number(std::string_view name, long long value) { text(name, std::to_string(value)); }
  void flag(std::string_view name, bool value) { text(name, value ? "true" : "false"); }
  void date(std::string_view name, const Date& day) {
    if (day.ok()) {
      text(name, formatDate(day));
    } else {
      absent(name);
    }
  }
  void date(std::string_view name, const std::optional<Date>& day) {
    if (day) {
      date(name, *day);
    } else {
      absent(name);
    }
  }
  void time(std::string_view name, const std::optional<LocalTime>& at) {
    if (at) {
      text(name, formatLocalTime(*at));
    } else {
      absent(name);
    }
  }
  void list(std::string_view name, const std::vector<std::string>& values) {
    number(name, static_cast<long long>(values.size()));
    for (const auto& v : values) text("-", v);
  }
  [[nodiscard]] std::string take() { return m_text.take(); }

 private:
  CanonicalText m_text;
};

void writeCaseFields(Canonical& w, const RepairCase& c) {
  w.number("sequence", static_cast<long long>(c.sequence));
  w.text("number", c.number);
  w.text("customer_code", c.customerCode);  // on the receipt: a case that lost it is not the same case
  w.number("version", c.version);
  w.text("device.vendor", c.device.vendor);
  w.text("device.family", c.device.family);
  w.text("device.serial", c.device.serial);
  w.text("device.product", c.device.product);
  w.date("device.purchased", c.device.purchased);
  w.text("device.seller", c.device.seller);
  w.text("device.country", c.device.country);
  w.date("device.ace_until", c.device.aceUntil);
  w.date("device.contract_until", c.device.contractUntil);
  w.text("customer.name", c.customer.name);
  w.text("customer.mobile", c.customer.mobile);
  w.text("customer.email", c.customer.email);
  w.text("customer.address", c.customer.address);
  w.text("intake.ecase", c.intake.ecase);
  w.text("intake.invoice", c.intake.invoice);
  w.text("intake.order", c.intake.order);
  w.text("intake.fault", c.intake.fault);
  w.text("intake.channel", c.intake.channel);
  w.text("intake.agreement", c.intake.agreement);
  w.text("intake.accessories", c.intake.accessories);
  w.text("intake.condition", c.intake.condition);
  w.text("intake.shelf", c.intake.shelf);
  w.text("intake.passcode", c.intake.passcode);
  w.text("intake.second_case_reason", c.intake.secondCaseReason);
  w.time("registered_at", c.registeredAt);
  w.text("status", statusName(c.status));
  w.text("finding", c.finding);
  w.text("damage", damageName(c.damage));
  if (c.warranty) {
    w.flag("warranty.covered", c.warranty->covered);
    w.text("warranty.basis", c.warranty->basis);
    w.date("warranty.covered_until", c.warranty->coveredUntil);
    w.text("warranty.action", c.warranty->action);
    w.number("warranty.diagnosis_fee_nok", c.warranty->diagnosisFeeNok);
  } else {
    w.absent("warranty");
  }
  if (c.quoteOre) {
    w.number("quote_ore", *c.quoteOre);
  } else {
    w.absent("quote_ore");
  }
  w.text("answer", customerAnswerName(c.answer));
  w.list("parts", c.parts);
  w.text("parts_order.reference", c.partsOrder.reference);
  w.list("parts_order.parts", c.partsOrder.parts);
  w.text("parts_order.supplier_id", c.partsOrder.supplierId);
  w.text("carrier", c.carrier);
  w.text("tracking", c.tracking);
  w.time("informed_at", c.informedAt);
  w.date("due", c.due);
  w.flag("late_report", c.lateReport);
  w.time("done_at", c.doneAt);
  w.time("closed_at", c.closedAt);
  w.time("deviation_noticed_at", c.deviationNoticedAt);
  w.flag("demo", c.demo);
  w.text("accepted_by", c.acceptedBy);
  w.text("acceptance_signature", c.acceptanceSignature);
  w.text("technician", c.technician);
  w.time("purged_at", c.purgedAt);
}

void writeAudit(Canonical& w, const CaseAudit& audit) {
  w.text("audit.salt", audit.salt);
  w.number("audit.seals", static_cast<long long>(audit.events.size()));
  for (const auto& seal : audit.events) {
    w.text("seal.detail_commitment", seal.detailCommitment);
    w.text("seal.state_digest", seal.stateDigest);
    w.text("seal.chain_hash", seal.chainHash);
  }
}

void writeEvents(Canonical& w, const std::vector<CaseEvent>& events) {
  w.number("events", static_cast<long long>(events.size()));
  for (const auto& e : events) {
    w.time("event.at", e.at);
    w.text("event.staff", e.staff);
    w.text("event.kind", e.kind);
    w.text("event.detail", e.detail);
  }
}

void writeMessages(Canonical& w, std::vector<OutboxMessage> messages) {
  // Ids are each store's own; a message is known by its event and channel (its reference).
  std::sort(messages.begin(), messages.end(), [](const OutboxMessage& a, const OutboxMessage& b) {
    return std::tie(a.eventPosition, a.channel, a.reference) < std::tie(b.eventPosition, b.channel, b.reference);
  });
  w.number("messages", static_cast<long long>(messages.size()));
  for (const auto& m : messages) {
    w.text("message.case", m.caseNumber);
    w.number("message.event_position", static_cast<long long>(m.eventPosition));
    w.text("message.channel", m.channel);
    w.text("message.to", m.to);
    w.text("message.subject", m.subject);
    w.text("message.text", m.text);
    w.text("message.reference", m.reference);
    w.text("message.status", outboxStatusName(m.status));
    w.number("message.attempts", m.attempts);
    w.text("message.last_error", m.lastError);
    w.time("message.created_at", m.createdAt);
    w.number("message.next_attempt_ms", m.nextAttemptMs);
    w.number("message.delivered_at_ms", m.deliveredAtMs);
  }
}

// crypto/blake2b (BLAKE2b-256, the audit chain's hash too); it throws only when libsodium
// cannot be initialised or fails, which the checksum reports as a storage error.
Result<std::string> blake2b256Hex(std::string_view data) {
  try {
    return blake2bHex(data);
  } catch (const std::exception& e) {
    return storageError(std::string("cannot hash the case history: ") + e.what());
  }
}

}  // namespace

std::string canonicalCase(const RepairCase& c, std::vector<OutboxMessage> messages, const CaseAudit& audit) {
  Canonical w;
  writeCaseFields(w, c);
  writeEvents(w, c.events);
  writeAudit(w, audit);
  writeMessages(w, std::move(messages));
  return w.take();
}

Result<std::string> caseDigest(const RepairCase& c, const std::vector<OutboxMessage>& messages,
                               const CaseAudit& audit) {
  return blake2b256Hex(canonicalCase(c, messages, audit));
}

Result<std::string> historyDigest(const std::vector<std::string>& caseDigests) {
  std::string all;
  all.reserve(caseDigests.size() * 65);
  for (const auto& d : caseDigests) all.append(d).append("\n");
  return blake2b256Hex(all);
}

}  // namespace kiosk::cli
