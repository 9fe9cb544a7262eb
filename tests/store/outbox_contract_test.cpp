// The outbox in every store: messages written in the same transaction as their events,
// queued by the real CaseService steps, and listed back.
#include <gtest/gtest.h>

#include <set>

#include "support/sample_intake.hpp"
#include "support/scratch_passcode_vault.hpp"
#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/case_service.hpp"

namespace kiosk::test {
namespace {

class OutboxContract : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    if (HasFatalFailure()) return;
    auto vendors = VendorCatalog::load(std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors");
    ASSERT_TRUE(vendors) << vendors.error().message;
    m_vendors = std::make_unique<VendorCatalog>(std::move(*vendors));
    auto texts = MessageTexts::load(KIOSK_ASSETS_DIR, "nb");
    ASSERT_TRUE(texts) << texts.error().message;
    m_texts = std::make_unique<MessageTexts>(std::move(*texts));
    m_service = std::make_unique<CaseService>(*m_store, *m_vendors, m_texts.get(), &m_vault);
  }

  std::string registerMac(const std::string& email = "kari@example.no", const std::string& serial = "C02XK0JHJG5H") {
    IntakeForm f = macIntake(serial);
    f.email = email;
    auto c = m_service->registerCase(f, Actor{"ola", at("2026-11-24T09:00:00")});
    EXPECT_TRUE(c) << c.error().message;
    return c ? c->number : std::string();
  }

  std::vector<OutboxMessage> outboxOf(const std::string& number) {
    OutboxQuery q;
    q.caseNumber = number;
    auto messages = m_store->listOutbox(q);
    EXPECT_TRUE(messages) << messages.error().message;
    return messages ? *messages : std::vector<OutboxMessage>{};
  }

  // Messages whose event is not on the case's timeline, counted in SQL.
  std::int64_t orphanMessages() {
    return database().queryInteger(
        "SELECT count(*) FROM outbox_message o WHERE NOT EXISTS (SELECT 1 FROM case_event e "
        "WHERE e.case_seq = o.case_seq AND e.position = o.event_position)");
  }

  Actor actor(const char* when) { return Actor{"per", at(when)}; }

  ScratchPasscodeVault m_vault;
  std::unique_ptr<VendorCatalog> m_vendors;
  std::unique_ptr<MessageTexts> m_texts;
  std::unique_ptr<CaseService> m_service;
};

TEST_P(OutboxContract, IntakeQueuesTheReceiptBySmsAndEmail) {
  const std::string n = registerMac();
  const auto messages = outboxOf(n);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].channel, "sms");
  EXPECT_EQ(messages[0].to, "+4791234567");
  EXPECT_EQ(messages[0].reference, n + "-0-sms");
  EXPECT_EQ(messages[1].channel, "email");
  EXPECT_EQ(messages[1].to, "kari@example.no");
  EXPECT_EQ(messages[1].reference, n + "-0-email");
  for (const auto& m : messages) {
    EXPECT_GT(m.id, 0);
    EXPECT_EQ(m.caseNumber, n);
    EXPECT_EQ(m.status, OutboxStatus::Queued);
    EXPECT_EQ(m.attempts, 0);
    EXPECT_EQ(m.lastError, "");
    EXPECT_NE(m.text.find(n), std::string::npos) << m.text;
    EXPECT_EQ(m.createdAt, at("2026-11-24T09:00:00"));
  }
  const auto withoutEmail = outboxOf(registerMac("", "C02XK1ZZJGH5"));
  ASSERT_EQ(withoutEmail.size(), 1u) << "no address, no e-mail";
  EXPECT_EQ(withoutEmail[0].channel, "sms");
}

