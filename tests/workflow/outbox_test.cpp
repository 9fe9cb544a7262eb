// What queues what, and the texts: the outbox rules in plain C++, without a store.
#include <gtest/gtest.h>

#include <set>

#include "tests/workflow/test_dates.hpp"
#include "workflow/outbox.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk::test {
namespace {

MessageTexts texts(std::string_view language = "nb") {
  auto loaded = MessageTexts::load(KIOSK_ASSETS_DIR, language);
  EXPECT_TRUE(loaded) << loaded.error().message;
  return loaded ? std::move(*loaded) : MessageTexts{};
}

// A registered case with both a mobile and an e-mail address, its number already given.
RepairCase registered(bool withEmail = true) {
  RepairCase c;
  c.number = "M6EM-XNNN";
  c.customer.mobile = "+4791234567";
  c.customer.email = withEmail ? "kari@example.no" : "";
  c.events.push_back({*parseLocalTime("2026-11-24T10:00"), "ola", "registered", ""});
  return c;
}

void appendEvent(RepairCase& c, const std::string& kind) {
  c.events.push_back({*parseLocalTime("2026-11-24T12:00"), "ola", kind, ""});
}

TEST(MessageTexts, BothLanguagesHaveEveryText) {
  for (const std::string_view language : {"nb", "en"}) {
    const MessageTexts t = texts(language);
    for (const auto& [event, field] : MessageTexts::kRequiredKeys) {
      EXPECT_FALSE(t.pattern(event, field).empty()) << language << ": " << event << "." << field;
      if (field != "subject") {
        EXPECT_NE(t.pattern(event, field).find("{number}"), std::string::npos)
            << language << ": every text names the case: " << event << "." << field;
      }
    }
  }
}

TEST(MessageTexts, AMissingTextIsRefusedByName) {
  const auto parsed = MessageTexts::parse(R"({"receipt": {"subject": "s", "text": "t"}})", "nb", "nb.json");
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find("nb.json"), std::string::npos) << parsed.error().message;
  EXPECT_NE(parsed.error().message.find("decision."), std::string::npos) << parsed.error().message;
  EXPECT_FALSE(MessageTexts::parse("not json", "nb", "nb.json"));
  EXPECT_FALSE(MessageTexts::load(KIOSK_ASSETS_DIR, "xx"));
}

TEST(Outbox, ReceiptGoesBySmsAndByEmailWhenThereIsAnAddress) {
  const MessageTexts t = texts();
  RepairCase c = registered();
  queueReceipt(c, t);
  ASSERT_EQ(c.newMessages.size(), 2u);
  EXPECT_EQ(c.newMessages[0].channel, "sms");
  EXPECT_EQ(c.newMessages[0].to, "+4791234567");
  EXPECT_EQ(c.newMessages[0].subject, "");
  EXPECT_EQ(c.newMessages[1].channel, "email");
  EXPECT_EQ(c.newMessages[1].to, "kari@example.no");
  EXPECT_FALSE(c.newMessages[1].subject.empty());
  for (const auto& m : c.newMessages) {
    EXPECT_EQ(m.eventPosition, 0u);
    EXPECT_EQ(m.status, OutboxStatus::Queued);
    EXPECT_EQ(m.attempts, 0);
    EXPECT_EQ(m.createdAt, c.events[0].at);
    EXPECT_EQ(m.nextAttemptMs, 0) << "due at once";
  }

  RepairCase noEmail = registered(false);
  queueReceipt(noEmail, t);
  ASSERT_EQ(noEmail.newMessages.size(), 1u);
  EXPECT_EQ(noEmail.newMessages[0].channel, "sms");
}

TEST(Outbox, InformQueuesExactlyOneMessageOnItsChannelAndPhoneNone) {
  const MessageTexts t = texts();
  for (const std::string via : {"sms", "email", "phone"}) {
    RepairCase c = registered();
    c.warranty = WarrantyDecision{};
    c.warranty->covered = true;
    c.due = *parseDate("2026-11-27");
    appendEvent(c, "inform");
    queueNews(c, t, via);
    if (via == "phone") {
      EXPECT_TRUE(c.newMessages.empty()) << "a phone call is only recorded";
      continue;
    }
    ASSERT_EQ(c.newMessages.size(), 1u) << via;
    EXPECT_EQ(c.newMessages[0].channel, via);
    EXPECT_EQ(c.newMessages[0].eventPosition, 1u);
    EXPECT_NE(c.newMessages[0].text.find("2026-11-27"), std::string::npos) << c.newMessages[0].text;
  }
}

