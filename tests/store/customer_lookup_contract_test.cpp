// Customer codes and the lookup lockout, held against every store (store_factories.hpp): every
// case gets its own code at creation and keeps it; wrong codes are counted per case number
// (unknown numbers too) without touching the case; the count locks at its limit, ends with the
// lock, starts again after a right code, and is shared by every connection. Then the workflow's
// CustomerLookup over the same stores: right, wrong, unknown and locked.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/case_number.hpp"
#include "workflow/customer_code.hpp"
#include "workflow/customer_lookup.hpp"

namespace kiosk::test {
namespace {

constexpr std::int64_t kNow = 1'790'000'000'000;  // a UTC millisecond in 2026
constexpr std::int64_t kMinute = 60'000;

// A code that is not `code` (its first symbol moved on by one).
std::string otherCode(const std::string& code) {
  std::string other = code;
  const auto at = kCaseNumberAlphabet.find(other[0]);
  other[0] = kCaseNumberAlphabet[(at + 1) % kCaseNumberAlphabet.size()];
  return other;
}

class CustomerLookupContract : public StoreContractTest {
 protected:
  [[nodiscard]] CodeAttempt attempt(const std::string& number, std::int64_t nowMs, CodeAttemptPolicy policy = {}) {
    const auto counted = store().beginCodeAttempt(number, policy, nowMs);
    EXPECT_TRUE(counted) << counted.error().message;
    return counted.value_or(CodeAttempt{});
  }
};

TEST_P(CustomerLookupContract, EveryNewCaseGetsACodeOfItsOwnThatItKeeps) {
  std::set<std::string> codes;
  for (int i = 0; i < 5; ++i) {
    const RepairCase c = created(draftCase("SERIAL" + std::to_string(i)));
    EXPECT_TRUE(isCustomerCode(c.customerCode)) << "'" << c.customerCode << "'";
    codes.insert(c.customerCode);
    const auto loaded = store().load(c.number);
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_EQ(loaded->customerCode, c.customerCode);
  }
  EXPECT_EQ(codes.size(), 5U);
}

TEST_P(CustomerLookupContract, ACodeTheDraftBringsIsReplacedByADrawnOne) {
  RepairCase draft = draftCase("SERIAL1");
  draft.customerCode = "00000000";
  const RepairCase c = created(draft);
  EXPECT_NE(c.customerCode, "00000000");
  EXPECT_TRUE(isCustomerCode(c.customerCode));
}

TEST_P(CustomerLookupContract, AChangeCannotAlterTheCode) {
  const RepairCase c = created(draftCase("SERIAL1"));
  const auto changed = store().update(c.number, [](RepairCase& r) -> Result<void> {
    r.customerCode = otherCode(r.customerCode);
    return {};
  });
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().kind, ErrorKind::Storage);
  EXPECT_EQ(store().load(c.number)->customerCode, c.customerCode);
}

TEST_P(CustomerLookupContract, AnAttemptComesWithTheCasesCode) {
  const RepairCase c = created(draftCase("SERIAL1"));
  const CodeAttempt first = attempt(c.number, kNow);
  EXPECT_TRUE(first.allowed);
  EXPECT_EQ(first.attempts, 1);
  EXPECT_FALSE(first.lockedUntilMs);
  EXPECT_EQ(first.customerCode, c.customerCode);
}

TEST_P(CustomerLookupContract, WrongCodesLockTheNumberAtTheLimitEvenForTheRightOne) {
  const RepairCase c = created(draftCase("SERIAL1"));
  const CodeAttemptPolicy policy{3, 15 * kMinute};
  EXPECT_EQ(attempt(c.number, kNow, policy).attempts, 1);
  EXPECT_EQ(attempt(c.number, kNow + 1, policy).attempts, 2);
  const CodeAttempt third = attempt(c.number, kNow + 2, policy);
  EXPECT_TRUE(third.allowed) << "the attempt that reaches the limit is still judged";
  EXPECT_EQ(third.attempts, 3);
  ASSERT_TRUE(third.lockedUntilMs);
  EXPECT_EQ(*third.lockedUntilMs, kNow + 2 + 15 * kMinute);
  for (int i = 0; i < 3; ++i) {
    const CodeAttempt locked = attempt(c.number, kNow + 10 + i, policy);
    EXPECT_FALSE(locked.allowed);
    EXPECT_EQ(locked.attempts, 4) << "the count stops one past the limit";
    EXPECT_EQ(locked.lockedUntilMs, third.lockedUntilMs) << "attempts while locked do not move the lock";
  }
}

TEST_P(CustomerLookupContract, TheLockEndsAfterItsTimeAndTheCountStartsAgain) {
  const RepairCase c = created(draftCase("SERIAL1"));
  const CodeAttemptPolicy policy{2, 15 * kMinute};
  (void)attempt(c.number, kNow, policy);
  const CodeAttempt limit = attempt(c.number, kNow, policy);
  ASSERT_TRUE(limit.lockedUntilMs);
  EXPECT_FALSE(attempt(c.number, kNow + 15 * kMinute - 1, policy).allowed);
  const CodeAttempt after = attempt(c.number, kNow + 15 * kMinute, policy);
  EXPECT_TRUE(after.allowed);
  EXPECT_EQ(after.attempts, 1);
  EXPECT_FALSE(after.lockedUntilMs);
}

TEST_P(CustomerLookupContract, ARightCodeStartsTheCountAgain) {
  const RepairCase c = created(draftCase("SERIAL1"));
  const CodeAttemptPolicy policy{3, 15 * kMinute};
  (void)attempt(c.number, kNow, policy);
  (void)attempt(c.number, kNow, policy);
  ASSERT_TRUE(store().clearCodeAttempts(c.number));
  const CodeAttempt next = attempt(c.number, kNow, policy);
  EXPECT_EQ(next.attempts, 1);
  EXPECT_FALSE(next.lockedUntilMs);
  EXPECT_TRUE(store().clearCodeAttempts(formatCaseNumber(4242))) << "nothing to clear is no error";
}

TEST_P(CustomerLookupContract, CountingIsNoChangeToTheCase) {
  const RepairCase c = created(draftCase("SERIAL1"));
  for (int i = 0; i < 12; ++i) (void)attempt(c.number, kNow + i);
  ASSERT_TRUE(store().clearCodeAttempts(c.number));
  const auto loaded = store().load(c.number);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->version, c.version);
  EXPECT_EQ(loaded->events.size(), c.events.size());
  // A step read before the counting is saved without a conflict.
  const auto stepped = store().update(c.number, [](RepairCase& r) -> Result<void> {
    r.events.push_back(CaseEvent{at("2026-11-25T08:00:00"), "per", "diagnosed", "fan"});
    return {};
  });
  ASSERT_TRUE(stepped) << stepped.error().message;
  EXPECT_EQ(stepped->version, c.version + 1);
}