TEST_P(OutboxContract, StepsQueueWhatTheyShouldAndPhoneQueuesNothing) {
  const std::string n = registerMac();
  ASSERT_TRUE(m_service->diagnose(n, "Logic board", Damage::None, actor("2026-11-24T10:00:00")));
  ASSERT_TRUE(m_service->decide(n, actor("2026-11-24T10:05:00")));
  EXPECT_EQ(outboxOf(n).size(), 2u) << "diagnose and decide tell no one";
  ASSERT_TRUE(m_service->inform(n, "phone", actor("2026-11-24T10:10:00")));
  EXPECT_EQ(outboxOf(n).size(), 2u) << "a phone call is only recorded";
  ASSERT_TRUE(m_service->inform(n, "sms", actor("2026-11-24T10:15:00")));
  auto messages = outboxOf(n);
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_EQ(messages[2].channel, "sms");
  EXPECT_EQ(messages[2].reference, n + "-4-sms");
  const auto shown = m_store->load(n);
  ASSERT_TRUE(shown);
  ASSERT_TRUE(shown->due);
  EXPECT_NE(messages[2].text.find(formatDate(*shown->due)), std::string::npos) << messages[2].text;
  ASSERT_TRUE(m_service->inform(n, "email", actor("2026-11-24T10:20:00")));
  EXPECT_EQ(outboxOf(n).size(), 4u);
  ASSERT_TRUE(m_service->orderParts(n, {"Logic board"}, actor("2026-11-24T11:00:00")));
  ASSERT_TRUE(m_service->receiveParts(n, actor("2026-11-25T09:00:00")));
  ASSERT_TRUE(m_service->markRepaired(n, actor("2026-11-25T10:00:00")));
  const auto shipped = m_service->ship(n, "Posten", "70712345", actor("2026-11-25T11:00:00"));
  ASSERT_TRUE(shipped) << shipped.error().message;
  ASSERT_EQ(shipped->newMessages.size(), 2u) << "the stored messages come back with their ids";
  EXPECT_GT(shipped->newMessages[0].id, 0);
  messages = outboxOf(n);
  ASSERT_EQ(messages.size(), 6u);
  EXPECT_NE(messages[4].text.find("70712345"), std::string::npos);
  std::set<std::string> references;
  for (const auto& m : messages) references.insert(m.reference);
  EXPECT_EQ(references.size(), messages.size()) << "one reference per message";
  EXPECT_EQ(orphanMessages(), 0);
}

TEST_P(OutboxContract, InformWithTheQuoteTellsItsAmount) {
  IntakeForm f = macIntake("C02XK0JHJG5H");
  f.purchased = parseDate("2020-01-01");
  auto c = m_service->registerCase(f, Actor{"ola", at("2026-11-24T09:00:00")});
  ASSERT_TRUE(c) << c.error().message;
  ASSERT_TRUE(m_service->diagnose(c->number, "Screen", Damage::None, actor("2026-11-24T10:00:00")));
  ASSERT_TRUE(m_service->decide(c->number, actor("2026-11-24T10:01:00")));
  ASSERT_TRUE(m_service->quote(c->number, 249900, actor("2026-11-24T10:02:00")));
  ASSERT_TRUE(m_service->inform(c->number, "sms", actor("2026-11-24T10:03:00")));
  const auto messages = outboxOf(c->number);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages[1].text.find("2499"), std::string::npos) << messages[1].text;
}

