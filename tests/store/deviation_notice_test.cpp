// The deviation notice: a case that will miss its due date tells its customer once, through
// the real service and SQLite store (the sweep's query and its partial index included).
#include <gtest/gtest.h>

#include "support/sample_intake.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/deviation_notice.hpp"

namespace kiosk::test {
namespace {

class DeviationNoticeTest : public MemoryServiceTest {
 protected:
  void SetUp() override {
    MemoryServiceTest::SetUp();
    auto texts = MessageTexts::load(KIOSK_ASSETS_DIR, "nb");
    ASSERT_TRUE(texts) << texts.error().message;
    m_texts = std::make_unique<MessageTexts>(std::move(*texts));
    m_service = std::make_unique<CaseService>(*m_store, *m_vendors, m_texts.get(), &m_vault);
  }

  // A Lenovo report on Tuesday 24 November before 15:30: due on site Wednesday the 25th.
  std::string lenovoDueWednesday(const std::string& serial = "PF2XK9QZ", const std::string& email = "") {
    IntakeForm form = lenovoIntake(serial);
    form.email = email;
    auto c = service().registerCase(form, Actor{"ola", at("2026-11-24T10:00:00")});
    EXPECT_TRUE(c) << c.error().message;
    if (c) {
      EXPECT_EQ(c->due, day("2026-11-25"));
    }
    return c ? c->number : std::string();
  }

  std::vector<std::string> sweep(const char* when) {
    auto noticed = service().noticeDeviations(Actor{"relay", at(when)}, 50);
    EXPECT_TRUE(noticed) << noticed.error().message;
    return noticed ? *noticed : std::vector<std::string>{};
  }

  std::vector<OutboxMessage> deviationMessages(const std::string& number) {
    OutboxQuery q;
    q.caseNumber = number;
    auto all = store().listOutbox(q);
    EXPECT_TRUE(all) << all.error().message;
    auto c = store().load(number);
    EXPECT_TRUE(c) << c.error().message;
    std::vector<OutboxMessage> deviations;
    for (const auto& m : all ? *all : std::vector<OutboxMessage>{}) {
      if (c && c->events.at(m.eventPosition).kind == kDeviationEvent) deviations.push_back(m);
    }
    return deviations;
  }

  std::unique_ptr<MessageTexts> m_texts;
};

TEST_F(DeviationNoticeTest, NothingBeforeTheCutOffOnTheDueDate) {
  const std::string n = lenovoDueWednesday();
  EXPECT_TRUE(sweep("2026-11-24T18:00:00").empty());
  EXPECT_TRUE(sweep("2026-11-25T14:59:00").empty());
  EXPECT_TRUE(deviationMessages(n).empty());
  EXPECT_FALSE(store().load(n)->deviationNoticedAt);
}

TEST_F(DeviationNoticeTest, FromTheCutOffTheCustomerIsToldOnceBySmsAndEmail) {
  const std::string n = lenovoDueWednesday("PF2XK9QZ", "ingrid@example.no");
  EXPECT_EQ(sweep("2026-11-25T15:00:00"), std::vector<std::string>{n});
  EXPECT_TRUE(sweep("2026-11-25T16:00:00").empty());
  EXPECT_TRUE(sweep("2026-11-27T09:00:00").empty());

  const auto c = store().load(n);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->deviationNoticedAt, at("2026-11-25T15:00:00"));
  EXPECT_EQ(c->events.back().kind, kDeviationEvent);
  const auto messages = deviationMessages(n);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].channel, "sms");
  EXPECT_EQ(messages[0].to, "+4798765432");
  EXPECT_EQ(messages[1].channel, "email");
  EXPECT_EQ(messages[1].to, "ingrid@example.no");
  EXPECT_NE(messages[1].subject.find(n), std::string::npos) << messages[1].subject;
  for (const auto& m : messages) {
    EXPECT_NE(m.text.find(n), std::string::npos) << m.text;
    EXPECT_NE(m.text.find("2026-11-25"), std::string::npos) << "the due date missed: " << m.text;
    EXPECT_EQ(m.reference, n + "-" + std::to_string(c->events.size() - 1) + "-" + m.channel);
  }
}

TEST_F(DeviationNoticeTest, AnOverdueCaseIsToldOnTheNextSweepWhateverTheHour) {
  const std::string n = lenovoDueWednesday();
  EXPECT_EQ(sweep("2026-11-26T07:00:00"), std::vector<std::string>{n});
  EXPECT_EQ(deviationMessages(n).size(), 1u);  // no e-mail address: SMS only
}

TEST_F(DeviationNoticeTest, DoneClosedAndUndatedCasesAreNotTold) {
  const std::string visited = lenovoDueWednesday("PF2XK9Q1");
  ASSERT_TRUE(service().dispatch(visited, Actor{"per", at("2026-11-24T11:00:00")}));
  ASSERT_TRUE(service().markRepaired(visited, Actor{"per", at("2026-11-25T12:00:00")}));
  const std::string closed = lenovoDueWednesday("PF2XK9Q2");
  ASSERT_TRUE(service().dispatch(closed, Actor{"per", at("2026-11-24T11:00:00")}));
  ASSERT_TRUE(service().markRepaired(closed, Actor{"per", at("2026-11-24T15:00:00")}));
  ASSERT_TRUE(service().close(closed, "Ingrid", Actor{"per", at("2026-11-24T16:00:00")}));
  auto mac = service().registerCase(macIntake(), Actor{"ola", at("2026-11-20T10:00:00")});
  ASSERT_TRUE(mac) << mac.error().message;  // not informed yet: no due date, nothing to miss

  EXPECT_TRUE(sweep("2026-11-30T10:00:00").empty());
  EXPECT_TRUE(deviationMessages(visited).empty());
  EXPECT_TRUE(deviationMessages(mac->number).empty());
}

TEST_F(DeviationNoticeTest, TheSweepTakesAtMostItsLimitOldestDueFirst) {
  std::vector<std::string> numbers;
  for (int i = 0; i < 5; ++i) numbers.push_back(lenovoDueWednesday("PF2XK9R" + std::to_string(i)));
  auto first = service().noticeDeviations(Actor{"relay", at("2026-11-26T09:00:00")}, 3);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(*first, std::vector<std::string>(numbers.begin(), numbers.begin() + 3));
  auto rest = service().noticeDeviations(Actor{"relay", at("2026-11-26T09:01:00")}, 3);
  ASSERT_TRUE(rest) << rest.error().message;
  EXPECT_EQ(*rest, std::vector<std::string>(numbers.begin() + 3, numbers.end()));
}

TEST_F(DeviationNoticeTest, ADemoCaseIsNoticedOnItsTimelineButItsMadeUpCustomerIsNeverMessaged) {
  IntakeForm form = lenovoIntake();
  form.email = "kunde@example.no";
  form.demo = true;
  auto c = service().registerCase(form, Actor{"demo", at("2026-11-24T10:00:00")});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_TRUE(c->newMessages.empty()) << "no receipt to a made-up customer";
  EXPECT_EQ(sweep("2026-11-26T09:00:00"), std::vector<std::string>{c->number});
  EXPECT_EQ(store().load(c->number)->events.back().kind, kDeviationEvent);
  auto all = store().listOutbox({});
  ASSERT_TRUE(all);
  EXPECT_TRUE(all->empty());
}

}  // namespace
}  // namespace kiosk::test
