// StaffService's rules over the test doubles of its ports (memory_staff_store.hpp): adding
// accounts, sign-in verdicts, five wrong PINs in a row lock, a right PIN and an admin's unlock
// start the count again, disabled accounts never sign in, and who --staff may name. The same
// rules on the real stores: tests/store/staff_contract_test.cpp.
#include "workflow/staff_service.hpp"

#include <gtest/gtest.h>

#include "tests/workflow/memory_staff_store.hpp"

namespace kiosk::test {
namespace {

constexpr std::int64_t kNow = 1'790'000'000'000;  // a UTC millisecond in 2026
constexpr std::int64_t kMinute = 60'000;
constexpr std::string_view kPin = "246810";
constexpr std::string_view kWrong = "135799";

class StaffServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(service.add("Kari", "technician", kPin)); }

  SignInAnswer signIn(std::string_view pin, std::int64_t at = kNow, std::string_view name = "Kari") {
    const auto answer = service.signIn(name, pin, at);
    EXPECT_TRUE(answer) << answer.error().message;
    return answer.value_or(SignInAnswer{});
  }

  MemoryStaffStore store;
  TableHasher hasher;
  StaffService service{store, hasher};
};

TEST_F(StaffServiceTest, AddKeepsTheNameRoleAndOnlyAHashOfThePin) {
  const auto added = service.add("  Per Hansen ", "Admin", "00112233");
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->name, "Per Hansen");
  EXPECT_EQ(added->role, StaffRole::Admin);
  EXPECT_FALSE(added->disabled);
  EXPECT_EQ(added->failedPins, 0);
  const std::string hash = store.hashOf("Per Hansen");
  EXPECT_EQ(hash.find("00112233"), std::string::npos);
  const auto listed = service.list();
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2U);
}