TEST_P(OutboxContract, AFailingChangeWritesNeitherEventNorMessage) {
  const std::string n = registerMac("");
  ASSERT_EQ(outboxOf(n).size(), 1u);
  // The workflow refuses e-mail to a customer without an address: nothing is written.
  const auto refusedStep = m_service->inform(n, "email", actor("2026-11-24T10:00:00"));
  ASSERT_FALSE(refusedStep);
  EXPECT_EQ(outboxOf(n).size(), 1u);
  EXPECT_EQ(m_store->load(n)->events.size(), 1u);

  // A change that queues a message and then fails.
  const auto failed = m_store->update(n, [](RepairCase& r) -> Result<void> {
    r.events.push_back({at("2026-11-24T11:00:00"), "per", "inform", "via sms"});
    OutboxMessage m;
    m.eventPosition = 1;
    m.channel = "sms";
    m.to = "+4791234567";
    m.text = "x";
    r.newMessages.push_back(m);
    return refused("no");
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(outboxOf(n).size(), 1u);
  EXPECT_EQ(m_store->load(n)->events.size(), 1u);
}

TEST_P(OutboxContract, AMessageExistsExactlyWhenItsEventDoes) {
  const std::string n = registerMac("");
  // A message for an event the change did not append is refused, and so is its event.
  const auto forOldEvent = m_store->update(n, [](RepairCase& r) -> Result<void> {
    r.events.push_back({at("2026-11-24T11:00:00"), "per", "inform", "via sms"});
    OutboxMessage m;
    m.eventPosition = 0;
    m.channel = "sms";
    m.to = "+4791234567";
    r.newMessages.push_back(m);
    return {};
  });
  ASSERT_FALSE(forOldEvent);
  EXPECT_EQ(forOldEvent.error().kind, ErrorKind::Storage);
  EXPECT_EQ(m_store->load(n)->events.size(), 1u);

  // A message whose insert fails (its reference is taken) takes its event down with it.
  const auto duplicate = m_store->update(n, [](RepairCase& r) -> Result<void> {
    r.events.push_back({at("2026-11-24T11:00:00"), "per", "inform", "via sms"});
    OutboxMessage m;
    m.eventPosition = 1;
    m.channel = "sms";
    m.to = "+4791234567";
    r.newMessages.push_back(m);
    r.newMessages.push_back(m);  // the same event and channel twice: one reference
    return {};
  });
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().kind, ErrorKind::Storage);
  EXPECT_EQ(m_store->load(n)->events.size(), 1u);
  EXPECT_EQ(outboxOf(n).size(), 1u);
  EXPECT_EQ(orphanMessages(), 0);

  // A draft queuing for an event it does not have is refused whole.
  RepairCase draft = draftCase("SERIAL9");
  OutboxMessage m;
  m.eventPosition = draft.events.size();
  m.channel = "sms";
  m.to = "+4791234567";
  draft.newMessages.push_back(m);
  EXPECT_FALSE(m_store->create(draft));
  EXPECT_EQ(*m_store->count(), 1u);
}

TEST_P(OutboxContract, ListFiltersByStatusAndCase) {
  const std::string a = registerMac();
  IntakeForm f = lenovoIntake();
  auto b = m_service->registerCase(f, Actor{"ola", at("2026-11-24T09:10:00")});
  ASSERT_TRUE(b) << b.error().message;
  auto all = m_store->listOutbox({});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 3u);
  EXPECT_LT((*all)[0].id, (*all)[2].id) << "oldest first";
  EXPECT_EQ(outboxOf(b->number).size(), 1u);
  OutboxQuery queued;
  queued.status = OutboxStatus::Queued;
  EXPECT_EQ(m_store->listOutbox(queued)->size(), 3u);
  OutboxQuery failed;
  failed.status = OutboxStatus::Failed;
  EXPECT_TRUE(m_store->listOutbox(failed)->empty());
  OutboxQuery limited;
  limited.limit = 2;
  EXPECT_EQ(m_store->listOutbox(limited)->size(), 2u);
  // The service checks a typed number before asking the store.
  OutboxQuery typed;
  typed.caseNumber = "zzzz";
  const auto bad = m_service->outbox(typed);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::BadInput);
}

TEST_P(OutboxContract, WithoutTextsNoStepQueuesAMessage) {
  CaseService silent(*m_store, *m_vendors, nullptr, &m_vault);
  auto c = silent.registerCase(macIntake("C02XK0JHJG5H"), Actor{"ola", at("2026-11-24T09:00:00")});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_TRUE(outboxOf(c->number).empty());
}

INSTANTIATE_TEST_SUITE_P(Store, OutboxContract, ::testing::ValuesIn(contractBackends()), backendName);

}  // namespace
}  // namespace kiosk::test