TEST(Outbox, InformTellsTheOpenQuoteAndItsAmount) {
  const MessageTexts t = texts("en");
  RepairCase c = registered();
  c.warranty = WarrantyDecision{};
  c.quoteOre = 129950;
  c.status = CaseStatus::AwaitingCustomer;
  appendEvent(c, "inform");
  queueNews(c, t, "sms");
  ASSERT_EQ(c.newMessages.size(), 1u);
  EXPECT_NE(c.newMessages[0].text.find("NOK 1299.5"), std::string::npos) << c.newMessages[0].text;

  RepairCase notCovered = registered();
  notCovered.warranty = WarrantyDecision{};
  appendEvent(notCovered, "inform");
  queueNews(notCovered, t, "email");
  addressNewMessages(notCovered);
  ASSERT_EQ(notCovered.newMessages.size(), 1u);
  EXPECT_EQ(notCovered.newMessages[0].text.find("{"), std::string::npos) << notCovered.newMessages[0].text;
  EXPECT_NE(notCovered.newMessages[0].text.find("not covered"), std::string::npos);
}

TEST(Outbox, ShipQueuesTheTrackingMessage) {
  const MessageTexts t = texts();
  RepairCase c = registered();
  c.carrier = "Posten";
  c.tracking = "70712345";
  appendEvent(c, "ship");
  queueTracking(c, t);
  ASSERT_EQ(c.newMessages.size(), 2u);
  for (const auto& m : c.newMessages) {
    EXPECT_NE(m.text.find("70712345"), std::string::npos) << m.text;
    EXPECT_NE(m.text.find("Posten"), std::string::npos) << m.text;
  }
}

TEST(Outbox, ReferencesAreStableAndUniqueAndTheNumberIsFilledIn) {
  const MessageTexts t = texts();
  RepairCase c = registered();
  queueReceipt(c, t);
  c.carrier = "Posten";
  c.tracking = "1";
  appendEvent(c, "ship");
  queueTracking(c, t);
  addressNewMessages(c);
  std::set<std::string> references;
  for (const auto& m : c.newMessages) {
    EXPECT_EQ(m.caseNumber, "M6EM-XNNN");
    EXPECT_EQ(m.reference, outboxReference("M6EM-XNNN", m.eventPosition, m.channel));
    EXPECT_EQ(m.text.find("{number}"), std::string::npos) << m.text;
    EXPECT_NE(m.text.find("M6EM-XNNN"), std::string::npos) << m.text;
    references.insert(m.reference);
  }
  EXPECT_EQ(references.size(), c.newMessages.size());
  EXPECT_EQ(c.newMessages[0].reference, "M6EM-XNNN-0-sms");
  EXPECT_EQ(c.newMessages[3].reference, "M6EM-XNNN-1-email");
  // Addressing again changes nothing: the reference is the same on every attempt.
  const auto before = c.newMessages;
  addressNewMessages(c);
  for (std::size_t i = 0; i < before.size(); ++i) EXPECT_EQ(c.newMessages[i].reference, before[i].reference);
}

TEST(Outbox, StatusNamesRoundTrip) {
  for (const auto s : {OutboxStatus::Queued, OutboxStatus::Sending, OutboxStatus::Delivered, OutboxStatus::Failed}) {
    EXPECT_EQ(parseOutboxStatus(outboxStatusName(s)), s);
  }
  EXPECT_FALSE(parseOutboxStatus("lost"));
}

TEST(Outbox, RelayTimesPrintAsUtcWithMillisecondsAndZeroAsNothing) {
  EXPECT_EQ(formatUtcMs(0), "");
  EXPECT_EQ(formatUtcMs(1), "1970-01-01T00:00:00.001Z");
  EXPECT_EQ(formatUtcMs(1795939201500), "2026-11-29T08:00:01.500Z");
}

}  // namespace
}  // namespace kiosk::test
