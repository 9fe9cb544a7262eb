// Personal data, held against every store (store_factories.hpp): a customer's cases are found by
// mobile or e-mail (any letter case), open and closed, oldest first, with their timelines; then
// the workflow's PrivacyService export over the same stores, with the cases' outbox messages.
#include <gtest/gtest.h>

#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/privacy.hpp"

namespace kiosk::test {
namespace {

class PrivacyContract : public StoreContractTest {
 protected:
  RepairCase customerCase(const std::string& serial, const std::string& mobile, const std::string& email) {
    RepairCase draft = fullCase(serial);
    draft.customer.mobile = mobile;
    draft.customer.email = email;
    draft.intake.secondCaseReason = "test";
    return created(draft);
  }
};

TEST_P(PrivacyContract, ACustomersCasesAreFoundByMobileOrEmailWithTheirTimelines) {
  const RepairCase first = customerCase("SERIAL1", "+4791234567", "kari@example.no");
  customerCase("SERIAL2", "+4799999999", "ola@example.no");
  const RepairCase third = customerCase("SERIAL3", "+4791234567", "");
  const RepairCase fourth = customerCase("SERIAL4", "+4798888888", "KARI@example.NO");

  const auto byMobile = store().findCustomerCases(CustomerKey{"+4791234567", {}});
  ASSERT_TRUE(byMobile) << byMobile.error().message;
  ASSERT_EQ(byMobile->size(), 2u);
  EXPECT_EQ((*byMobile)[0].number, first.number) << "oldest first";
  EXPECT_EQ((*byMobile)[1].number, third.number);
  expectSameCase(*store().load(first.number), (*byMobile)[0]);
  ASSERT_EQ((*byMobile)[0].events.size(), 2u) << "with the timeline";
  EXPECT_EQ((*byMobile)[0].events[1].detail, "logic board, liquid");

  const auto byEmail = store().findCustomerCases(CustomerKey{{}, "Kari@Example.no"});
  ASSERT_TRUE(byEmail) << byEmail.error().message;
  ASSERT_EQ(byEmail->size(), 2u) << "an e-mail address in any letter case";
  EXPECT_EQ((*byEmail)[0].number, first.number);
  EXPECT_EQ((*byEmail)[1].number, fourth.number);

  const auto nobody = store().findCustomerCases(CustomerKey{"+4711111111", {}});
  ASSERT_TRUE(nobody) << nobody.error().message;
  EXPECT_TRUE(nobody->empty());
  const auto noEmail = store().findCustomerCases(CustomerKey{{}, "kari@example"});
  ASSERT_TRUE(noEmail) << noEmail.error().message;
  EXPECT_TRUE(noEmail->empty()) << "whole addresses only";
}

TEST_P(PrivacyContract, TheExportHoldsTheCasesAndTheirMessages) {
  RepairCase draft = fullCase("SERIAL1");
  draft.intake.secondCaseReason = "test";
  OutboxMessage sms;
  sms.channel = "sms";
  sms.to = draft.customer.mobile;
  sms.text = "Case {number} received";
  sms.createdAt = draft.registeredAt;
  draft.newMessages = {sms};
  const RepairCase mine = created(draft);
  RepairCase other = fullCase("SERIAL2");
  other.customer.mobile = "+4799999999";
  other.customer.email = "other@example.no";
  other.intake.secondCaseReason = "test";
  sms.to = other.customer.mobile;
  other.newMessages = {sms};
  created(other);

  PrivacyService privacy(store(), store());
  const auto exported = privacy.exportCustomer("912 34 567");
  ASSERT_TRUE(exported) << exported.error().message;
  EXPECT_EQ(exported->key.mobile, "+4791234567");
  ASSERT_EQ(exported->cases.size(), 1u);
  EXPECT_EQ(exported->cases[0].number, mine.number);
  ASSERT_EQ(exported->messages.size(), 1u);
  EXPECT_EQ(exported->messages[0].caseNumber, mine.number);
  EXPECT_EQ(exported->messages[0].to, "+4791234567");
  EXPECT_EQ(exported->messages[0].text, "Case " + mine.number + " received");

  const auto bad = privacy.exportCustomer("not a customer");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::BadInput);
  EXPECT_EQ(bad.error().field, "customer");
}

TEST_P(PrivacyContract, AnExportIsAnAuditLogEntryNamingOnlyTheKindOfKey) {
  customerCase("SERIAL1", "+4791234567", "kari@example.no");
  constexpr std::int64_t kAt = 1'790'000'000'000;
  PrivacyService privacy(store(), store(), &store(), [] { return kAt; });
  ASSERT_TRUE(privacy.exportCustomer("912 34 567", "Siri"));
  ASSERT_TRUE(privacy.exportCustomer("nobody@example.no", "Siri"));
  ASSERT_FALSE(privacy.exportCustomer("not a customer", "Siri")) << "bad input: no export, no entry";

  const auto entries = auditEntriesOf(store(), kPrivacyExportEntry);
  ASSERT_EQ(entries.size(), 2U);
  EXPECT_EQ(entries[0].staff, "Siri");
  EXPECT_EQ(entries[0].subject, "mobile");
  EXPECT_EQ(entries[0].detail, "1 case");
  EXPECT_EQ(entries[0].atMs, kAt);
  EXPECT_EQ(entries[1].subject, "e-mail");
  EXPECT_EQ(entries[1].detail, "0 cases");
  for (const AuditEntry& e : entries) {
    for (const std::string& text : {e.staff, e.subject, e.detail}) {
      EXPECT_EQ(text.find("91234567"), std::string::npos) << "the log is never purged: no customer in it";
      EXPECT_EQ(text.find("example.no"), std::string::npos);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Store, PrivacyContract, ::testing::ValuesIn(contractBackends()), backendName);

}  // namespace
}  // namespace kiosk::test
