// Staff accounts, held against every store (store_factories.hpp): names found in any letter case
// and unique so, the list, disabling, and the count of sign-ins: counted before the PIN is judged,
// not while disabled or locked, locking at its limit, ending with the lock, cleared by a right
// PIN or an unlock, shared by every connection, and each counted when stations sign in at once.
// Then the workflow's StaffService over the same stores.
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <thread>
#include <vector>

#include "tests/store/store_factories.hpp"
#include "workflow/staff_service.hpp"

namespace kiosk::test {
namespace {

constexpr std::int64_t kNow = 1'790'000'000'000;  // a UTC millisecond in 2026
constexpr std::int64_t kMinute = 60'000;

StaffMember member(const std::string& name, StaffRole role = StaffRole::Technician) {
  StaffMember m;
  m.name = name;
  m.role = role;
  return m;
}

class StaffStoreContract : public StoreContractTest {
 protected:
  void add(const std::string& name, StaffRole role = StaffRole::Technician, const std::string& hash = "hash-1") {
    const auto added = store().addStaff(member(name, role), hash);
    ASSERT_TRUE(added) << added.error().message;
    ASSERT_TRUE(*added) << name;
  }
  [[nodiscard]] PinAttempt attempt(const std::string& name, std::int64_t nowMs, PinLockPolicy policy = {}) {
    const auto counted = store().beginPinAttempt(name, policy, nowMs);
    EXPECT_TRUE(counted) << counted.error().message;
    EXPECT_TRUE(counted && *counted) << "no account " << name;
    return counted && *counted ? **counted : PinAttempt{};
  }
};

TEST_P(StaffStoreContract, AnAccountIsFoundByItsNameInAnyLetterCase) {
  add("Øyvind Åsheim", StaffRole::Admin);
  for (const char* name : {"Øyvind Åsheim", "øyvind åsheim", "ØYVIND ÅSHEIM"}) {
    const auto found = store().findStaff(name);
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_TRUE(*found) << name;
    EXPECT_EQ((*found)->name, "Øyvind Åsheim") << "kept as given";
    EXPECT_EQ((*found)->role, StaffRole::Admin);
    EXPECT_FALSE((*found)->disabled);
    EXPECT_EQ((*found)->failedPins, 0);
    EXPECT_FALSE((*found)->lockedUntilMs);
  }
  const auto missing = store().findStaff("Øyvind");
  ASSERT_TRUE(missing);
  EXPECT_FALSE(*missing);
}

TEST_P(StaffStoreContract, ATakenNameIsNotAddedAgainInAnyLetterCase) {
  add("Kari", StaffRole::Technician, "hash-first");
  for (const char* name : {"Kari", "KARI", "kari"}) {
    const auto again = store().addStaff(member(name, StaffRole::Admin), "hash-second");
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_FALSE(*again) << name;
  }
  EXPECT_EQ(attempt("Kari", kNow).pinHash, "hash-first") << "the first account is untouched";
  EXPECT_EQ((*store().findStaff("Kari"))->role, StaffRole::Technician);
  EXPECT_EQ(store().listStaff()->size(), 1U);
}

TEST_P(StaffStoreContract, TheListHasEveryAccountByName) {
  EXPECT_TRUE(store().listStaff()->empty());
  add("per", StaffRole::Counter);
  add("Anne", StaffRole::Admin);
  add("Kari");
  ASSERT_TRUE(store().setStaffDisabled("per", true));
  const auto listed = store().listStaff();
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 3U);
  EXPECT_EQ((*listed)[0].name, "Anne");
  EXPECT_EQ((*listed)[1].name, "Kari");
  EXPECT_EQ((*listed)[2].name, "per");
  EXPECT_EQ((*listed)[0].role, StaffRole::Admin);
  EXPECT_EQ((*listed)[2].role, StaffRole::Counter);
  EXPECT_TRUE((*listed)[2].disabled);
  EXPECT_FALSE((*listed)[1].disabled);
}

TEST_P(StaffStoreContract, DisableAndEnableAnAccount) {
  add("Kari");
  const auto disabled = store().setStaffDisabled("kari", true);
  ASSERT_TRUE(disabled) << disabled.error().message;
  ASSERT_TRUE(*disabled);
  EXPECT_TRUE((*disabled)->disabled);
  EXPECT_TRUE((*store().findStaff("Kari"))->disabled);
  const auto enabled = store().setStaffDisabled("Kari", false);
  ASSERT_TRUE(enabled && *enabled);
  EXPECT_FALSE((*enabled)->disabled);
  const auto unknown = store().setStaffDisabled("Nobody", true);
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(*unknown);
}

TEST_P(StaffStoreContract, AnAttemptIsCountedAndComesWithTheHash) {
  add("Kari", StaffRole::Technician, "$argon2id$stand-in");
  const PinAttempt first = attempt("kari", kNow);
  EXPECT_TRUE(first.allowed);
  EXPECT_EQ(first.pinHash, "$argon2id$stand-in");
  EXPECT_EQ(first.member.name, "Kari");
  EXPECT_EQ(first.member.failedPins, 1);
  EXPECT_FALSE(first.member.lockedUntilMs);
  EXPECT_EQ(attempt("Kari", kNow).member.failedPins, 2);
  EXPECT_EQ((*store().findStaff("Kari"))->failedPins, 2);
  const auto unknown = store().beginPinAttempt("Nobody", {}, kNow);
  ASSERT_TRUE(unknown) << unknown.error().message;
  EXPECT_FALSE(*unknown);
}

TEST_P(StaffStoreContract, TheAttemptThatReachesTheLimitLocksAndLockedAttemptsAreNotCounted) {
  add("Kari");
  const PinLockPolicy policy{3, 15 * kMinute};
  (void)attempt("Kari", kNow, policy);
  (void)attempt("Kari", kNow + 1, policy);
  const PinAttempt third = attempt("Kari", kNow + 2, policy);
  EXPECT_TRUE(third.allowed) << "the attempt that reaches the limit is still judged";
  EXPECT_EQ(third.member.failedPins, 3);
  ASSERT_TRUE(third.member.lockedUntilMs);
  EXPECT_EQ(*third.member.lockedUntilMs, kNow + 2 + 15 * kMinute);
  for (int i = 0; i < 3; ++i) {
    const PinAttempt locked = attempt("Kari", kNow + 10 + i, policy);
    EXPECT_FALSE(locked.allowed);
    EXPECT_EQ(locked.pinHash, "") << "no hash to judge while locked";
    EXPECT_EQ(locked.member.failedPins, 3) << "not counted";
    EXPECT_EQ(locked.member.lockedUntilMs, third.member.lockedUntilMs) << "the lock does not move";
  }
}

TEST_P(StaffStoreContract, TheLockEndsAfterItsTimeAndTheCountStartsAgain) {
  add("Kari");
  const PinLockPolicy policy{2, 15 * kMinute};
  (void)attempt("Kari", kNow, policy);
  ASSERT_TRUE(attempt("Kari", kNow, policy).member.lockedUntilMs);
  EXPECT_FALSE(attempt("Kari", kNow + 15 * kMinute - 1, policy).allowed);
  const PinAttempt after = attempt("Kari", kNow + 15 * kMinute, policy);
  EXPECT_TRUE(after.allowed);
  EXPECT_EQ(after.member.failedPins, 1);
  EXPECT_FALSE(after.member.lockedUntilMs);
}

TEST_P(StaffStoreContract, ADisabledAccountIsNotCounted) {
  add("Kari");
  (void)attempt("Kari", kNow);
  ASSERT_TRUE(store().setStaffDisabled("Kari", true));
  for (int i = 0; i < 6; ++i) {
    const PinAttempt refused = attempt("Kari", kNow);
    EXPECT_FALSE(refused.allowed);
    EXPECT_TRUE(refused.member.disabled);
    EXPECT_EQ(refused.pinHash, "");
    EXPECT_EQ(refused.member.failedPins, 1);
  }
}

TEST_P(StaffStoreContract, ClearingForgetsTheWrongPinsAndEndsTheLock) {
  add("Kari");
  const PinLockPolicy policy{2, 15 * kMinute};
  (void)attempt("Kari", kNow, policy);
  (void)attempt("Kari", kNow, policy);
  ASSERT_FALSE(attempt("Kari", kNow, policy).allowed);
  const auto cleared = store().clearPinFailures("KARI");
  ASSERT_TRUE(cleared) << cleared.error().message;
  ASSERT_TRUE(*cleared);
  EXPECT_EQ((*cleared)->failedPins, 0);
  EXPECT_FALSE((*cleared)->lockedUntilMs);
  const PinAttempt next = attempt("Kari", kNow, policy);
  EXPECT_TRUE(next.allowed);
  EXPECT_EQ(next.member.failedPins, 1);
  const auto unknown = store().clearPinFailures("Nobody");
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(*unknown);
}

TEST_P(StaffStoreContract, ANewPinHashReplacesTheOldStartsTheCountAgainAndEndsTheLock) {
  add("Kari", StaffRole::Technician, "hash-old");
  add("Per", StaffRole::Counter, "hash-per");
  const PinLockPolicy policy{2, 15 * kMinute};
  (void)attempt("Kari", kNow, policy);
  (void)attempt("Kari", kNow, policy);
  ASSERT_FALSE(attempt("Kari", kNow, policy).allowed);
  ASSERT_TRUE(store().setStaffDisabled("Kari", true));
  const auto changed = store().setStaffPinHash("KARI", "hash-new");
  ASSERT_TRUE(changed) << changed.error().message;
  ASSERT_TRUE(*changed);
  EXPECT_EQ((*changed)->name, "Kari");
  EXPECT_EQ((*changed)->failedPins, 0);
  EXPECT_FALSE((*changed)->lockedUntilMs);
  EXPECT_TRUE((*changed)->disabled) << "a new PIN does not enable an account";
  ASSERT_TRUE(store().setStaffDisabled("Kari", false));
  const PinAttempt next = attempt("Kari", kNow, policy);
  EXPECT_TRUE(next.allowed);
  EXPECT_EQ(next.pinHash, "hash-new");
  EXPECT_EQ(attempt("Per", kNow, policy).pinHash, "hash-per") << "only Kari's hash changed";
  // Seen by another connection.
  auto other = openAnother();
  ASSERT_TRUE(other);
  EXPECT_EQ((*other->beginPinAttempt("kari", policy, kNow))->pinHash, "hash-new");
  const auto unknown = store().setStaffPinHash("Nobody", "hash-x");
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(*unknown);
  const auto listed = store().listStaff();
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->size(), 2U) << "no account made for an unknown name";
}