TEST_P(CustomerLookupContract, NumbersNoCaseHasAreCountedAndLockedAlike) {
  const std::string unknown = formatCaseNumber(4242);
  const CodeAttemptPolicy policy{2, 15 * kMinute};
  const CodeAttempt first = attempt(unknown, kNow, policy);
  EXPECT_TRUE(first.allowed);
  EXPECT_EQ(first.customerCode, "");
  EXPECT_TRUE(attempt(unknown, kNow, policy).lockedUntilMs);
  EXPECT_FALSE(attempt(unknown, kNow, policy).allowed);
}

TEST_P(CustomerLookupContract, EachNumberHasItsOwnCount) {
  const RepairCase a = created(draftCase("SERIAL1"));
  const RepairCase b = created(draftCase("SERIAL2"));
  const CodeAttemptPolicy policy{2, 15 * kMinute};
  (void)attempt(a.number, kNow, policy);
  (void)attempt(a.number, kNow, policy);
  EXPECT_FALSE(attempt(a.number, kNow, policy).allowed);
  const CodeAttempt other = attempt(b.number, kNow, policy);
  EXPECT_TRUE(other.allowed);
  EXPECT_EQ(other.attempts, 1);
}

TEST_P(CustomerLookupContract, TheCountIsSharedByEveryConnectionAndSurvivesAReopen) {
  const RepairCase c = created(draftCase("SERIAL1"));
  const CodeAttemptPolicy policy{5, 15 * kMinute};
  (void)attempt(c.number, kNow, policy);
  auto other = openAnother();
  ASSERT_TRUE(other);
  const auto there = other->beginCodeAttempt(c.number, policy, kNow);
  ASSERT_TRUE(there) << there.error().message;
  EXPECT_EQ(there->attempts, 2);
  reopen();
  EXPECT_EQ(attempt(c.number, kNow, policy).attempts, 3);
}

