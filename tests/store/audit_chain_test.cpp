// The audit chain's hashes (store/audit_chain.hpp), alone: what each commits to and what not.
#include <gtest/gtest.h>

#include "store/audit_chain.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::test {
namespace {

const std::string kSalt(64, 'a');
const std::string kOtherSalt(64, 'b');

TEST(AuditChain, ThePersonalCommitmentCoversEachPersonalFieldAndIsKeyedByTheSalt) {
  const RepairCase c = fullCase("SERIAL1");
  const std::string base = personalCommitment(kSalt, c);
  EXPECT_EQ(base.size(), 64U);
  EXPECT_EQ(base, personalCommitment(kSalt, c));
  EXPECT_NE(base, personalCommitment(kOtherSalt, c)) << "keyed by the salt";
  const std::vector<void (*)(RepairCase&)> changes = {
      [](RepairCase& x) { x.customer.name += "x"; },      [](RepairCase& x) { x.customer.mobile += "1"; },
      [](RepairCase& x) { x.customer.email += "x"; },     [](RepairCase& x) { x.customer.address += "x"; },
      [](RepairCase& x) { x.intake.ecase += "1"; },       [](RepairCase& x) { x.intake.passcode += "1"; },
      [](RepairCase& x) { x.acceptedBy += "x"; },         [](RepairCase& x) { x.acceptanceSignature += " L 1 1"; },
  };
  for (std::size_t i = 0; i < changes.size(); ++i) {
    RepairCase changed = c;
    changes[i](changed);
    EXPECT_NE(personalCommitment(kSalt, changed), base) << "personal field " << i;
  }
  RepairCase notPersonal = c;
  notPersonal.finding = "another finding";
  EXPECT_EQ(personalCommitment(kSalt, notPersonal), base) << "only the personal columns";
  EXPECT_EQ(personalCommitment("", c), std::string(kPurgedCommitment)) << "a purged case has no salt";
}

TEST(AuditChain, TheStateDigestCoversEveryColumnButHoldsPersonalOnesOnlyThroughTheCommitment) {
  const RepairCase c = fullCase("SERIAL1");
  const std::string personal = personalCommitment(kSalt, c);
  const std::string base = stateDigest(c, personal, 3);
  EXPECT_NE(base, stateDigest(c, personal, 2)) << "the event count";
  EXPECT_NE(base, stateDigest(c, "other", 3)) << "the personal commitment";
  RepairCase changed = c;
  changed.version += 1;
  EXPECT_NE(base, stateDigest(changed, personal, 3)) << "the version";
  changed = c;
  changed.finding = "another";
  EXPECT_NE(base, stateDigest(changed, personal, 3)) << "a plain column";
  changed = c;
  changed.purgedAt = at("2027-01-01T00:00:00");
  EXPECT_NE(base, stateDigest(changed, personal, 3)) << "purged_at";
  changed = c;
  changed.customer.mobile = "+4700000000";
  EXPECT_EQ(base, stateDigest(changed, personal, 3)) << "a personal column counts through its commitment only";
}

TEST(AuditChain, TheChainHashCoversEveryPartOfTheEventAndTheOneBefore) {
  const CaseEvent e{at("2026-11-24T10:00:00"), "per", "diagnose", "detail"};
  const std::string base = chainHash("prev", "M6EM-XNNN", 1, e, "dc", "sd");
  EXPECT_NE(base, chainHash("other", "M6EM-XNNN", 1, e, "dc", "sd"));
  EXPECT_NE(base, chainHash("prev", "M6EM-XNNP", 1, e, "dc", "sd"));
  EXPECT_NE(base, chainHash("prev", "M6EM-XNNN", 2, e, "dc", "sd"));
  EXPECT_NE(base, chainHash("prev", "M6EM-XNNN", 1, CaseEvent{at("2026-11-24T10:00:01"), "per", "diagnose", "detail"}, "dc", "sd"));
  EXPECT_NE(base, chainHash("prev", "M6EM-XNNN", 1, CaseEvent{e.at, "pe", "diagnose", "detail"}, "dc", "sd"));
  EXPECT_NE(base, chainHash("prev", "M6EM-XNNN", 1, CaseEvent{e.at, "per", "decide", "detail"}, "dc", "sd"));
  EXPECT_NE(base, chainHash("prev", "M6EM-XNNN", 1, e, "dd", "sd"));
  EXPECT_NE(base, chainHash("prev", "M6EM-XNNN", 1, e, "dc", "se"));
  EXPECT_EQ(base, chainHash("prev", "M6EM-XNNN", 1, CaseEvent{e.at, "per", "diagnose", "other detail"}, "dc", "sd"))
      << "the detail only through its commitment";
  // Length-prefixed parts: moving a character from one part to the next is another hash.
  EXPECT_NE(chainHash("prev", "M6EM-XNNN", 1, CaseEvent{e.at, "ab", "c", ""}, "dc", "sd"),
            chainHash("prev", "M6EM-XNNN", 1, CaseEvent{e.at, "a", "bc", ""}, "dc", "sd"));
  EXPECT_NE(genesisHash("M6EM-XNNN"), genesisHash("M6EM-XNNP"));
}

TEST(AuditChain, TheDetailCommitmentIsKeyedSoAShortDetailCannotBeGuessed) {
  EXPECT_NE(detailCommitment(kSalt, "+4791234567"), detailCommitment(kOtherSalt, "+4791234567"));
  EXPECT_NE(detailCommitment(kSalt, "a"), detailCommitment(kSalt, "b"));
}

TEST(AuditChain, SealingAppendsOneSealPerNewEventChained) {
  RepairCase c = fullCase("SERIAL1");
  c.number = "M6EM-XNNN";
  c.events = {CaseEvent{at("2026-11-24T10:00:00"), "per", "registered", "one"}};
  CaseAudit audit{kSalt, {}};
  sealNewEvents(c, audit);
  ASSERT_EQ(audit.events.size(), 1U);
  EXPECT_EQ(audit.events[0].chainHash, chainHash(genesisHash(c.number), c.number, 0, c.events[0],
                                                 audit.events[0].detailCommitment, audit.events[0].stateDigest));
  c.events.push_back(CaseEvent{at("2026-11-24T11:00:00"), "per", "diagnose", "two"});
  c.events.push_back(CaseEvent{at("2026-11-24T11:00:00"), "per", "note", "three"});
  const EventSeal first = audit.events[0];
  sealNewEvents(c, audit);
  ASSERT_EQ(audit.events.size(), 3U);
  EXPECT_EQ(audit.events[0].chainHash, first.chainHash);
  EXPECT_EQ(audit.events[2].stateDigest, stateDigest(c, personalCommitment(kSalt, c), 3));
  EXPECT_EQ(audit.events[1].stateDigest, audit.events[2].stateDigest);
  EXPECT_EQ(audit.events[2].chainHash, chainHash(audit.events[1].chainHash, c.number, 2, c.events[2],
                                                 audit.events[2].detailCommitment, audit.events[2].stateDigest));
}

}  // namespace
}  // namespace kiosk::test