TEST_P(StaffStoreContract, AccountsAndTheirCountsAreSharedByEveryConnectionAndSurviveAReopen) {
  add("Kari");
  (void)attempt("Kari", kNow);
  auto other = openAnother();
  ASSERT_TRUE(other);
  const auto there = other->beginPinAttempt("Kari", {}, kNow);
  ASSERT_TRUE(there && *there);
  EXPECT_EQ((*there)->member.failedPins, 2);
  ASSERT_TRUE(other->setStaffDisabled("Kari", true));
  reopen();
  const auto found = store().findStaff("Kari");
  ASSERT_TRUE(found && *found);
  EXPECT_TRUE((*found)->disabled);
  EXPECT_EQ((*found)->failedPins, 2);
}

// Stations signing one account in at once: each attempt is counted, and never more than the
// limit are let through to be judged in one lock.
void signInAtOnce(const std::function<std::unique_ptr<CaseDatabase>()>& open,
                  const PinLockPolicy& policy, int stations, int each, std::atomic<int>& allowed) {
  std::vector<std::unique_ptr<CaseDatabase>> connections;
  for (int s = 0; s < stations; ++s) {
    connections.push_back(open());
    ASSERT_TRUE(connections.back());
  }
  std::vector<std::thread> threads;
  for (auto& station : connections) {
    threads.emplace_back([&station, &policy, &allowed, each] {
      for (int i = 0; i < each; ++i) {
        const auto counted = station->beginPinAttempt("Kari", policy, kNow);
        EXPECT_TRUE(counted && *counted) << (counted ? "no account" : counted.error().message);
        if (counted && *counted && (*counted)->allowed) ++allowed;
      }
    });
  }
  for (auto& thread : threads) thread.join();
}