TEST_P(CustomerLookupContract, AttemptsAtOnceFromManyStationsAreEachCounted) {
  constexpr int kStations = 4;
  constexpr int kEach = 5;
  const RepairCase c = created(draftCase("SERIAL1"));
  const CodeAttemptPolicy policy{100, 15 * kMinute};
  std::vector<std::unique_ptr<CaseDatabase>> stations;
  for (int s = 0; s < kStations; ++s) {
    stations.push_back(openAnother());
    ASSERT_TRUE(stations.back());
  }
  std::vector<std::thread> threads;
  for (auto& station : stations) {
    threads.emplace_back([&station, &c, policy] {
      for (int i = 0; i < kEach; ++i) {
        const auto counted = station->beginCodeAttempt(c.number, policy, kNow);
        EXPECT_TRUE(counted) << counted.error().message;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(attempt(c.number, kNow, policy).attempts, kStations * kEach + 1);
}

// The workflow's lookup over the store.
class CustomerLookupServiceContract : public StoreContractTest {
 protected:
  [[nodiscard]] CustomerLookup lookup(CodeAttemptPolicy policy = {}) { return CustomerLookup(store(), store(), policy); }
};

TEST_P(CustomerLookupServiceContract, TheRightCodeShowsTheStatusAndNothingPersonal) {
  RepairCase draft = fullCase("SERIAL1");
  const RepairCase c = created(draft);
  // As typed at a counter: lower case, with a hyphen and a space.
  std::string typed;
  for (std::size_t i = 0; i < c.customerCode.size(); ++i) {
    typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c.customerCode[i])));
    if (i == 3) typed += "- ";
  }
  const auto answer = lookup().lookUp(c.number, typed, kNow);
  ASSERT_TRUE(answer) << answer.error().message;
  EXPECT_EQ(answer->verdict, LookupVerdict::Found);
  ASSERT_TRUE(answer->status);
  EXPECT_EQ(answer->status->number, c.number);
  EXPECT_EQ(answer->status->status, c.status);
  EXPECT_EQ(answer->status->due, c.due);
  EXPECT_EQ(answer->status->vendor, c.device.vendor);
  EXPECT_EQ(answer->status->family, c.device.family);
}

TEST_P(CustomerLookupServiceContract, AWrongCodeAndAnUnknownNumberGetTheSameAnswer) {
  const RepairCase c = created(draftCase("SERIAL1"));
  const auto wrong = lookup().lookUp(c.number, otherCode(c.customerCode), kNow);
  const auto unknown = lookup().lookUp(formatCaseNumber(4242), c.customerCode, kNow);
  ASSERT_TRUE(wrong) << wrong.error().message;
  ASSERT_TRUE(unknown) << unknown.error().message;
  EXPECT_EQ(wrong->verdict, LookupVerdict::NoMatch);
  EXPECT_EQ(unknown->verdict, LookupVerdict::NoMatch);
  EXPECT_FALSE(wrong->status);
  EXPECT_FALSE(unknown->status);
  EXPECT_FALSE(wrong->lockedUntilMs);
  EXPECT_FALSE(unknown->lockedUntilMs);
  // The stand-in an unknown number is compared with never matches.
  const auto standIn = lookup().lookUp(formatCaseNumber(4243), "00000000", kNow);
  ASSERT_TRUE(standIn);
  EXPECT_EQ(standIn->verdict, LookupVerdict::NoMatch);
}

TEST_P(CustomerLookupServiceContract, TenWrongCodesLockTheCaseEvenForTheRightCode) {
  const RepairCase c = created(draftCase("SERIAL1"));
  const std::string wrong = otherCode(c.customerCode);
  for (int i = 1; i < 10; ++i) {
    const auto answer = lookup().lookUp(c.number, wrong, kNow);
    ASSERT_TRUE(answer) << answer.error().message;
    EXPECT_EQ(answer->verdict, LookupVerdict::NoMatch) << "attempt " << i;
  }
  const auto tenth = lookup().lookUp(c.number, wrong, kNow);
  ASSERT_TRUE(tenth);
  EXPECT_EQ(tenth->verdict, LookupVerdict::Locked) << "the tenth wrong code is answered with the lock";
  EXPECT_EQ(tenth->lockedUntilMs, kNow + 15 * kMinute);
  const auto right = lookup().lookUp(c.number, c.customerCode, kNow + 14 * kMinute);
  ASSERT_TRUE(right);
  EXPECT_EQ(right->verdict, LookupVerdict::Locked);
  EXPECT_FALSE(right->status);
  const auto later = lookup().lookUp(c.number, c.customerCode, kNow + 15 * kMinute);
  ASSERT_TRUE(later);
  EXPECT_EQ(later->verdict, LookupVerdict::Found);
}

TEST_P(CustomerLookupServiceContract, AnUnknownNumberLocksAsACaseDoes) {
  const std::string unknown = formatCaseNumber(4242);
  for (int i = 1; i < 10; ++i) EXPECT_EQ(lookup().lookUp(unknown, "K7M2PX9A", kNow)->verdict, LookupVerdict::NoMatch);
  const auto tenth = lookup().lookUp(unknown, "K7M2PX9A", kNow);
  ASSERT_TRUE(tenth);
  EXPECT_EQ(tenth->verdict, LookupVerdict::Locked);
  EXPECT_EQ(tenth->lockedUntilMs, kNow + 15 * kMinute);
}

TEST_P(CustomerLookupServiceContract, ARightCodeForgetsTheWrongOnesBefore) {
  const RepairCase c = created(draftCase("SERIAL1"));
  for (int i = 0; i < 9; ++i) (void)lookup().lookUp(c.number, otherCode(c.customerCode), kNow);
  ASSERT_EQ(lookup().lookUp(c.number, c.customerCode, kNow)->verdict, LookupVerdict::Found);
  for (int i = 0; i < 9; ++i) {
    EXPECT_EQ(lookup().lookUp(c.number, otherCode(c.customerCode), kNow)->verdict, LookupVerdict::NoMatch);
  }
}

TEST_P(CustomerLookupServiceContract, TheLockFollowsThePolicy) {
  const RepairCase c = created(draftCase("SERIAL1"));
  const CodeAttemptPolicy policy{3, 2 * kMinute};
  for (int i = 0; i < 3; ++i) (void)lookup(policy).lookUp(c.number, otherCode(c.customerCode), kNow);
  EXPECT_EQ(lookup(policy).lookUp(c.number, c.customerCode, kNow + 2 * kMinute - 1)->verdict, LookupVerdict::Locked);
  EXPECT_EQ(lookup(policy).lookUp(c.number, c.customerCode, kNow + 2 * kMinute)->verdict, LookupVerdict::Found);
}

TEST_P(CustomerLookupServiceContract, TypingMistakesAreSaidAndNotCounted) {
  const RepairCase c = created(draftCase("SERIAL1"));
  std::string mistyped = c.number;
  mistyped.back() = mistyped.back() == '0' ? '1' : '0';
  const auto badCheck = lookup().lookUp(mistyped, c.customerCode, kNow);
  ASSERT_FALSE(badCheck);
  EXPECT_EQ(badCheck.error().kind, ErrorKind::BadInput);
  EXPECT_EQ(badCheck.error().field, "case");
  EXPECT_NE(badCheck.error().message.find("check character"), std::string::npos) << badCheck.error().message;

  for (const std::string code : {"K7M2PX9", "K7M2PX9AA", "K7M2PX9!", ""}) {
    const auto badCode = lookup().lookUp(c.number, code, kNow);
    ASSERT_FALSE(badCode) << code;
    EXPECT_EQ(badCode.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(badCode.error().field, "code");
  }
  EXPECT_EQ(store().beginCodeAttempt(c.number, {}, kNow)->attempts, 1) << "none of them was counted";
}

INSTANTIATE_TEST_SUITE_P(Store, CustomerLookupContract, ::testing::ValuesIn(contractBackends()), backendName);
INSTANTIATE_TEST_SUITE_P(Store, CustomerLookupServiceContract, ::testing::ValuesIn(contractBackends()), backendName);

}  // namespace
}  // namespace kiosk::test
