// What audit verify concludes from a case as stored (store/audit_verify.hpp), alone: every kind
// of change named at its event, and a purged case (salt erased, details emptied, a last
// "purged" event) accepted in that shape only, with tampering still found.
#include <gtest/gtest.h>

#include "store/audit_verify.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::test {
namespace {

// A case of four events, sealed as a store seals them, one transaction per event.
StoredCase sealedCase() {
  RepairCase c = fullCase("SERIAL1");
  c.number = "M6EM-XNNN";
  c.events = {CaseEvent{at("2026-11-24T10:00:00"), "per", "registered", "Kari Nordmann, 912 34 567"}};
  CaseAudit audit{std::string(64, 'c'), {}};
  sealNewEvents(c, audit);
  for (const char* kind : {"diagnose", "decide", "inform"}) {
    c.version += 1;
    c.finding = kind;
    c.events.push_back(CaseEvent{at("2026-11-24T11:00:00"), "per", kind, std::string("detail of ") + kind});
    sealNewEvents(c, audit);
  }
  StoredCase stored;
  stored.row = c;
  stored.salt = audit.salt;
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    stored.events.push_back(StoredEvent{static_cast<std::int64_t>(i), c.events[i], audit.events[i]});
  }
  return stored;
}

std::vector<AuditFinding> findings(const StoredCase& c) {
  std::vector<AuditFinding> found;
  verifyStoredCase(c, found);
  return found;
}

void expectFinding(const StoredCase& c, std::optional<std::int64_t> position, const std::string& what) {
  const auto found = findings(c);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].subject, c.row.number);
  EXPECT_EQ(found[0].position, position);
  EXPECT_EQ(found[0].what.rfind(what, 0), 0U) << found[0].what;
}

// What the privacy purge leaves: personal columns and details empty, no salt, purged_at set, and
// a last "purged" event sealed without a salt.
StoredCase purged(StoredCase c) {
  c.row.customer = Customer{};
  c.row.intake.ecase.clear();
  c.row.intake.passcode.clear();
  c.row.acceptedBy.clear();
  c.row.acceptanceSignature.clear();
  c.row.purgedAt = at("2027-01-01T03:00:00");
  c.row.version += 1;
  for (auto& e : c.events) e.event.detail.clear();
  c.salt.clear();
  RepairCase row = c.row;
  row.events.clear();
  CaseAudit audit{"", {}};
  for (const auto& e : c.events) {
    row.events.push_back(e.event);
    audit.events.push_back(e.seal);
  }
  row.events.push_back(CaseEvent{at("2027-01-01T03:00:00"), "station", std::string(kPurgedEventKind), ""});
  sealNewEvents(row, audit);
  c.events.push_back(StoredEvent{static_cast<std::int64_t>(c.events.size()), row.events.back(), audit.events.back()});
  return c;
}

TEST(AuditVerify, AnUntouchedCaseHasNoFinding) { EXPECT_TRUE(findings(sealedCase()).empty()); }

TEST(AuditVerify, EachChangeIsNamedAtItsEvent) {
  StoredCase c = sealedCase();
  c.events[1].event.detail = "something else";
  expectFinding(c, 1, "text changed");

  c = sealedCase();
  c.events[2].event.staff = "ola";
  expectFinding(c, 2, "event changed");

  c = sealedCase();
  c.events.erase(c.events.begin());
  expectFinding(c, 0, "event missing");

  c = sealedCase();
  c.events.erase(c.events.begin() + 2);
  expectFinding(c, 2, "event missing");

  c = sealedCase();
  c.events.pop_back();
  expectFinding(c, 2, "field changed");

  c = sealedCase();
  std::swap(c.events[1].event, c.events[2].event);
  std::swap(c.events[1].seal, c.events[2].seal);
  expectFinding(c, 1, "order changed");

  c = sealedCase();
  c.row.customer.mobile = "+4799999999";
  expectFinding(c, 3, "field changed");

  c = sealedCase();
  c.row.device.serial = "OTHER";
  expectFinding(c, 3, "field changed");

  c = sealedCase();
  c.salt.clear();
  expectFinding(c, std::nullopt, "salt removed");

  c = sealedCase();
  c.salt = std::string(64, 'd');
  expectFinding(c, 0, "text changed");
}

TEST(AuditVerify, APurgedCaseVerifiesInThatShapeOnly) {
  const StoredCase p = purged(sealedCase());
  EXPECT_TRUE(findings(p).empty()) << findings(p).front().what;

  StoredCase c = p;
  c.row.device.serial = "OTHER";
  expectFinding(c, 4, "field changed");

  c = p;
  c.events[1].event.detail = "put back";
  expectFinding(c, std::nullopt, "salt removed");

  c = p;
  c.events[2].event.kind = "approve";
  expectFinding(c, 2, "event changed");

  c = p;
  c.row.purgedAt.reset();
  expectFinding(c, std::nullopt, "salt removed");

  c = p;
  c.events.erase(c.events.begin() + 1);
  expectFinding(c, 1, "event missing");
}

TEST(AuditVerify, TheLogChainNamesAChangedOrMissingEntry) {
  std::vector<AuditEntry> log;
  std::string previous;
  for (int i = 1; i <= 4; ++i) {
    AuditEntry e{i, 1000 + i, "per", "sign-in", "per", "ok", ""};
    e.chainHash = logChainHash(previous, e);
    previous = e.chainHash;
    log.push_back(e);
  }
  std::vector<AuditFinding> found;
  LogCursor cursor;
  verifyLogEntries(log, cursor, found);
  EXPECT_TRUE(found.empty());
  EXPECT_EQ(cursor.seq, 4);

  auto changed = log;
  changed[1].detail = "wrong-pin";
  cursor = {};
  verifyLogEntries(changed, cursor, found);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].position, 2);

  auto cut = log;
  cut.erase(cut.begin() + 2);
  found.clear();
  cursor = {};
  verifyLogEntries(cut, cursor, found);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].position, 3);
  EXPECT_EQ(found[0].what.rfind("log entry missing", 0), 0U);
}

}  // namespace
}  // namespace kiosk::test