TEST_F(StaffServiceTest, AddRefusesATakenNameInAnyLetterCase) {
  for (const char* name : {"Kari", "KARI", " kari "}) {
    const auto again = service.add(name, "counter", "999999");
    ASSERT_FALSE(again) << name;
    EXPECT_EQ(again.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(again.error().field, "name");
  }
}

TEST_F(StaffServiceTest, AddNamesTheFieldAtFaultAndWritesNothing) {
  struct Case {
    const char* name;
    const char* role;
    const char* pin;
    const char* field;
  };
  for (const Case c : {Case{"", "counter", "123456", "name"}, Case{"Ola", "boss", "123456", "role"},
                       Case{"Ola", "counter", "12345", "pin"}, Case{"Ola", "counter", "abcdef", "pin"},
                       Case{"Ola", "counter", "", "pin"}}) {
    const auto added = service.add(c.name, c.role, c.pin);
    ASSERT_FALSE(added) << c.field;
    EXPECT_EQ(added.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(added.error().field, c.field);
  }
  EXPECT_EQ(service.list()->size(), 1U);
}

TEST_F(StaffServiceTest, TheRightPinSignsInWithTheRole) {
  const SignInAnswer ok = signIn(kPin);
  EXPECT_EQ(ok.verdict, SignInVerdict::Ok);
  ASSERT_TRUE(ok.member);
  EXPECT_EQ(ok.member->name, "Kari");
  EXPECT_EQ(ok.member->role, StaffRole::Technician);
  EXPECT_EQ(ok.member->failedPins, 0);
  EXPECT_EQ(signIn(kPin, kNow, "kari").verdict, SignInVerdict::Ok) << "names in any letter case";
}

TEST_F(StaffServiceTest, AWrongPinSaysHowManyAreLeft) {
  const SignInAnswer wrong = signIn(kWrong);
  EXPECT_EQ(wrong.verdict, SignInVerdict::WrongPin);
  EXPECT_EQ(wrong.pinsLeft, 4);
  EXPECT_FALSE(wrong.lockedUntilMs);
  EXPECT_EQ(signIn(kWrong).pinsLeft, 3);
}

TEST_F(StaffServiceTest, FiveWrongPinsInARowLockForFifteenMinutesEvenTheRightPin) {
  for (int i = 1; i < 5; ++i) EXPECT_EQ(signIn(kWrong, kNow + i).verdict, SignInVerdict::WrongPin) << i;
  const SignInAnswer fifth = signIn(kWrong, kNow + 5);
  EXPECT_EQ(fifth.verdict, SignInVerdict::Locked) << "the fifth wrong PIN is answered with the lock";
  EXPECT_EQ(fifth.lockedUntilMs, kNow + 5 + 15 * kMinute);
  const int judged = hasher.judged;
  const SignInAnswer right = signIn(kPin, kNow + 14 * kMinute);
  EXPECT_EQ(right.verdict, SignInVerdict::Locked);
  EXPECT_EQ(right.lockedUntilMs, fifth.lockedUntilMs) << "attempts while locked do not move the lock";
  EXPECT_EQ(hasher.judged, judged) << "no PIN is judged while the account is locked";
  EXPECT_EQ(signIn(kPin, kNow + 5 + 15 * kMinute).verdict, SignInVerdict::Ok) << "the lock ends on time";
}

TEST_F(StaffServiceTest, ARightPinAsTheFifthAttemptSignsInAndStartsTheCountAgain) {
  for (int i = 0; i < 4; ++i) (void)signIn(kWrong);
  EXPECT_EQ(signIn(kPin).verdict, SignInVerdict::Ok);
  for (int i = 1; i < 5; ++i) EXPECT_EQ(signIn(kWrong).verdict, SignInVerdict::WrongPin) << i;
  EXPECT_EQ(signIn(kWrong).verdict, SignInVerdict::Locked);
}

TEST_F(StaffServiceTest, AfterALockEndsTheCountStartsAgain) {
  for (int i = 0; i < 5; ++i) (void)signIn(kWrong);
  const SignInAnswer after = signIn(kWrong, kNow + 15 * kMinute);
  EXPECT_EQ(after.verdict, SignInVerdict::WrongPin);
  EXPECT_EQ(after.pinsLeft, 4);
}

TEST_F(StaffServiceTest, AnAdminUnlocksALockedAccount) {
  for (int i = 0; i < 5; ++i) (void)signIn(kWrong);
  ASSERT_EQ(signIn(kPin).verdict, SignInVerdict::Locked);
  const auto unlocked = service.unlock("kari");
  ASSERT_TRUE(unlocked) << unlocked.error().message;
  EXPECT_EQ(unlocked->failedPins, 0);
  EXPECT_FALSE(unlocked->lockedUntilMs);
  EXPECT_EQ(signIn(kPin).verdict, SignInVerdict::Ok);
}

TEST_F(StaffServiceTest, TheLockFollowsThePolicy) {
  StaffService strict(store, hasher, PinLockPolicy{3, 2 * kMinute});
  for (int i = 0; i < 2; ++i) EXPECT_EQ(strict.signIn("Kari", kWrong, kNow)->verdict, SignInVerdict::WrongPin);
  const auto third = strict.signIn("Kari", kWrong, kNow);
  EXPECT_EQ(third->verdict, SignInVerdict::Locked);
  EXPECT_EQ(third->lockedUntilMs, kNow + 2 * kMinute);
  EXPECT_EQ(strict.signIn("Kari", kPin, kNow + 2 * kMinute)->verdict, SignInVerdict::Ok);
}

TEST_F(StaffServiceTest, ADisabledAccountNeverSignsInAndIsNotCounted) {
  ASSERT_TRUE(service.disable("Kari"));
  const int judged = hasher.judged;
  for (int i = 0; i < 7; ++i) EXPECT_EQ(signIn(kPin).verdict, SignInVerdict::Disabled);
  EXPECT_EQ(hasher.judged, judged);
  const auto enabled = service.enable("Kari");
  ASSERT_TRUE(enabled);
  EXPECT_EQ(enabled->failedPins, 0);
  EXPECT_EQ(signIn(kPin).verdict, SignInVerdict::Ok);
}

TEST_F(StaffServiceTest, AnUnknownNameIsUnknown) {
  const SignInAnswer unknown = signIn(kPin, kNow, "Nobody");
  EXPECT_EQ(unknown.verdict, SignInVerdict::Unknown);
  EXPECT_FALSE(unknown.member);
}

TEST_F(StaffServiceTest, AMalformedPinIsBadInputAndNotCounted) {
  for (const char* pin : {"12345", "abcdef", ""}) {
    const auto answer = service.signIn("Kari", pin, kNow);
    ASSERT_FALSE(answer) << pin;
    EXPECT_EQ(answer.error().field, "pin");
  }
  EXPECT_EQ(service.find("Kari")->failedPins, 0);
}

TEST_F(StaffServiceTest, DisableEnableAndUnlockNameAnUnknownAccount) {
  for (const auto& run : {&StaffService::disable, &StaffService::enable, &StaffService::unlock, &StaffService::find}) {
    const auto changed = (service.*run)("Nobody");
    ASSERT_FALSE(changed);
    EXPECT_EQ(changed.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(changed.error().field, "name");
    EXPECT_NE(changed.error().message.find("Nobody"), std::string::npos);
  }
}

TEST_F(StaffServiceTest, AMemberChangesTheirPinWithTheCurrentOne) {
  const auto changed = service.changePin("kari", "97531864", "KARI", kPin, kNow);
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(changed->verdict, SignInVerdict::Ok);
  EXPECT_EQ(changed->member->name, "Kari");
  EXPECT_EQ(store.hashOf("Kari").find("97531864"), std::string::npos) << "only a hash is stored";
  EXPECT_EQ(signIn(kPin).verdict, SignInVerdict::WrongPin);
  EXPECT_EQ(signIn("97531864").verdict, SignInVerdict::Ok);
}

TEST_F(StaffServiceTest, AWrongCurrentPinChangesNothingAndCountsTowardTheLock) {
  const std::string before = store.hashOf("Kari");
  for (int i = 1; i <= 4; ++i) {
    const auto answer = service.changePin("Kari", "97531864", "Kari", kWrong, kNow);
    ASSERT_TRUE(answer) << answer.error().message;
    EXPECT_EQ(answer->verdict, SignInVerdict::WrongPin) << i;
    EXPECT_EQ(answer->pinsLeft, 5 - i);
  }
  EXPECT_EQ(service.changePin("Kari", "97531864", "Kari", kWrong, kNow)->verdict, SignInVerdict::Locked);
  EXPECT_EQ(service.changePin("Kari", "97531864", "Kari", kPin, kNow)->verdict, SignInVerdict::Locked);
  EXPECT_EQ(store.hashOf("Kari"), before);
}

TEST_F(StaffServiceTest, AnAdminSetsAnotherMembersPinAndEndsTheirLock) {
  ASSERT_TRUE(service.add("Anne", "admin", "11223344"));
  for (int i = 0; i < 5; ++i) (void)signIn(kWrong);
  const auto changed = service.changePin("Kari", "97531864", "Anne", "11223344", kNow);
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(changed->verdict, SignInVerdict::Ok);
  EXPECT_EQ(changed->member->name, "Kari");
  EXPECT_EQ(changed->member->failedPins, 0);
  EXPECT_FALSE(changed->member->lockedUntilMs);
  EXPECT_EQ(signIn("97531864").verdict, SignInVerdict::Ok);
}

TEST_F(StaffServiceTest, OnlyTheMemberOrAnAdminChangesAPin) {
  ASSERT_TRUE(service.add("Per", "counter", "11223344"));
  const std::string before = store.hashOf("Kari");
  const auto refusedChange = service.changePin("Kari", "97531864", "Per", "11223344", kNow);
  ASSERT_FALSE(refusedChange);
  EXPECT_EQ(refusedChange.error().kind, ErrorKind::Refused);
  EXPECT_NE(refusedChange.error().message.find("admin"), std::string::npos);
  EXPECT_EQ(store.hashOf("Kari"), before);
}

TEST_F(StaffServiceTest, ABadNewPinOrUnknownMemberIsBadInputAndNothingIsCounted) {
  const int judgedBefore = hasher.judged;
  const auto shortPin = service.changePin("Kari", "123", "Kari", kPin, kNow);
  ASSERT_FALSE(shortPin);
  EXPECT_EQ(shortPin.error().field, "new-pin");
  EXPECT_EQ(shortPin.error().message.find("123"), std::string::npos) << "the PIN is never quoted";
  const auto nobody = service.changePin("Nobody", "97531864", "Kari", kPin, kNow);
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().field, "name");
  EXPECT_EQ(hasher.judged, judgedBefore);
  EXPECT_EQ((*store.findStaff("Kari"))->failedPins, 0);
}

TEST(StaffAttribution, WithNoAccountsAnyNameIsTakenAsGiven) {
  MemoryStaffStore store;
  TableHasher hasher;
  StaffService service(store, hasher);
  EXPECT_EQ(service.attributedName("station:ola"), "station:ola");
  EXPECT_EQ(service.attributedName("Whoever"), "Whoever");
}

TEST_F(StaffServiceTest, WithAccountsOnlyAnEnabledOneIsAttributedAsStored) {
  EXPECT_EQ(service.attributedName("kari"), "Kari");
  const auto unknown = service.attributedName("Nobody");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ErrorKind::BadInput);
  EXPECT_EQ(unknown.error().field, "staff");
  ASSERT_TRUE(service.disable("Kari"));
  const auto disabled = service.attributedName("Kari");
  ASSERT_FALSE(disabled);
  EXPECT_EQ(disabled.error().field, "staff");
  EXPECT_NE(disabled.error().message.find("disabled"), std::string::npos);
  // Locked is about PINs: --staff asks for none, so a locked account still names its events.
  ASSERT_TRUE(service.enable("Kari"));
  for (int i = 0; i < 5; ++i) (void)signIn(kWrong);
  EXPECT_EQ(service.attributedName("Kari"), "Kari");
}

TEST_F(StaffServiceTest, OnlyAnAdminChangesStaffAccountsOnceAnyExists) {
  const auto technician = service.adminName("Kari");
  ASSERT_FALSE(technician);
  EXPECT_EQ(technician.error().kind, ErrorKind::Refused);
  EXPECT_NE(technician.error().message.find("only an admin"), std::string::npos);
  ASSERT_TRUE(service.add("Anne", "admin", "112233"));
  EXPECT_EQ(service.adminName("anne"), "Anne");
  EXPECT_EQ(service.adminName("Nobody").error().field, "staff");
  ASSERT_TRUE(service.disable("Anne"));
  EXPECT_EQ(service.adminName("Anne").error().kind, ErrorKind::BadInput);

  MemoryStaffStore empty;
  StaffService fresh(empty, hasher);
  EXPECT_EQ(fresh.adminName("station:ola"), "station:ola") << "no accounts yet: as before";
}

TEST(StaffLock, AnEndedLockIsNoLock) {
  StaffMember m;
  EXPECT_FALSE(isLocked(m, kNow));
  m.lockedUntilMs = kNow + 1;
  EXPECT_TRUE(isLocked(m, kNow));
  EXPECT_FALSE(isLocked(m, kNow + 1));
}

// An AuditLog that keeps its entries in memory, or refuses every append.
class MemoryAuditLog final : public AuditLog {
 public:
  Result<AuditEntry> appendAuditEntry(AuditEntry entry) override {
    if (refuse) return storageError("the audit log cannot be written");
    entry.seq = static_cast<std::int64_t>(entries.size()) + 1;
    entries.push_back(entry);
    return entry;
  }
  Result<std::vector<AuditEntry>> listAuditEntries(std::int64_t, std::size_t) override { return entries; }
  std::vector<AuditEntry> entries;
  bool refuse = false;
};

TEST(StaffServiceAuditTest, EverySignInIsLoggedWithItsVerdictAndNeverThePin) {
  MemoryStaffStore store;
  TableHasher hasher;
  MemoryAuditLog log;
  StaffService service(store, hasher, PinLockPolicy{2, 15 * kMinute}, &log);
  ASSERT_TRUE(service.add("Kari", "technician", kPin));
  ASSERT_TRUE(service.add("Per", "counter", kPin));
  ASSERT_TRUE(service.disable("Per"));
  EXPECT_TRUE(log.entries.empty()) << "account changes are not sign-ins";
  ASSERT_EQ(service.signIn("kari", kPin, kNow)->verdict, SignInVerdict::Ok);
  ASSERT_EQ(service.signIn("Kari", kWrong, kNow + 1)->verdict, SignInVerdict::WrongPin);
  ASSERT_EQ(service.signIn("Kari", kWrong, kNow + 2)->verdict, SignInVerdict::Locked);
  ASSERT_EQ(service.signIn("Kari", kPin, kNow + 3)->verdict, SignInVerdict::Locked);
  ASSERT_EQ(service.signIn("Per", kPin, kNow + 4)->verdict, SignInVerdict::Disabled);
  ASSERT_EQ(service.signIn("Nobody Here", kPin, kNow + 5)->verdict, SignInVerdict::Unknown);
  EXPECT_FALSE(service.signIn("Kari", "12", kNow + 6)) << "a malformed PIN is bad input";
  ASSERT_EQ(log.entries.size(), 6U) << "bad input reaches no account and is not a sign-in";
  const std::vector<std::string> details = {"ok", "wrong-pin", "locked", "locked", "disabled", "unknown"};
  for (std::size_t i = 0; i < details.size(); ++i) {
    const AuditEntry& e = log.entries[i];
    EXPECT_EQ(e.kind, "sign-in");
    EXPECT_EQ(e.detail, details[i]) << i;
    EXPECT_EQ(e.atMs, kNow + static_cast<std::int64_t>(i));
    for (const std::string* text : {&e.staff, &e.subject, &e.detail}) {
      EXPECT_EQ(text->find(std::string(kPin)), std::string::npos);
      EXPECT_EQ(text->find(std::string(kWrong)), std::string::npos);
    }
  }
  EXPECT_EQ(log.entries[0].subject, "Kari") << "the name as stored";
  EXPECT_EQ(log.entries[4].subject, "Per");
  EXPECT_EQ(log.entries[5].subject, "") << "a name that is no account is not written down";
}

TEST(StaffServiceAuditTest, ASignInThatCannotBeLoggedIsAStorageError) {
  MemoryStaffStore store;
  TableHasher hasher;
  MemoryAuditLog log;
  StaffService service(store, hasher, PinLockPolicy{}, &log);
  ASSERT_TRUE(service.add("Kari", "technician", kPin));
  log.refuse = true;
  const auto answer = service.signIn("Kari", kPin, kNow);
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().kind, ErrorKind::Storage);
}

}  // namespace
}  // namespace kiosk::test