TEST_P(StaffStoreContract, AttemptsAtOnceFromManyStationsAreEachCounted) {
  add("Kari");
  std::atomic<int> allowed{0};
  signInAtOnce([this] { return openAnother(); }, PinLockPolicy{100, 15 * kMinute}, 4, 5, allowed);
  EXPECT_EQ(allowed.load(), 20);
  EXPECT_EQ((*store().findStaff("Kari"))->failedPins, 20);
}

TEST_P(StaffStoreContract, AttemptsAtOnceFromManyStationsNeverGetPastTheLimit) {
  add("Kari");
  std::atomic<int> allowed{0};
  signInAtOnce([this] { return openAnother(); }, PinLockPolicy{5, 15 * kMinute}, 4, 6, allowed);
  EXPECT_EQ(allowed.load(), 5) << "exactly five PINs may be judged before the lock";
  const auto found = store().findStaff("Kari");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->failedPins, 5);
  EXPECT_EQ((*found)->lockedUntilMs, kNow + 15 * kMinute);
}

// A cheap stand-in for Argon2id (crypto_tests hold the real one): the store sees a hash that
// holds no PIN text, and judging is counted. Safe from several threads.
class CountingHasher final : public PinHasher {
 public:
  Result<std::string> hashPin(std::string_view pin) override {
    return "test$" + std::to_string(std::hash<std::string_view>{}(pin));
  }
  bool pinMatches(std::string_view hash, std::string_view pin) override {
    ++judged;
    return hash == *hashPin(pin);
  }
  std::atomic<int> judged{0};
};

