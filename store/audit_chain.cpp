#include "store/audit_chain.hpp"

#include <algorithm>
#include <optional>

#include "crypto/blake2b.hpp"
#include "store/canonical_text.hpp"
#include "store/case_columns.hpp"

namespace kiosk {
namespace {

// Visits the case columns (store/case_columns.hpp) into two canonical texts: the personal
// columns (kPersonalColumns) and the rest. `withVersion` false leaves the version out.
class CanonicalColumns {
 public:
  explicit CanonicalColumns(bool withVersion) : m_withVersion(withVersion) {}

  void operator()(std::string_view name, const std::string& v) { writer(name).text(name, v); }
  void operator()(std::string_view name, std::int64_t v) {
    if (name == "version" && !m_withVersion) return;
    writer(name).text(name, std::to_string(v));
  }
  void operator()(std::string_view name, std::uint64_t v) { writer(name).text(name, std::to_string(v)); }
  void operator()(std::string_view name, bool v) { writer(name).text(name, v ? "1" : "0"); }
  void operator()(std::string_view name, const std::optional<std::int64_t>& v) {
    if (v) {
      writer(name).text(name, std::to_string(*v));
    } else {
      writer(name).absent(name);
    }
  }
  void operator()(std::string_view name, const Date& day) {
    if (day.ok()) {
      writer(name).text(name, formatDate(day));
    } else {
      writer(name).absent(name);
    }
  }
  void operator()(std::string_view name, const std::optional<Date>& day) {
    if (day) {
      (*this)(name, *day);
    } else {
      writer(name).absent(name);
    }
  }
  void operator()(std::string_view name, const LocalTime& at) { writer(name).text(name, formatLocalTime(at)); }
  void operator()(std::string_view name, const std::optional<LocalTime>& at) {
    if (at) {
      writer(name).text(name, formatLocalTime(*at));
    } else {
      writer(name).absent(name);
    }
  }
  void operator()(std::string_view name, CaseStatus v) { writer(name).text(name, statusName(v)); }
  void operator()(std::string_view name, Damage v) { writer(name).text(name, damageName(v)); }
  void operator()(std::string_view name, CustomerAnswer v) { writer(name).text(name, customerAnswerName(v)); }
  void operator()(std::string_view name, const std::vector<std::string>& list) {
    writer(name).text(name, std::to_string(list.size()));
    for (const auto& item : list) writer(name).text("-", item);
  }
  void warranty(const std::optional<WarrantyDecision>& d) {
    if (!d) {
      for (const auto name : kWarrantyColumns) m_rest.absent(name);
      return;
    }
    m_rest.text(kWarrantyColumns[0], d->covered ? "1" : "0");
    m_rest.text(kWarrantyColumns[1], d->basis);
    (*this)(kWarrantyColumns[2], d->coveredUntil);
    m_rest.text(kWarrantyColumns[3], d->action);
    m_rest.text(kWarrantyColumns[4], std::to_string(d->diagnosisFeeNok));
  }

  [[nodiscard]] const std::string& personal() const { return m_personal.out(); }
  [[nodiscard]] const std::string& rest() const { return m_rest.out(); }

 private:
  CanonicalText& writer(std::string_view name) {
    const bool personal = std::find(kPersonalColumns.begin(), kPersonalColumns.end(), name) != kPersonalColumns.end();
    return personal ? m_personal : m_rest;
  }

  bool m_withVersion;
  CanonicalText m_personal;
  CanonicalText m_rest;
};

CanonicalColumns canonical(const RepairCase& c, bool withVersion) {
  CanonicalColumns columns(withVersion);
  visitCaseColumns(columns, c);
  return columns;
}

}  // namespace

std::string newAuditSalt() { return randomHex(32); }

std::string personalCommitment(const std::string& salt, const RepairCase& c) {
  if (salt.empty()) return std::string(kPurgedCommitment);
  return keyedBlake2bHex(salt, "kiosk-personal-v1\n" + canonical(c, false).personal());
}

std::string detailCommitment(const std::string& salt, std::string_view detail) {
  if (salt.empty()) return blake2bHex(detail);
  return keyedBlake2bHex(salt, detail);
}

std::string stateDigest(const RepairCase& c, std::string_view personal, std::size_t eventCount) {
  // The version is in: a transaction that changed nothing else (a passcode read) still moved
  // it, so cutting off its event leaves a row its last seal does not match. The event count
  // catches the end of a transaction that appended several.
  CanonicalText w;
  w.text("state", "kiosk-state-v1");
  w.text("personal", personal);
  w.text("events", std::to_string(eventCount));
  return blake2bHex(w.out() + canonical(c, true).rest());
}

std::string genesisHash(std::string_view number) {
  CanonicalText w;
  w.text("genesis", number);
  return blake2bHex(w.out());
}

std::string chainHash(std::string_view previous, std::string_view number, std::size_t position, const CaseEvent& e,
                      std::string_view detailCommitment, std::string_view stateDigest) {
  CanonicalText w;
  w.text("chain", "kiosk-audit-v1");
  w.text("previous", previous);
  w.text("number", number);
  w.text("position", std::to_string(position));
  w.text("at", formatLocalTime(e.at));
  w.text("staff", e.staff);
  w.text("kind", e.kind);
  w.text("detail", detailCommitment);
  w.text("state", stateDigest);
  return blake2bHex(w.out());
}

void sealNewEvents(const RepairCase& c, CaseAudit& audit) {
  if (audit.events.size() >= c.events.size()) return;
  const std::string state = stateDigest(c, personalCommitment(audit.salt, c), c.events.size());
  for (std::size_t i = audit.events.size(); i < c.events.size(); ++i) {
    const std::string previous = i == 0 ? genesisHash(c.number) : audit.events[i - 1].chainHash;
    EventSeal seal;
    seal.detailCommitment = detailCommitment(audit.salt, c.events[i].detail);
    seal.stateDigest = state;
    seal.chainHash = chainHash(previous, c.number, i, c.events[i], seal.detailCommitment, seal.stateDigest);
    audit.events.push_back(std::move(seal));
  }
}

bool sameRow(const RepairCase& a, const RepairCase& b) {
  const auto x = canonical(a, false);
  const auto y = canonical(b, false);
  return x.rest() == y.rest() && x.personal() == y.personal();
}

}  // namespace kiosk