class StaffServiceContract : public StoreContractTest {
 protected:
  CountingHasher hasher;
};

TEST_P(StaffServiceContract, FiveWrongPinsLockAndAnAdminUnlocks) {
  StaffService staff(store(), hasher);
  ASSERT_TRUE(staff.add("Kari", "technician", "246810"));
  for (int i = 1; i < 5; ++i) EXPECT_EQ(staff.signIn("Kari", "135799", kNow)->verdict, SignInVerdict::WrongPin) << i;
  const auto fifth = staff.signIn("Kari", "135799", kNow);
  ASSERT_TRUE(fifth) << fifth.error().message;
  EXPECT_EQ(fifth->verdict, SignInVerdict::Locked);
  EXPECT_EQ(fifth->lockedUntilMs, kNow + 15 * kMinute);
  EXPECT_EQ(staff.signIn("Kari", "246810", kNow + 14 * kMinute)->verdict, SignInVerdict::Locked);
  ASSERT_TRUE(staff.unlock("Kari"));
  const auto ok = staff.signIn("kari", "246810", kNow + 14 * kMinute);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->verdict, SignInVerdict::Ok);
  ASSERT_TRUE(ok->member);
  EXPECT_EQ(ok->member->role, StaffRole::Technician);
  EXPECT_EQ((*store().findStaff("Kari"))->failedPins, 0);
}

TEST_P(StaffServiceContract, ARightPinStartsTheCountAgainAndADisabledAccountNeverSignsIn) {
  StaffService staff(store(), hasher);
  ASSERT_TRUE(staff.add("Kari", "counter", "246810"));
  for (int i = 0; i < 4; ++i) (void)staff.signIn("Kari", "135799", kNow);
  EXPECT_EQ(staff.signIn("Kari", "246810", kNow)->verdict, SignInVerdict::Ok);
  EXPECT_EQ(staff.signIn("Kari", "135799", kNow)->pinsLeft, 4);
  ASSERT_TRUE(staff.disable("Kari"));
  EXPECT_EQ(staff.signIn("Kari", "246810", kNow)->verdict, SignInVerdict::Disabled);
  EXPECT_EQ(staff.signIn("Nobody", "246810", kNow)->verdict, SignInVerdict::Unknown);
}

TEST_P(StaffServiceContract, SignInsAtOnceFromManyStationsGetNoMorePinsJudgedThanTheLimit) {
  {
    StaffService staff(store(), hasher);
    ASSERT_TRUE(staff.add("Kari", "technician", "246810"));
  }
  constexpr int kStations = 4;
  std::vector<std::unique_ptr<CaseDatabase>> stations;
  for (int s = 0; s < kStations; ++s) {
    stations.push_back(openAnother());
    ASSERT_TRUE(stations.back());
  }
  std::vector<std::thread> threads;
  for (auto& station : stations) {
    threads.emplace_back([this, &station] {
      StaffService staff(*station, hasher);
      for (int i = 0; i < 4; ++i) {
        const auto answer = staff.signIn("Kari", "135799", kNow);
        EXPECT_TRUE(answer) << answer.error().message;
        if (answer) {
          EXPECT_NE(answer->verdict, SignInVerdict::Ok);
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(hasher.judged.load(), 5);
  StaffService staff(store(), hasher);
  EXPECT_EQ(staff.signIn("Kari", "246810", kNow)->verdict, SignInVerdict::Locked);
}

TEST_P(StaffServiceContract, APinIsChangedWithTheOwnPinOrAnAdminsAndOnlyThen) {
  StaffService staff(store(), hasher);
  ASSERT_TRUE(staff.add("Kari", "technician", "246810"));
  ASSERT_TRUE(staff.add("Per", "counter", "111333"));
  ASSERT_TRUE(staff.add("Anne", "admin", "909090"));
  EXPECT_EQ(staff.changePin("Kari", "555777", "Kari", "246810", kNow)->verdict, SignInVerdict::Ok);
  EXPECT_EQ(staff.signIn("Kari", "246810", kNow)->verdict, SignInVerdict::WrongPin);
  EXPECT_EQ(staff.signIn("Kari", "555777", kNow)->verdict, SignInVerdict::Ok);
  EXPECT_EQ(staff.changePin("Kari", "121212", "Per", "111333", kNow).error().kind, ErrorKind::Refused);
  EXPECT_EQ(staff.changePin("Kari", "121212", "Anne", "000000", kNow)->verdict, SignInVerdict::WrongPin);
  EXPECT_EQ(staff.signIn("Kari", "555777", kNow)->verdict, SignInVerdict::Ok) << "nothing changed";
  EXPECT_EQ(staff.changePin("kari", "121212", "anne", "909090", kNow)->verdict, SignInVerdict::Ok);
  EXPECT_EQ(staff.signIn("Kari", "121212", kNow)->verdict, SignInVerdict::Ok);
}

TEST_P(StaffServiceContract, OnlyEnabledAccountsAreAttributedOnceAnyExists) {
  StaffService staff(store(), hasher);
  EXPECT_EQ(staff.attributedName("Whoever"), "Whoever");
  ASSERT_TRUE(staff.add("Kari", "technician", "246810"));
  EXPECT_EQ(staff.attributedName("KARI"), "Kari");
  EXPECT_EQ(staff.attributedName("Whoever").error().field, "staff");
  ASSERT_TRUE(staff.disable("Kari"));
  EXPECT_EQ(staff.attributedName("Kari").error().field, "staff");
}

INSTANTIATE_TEST_SUITE_P(Store, StaffStoreContract, ::testing::ValuesIn(contractBackends()), backendName);
INSTANTIATE_TEST_SUITE_P(Store, StaffServiceContract, ::testing::ValuesIn(contractBackends()), backendName);

}  // namespace
}  // namespace kiosk::test
