// Device passcodes, held against every store (store_factories.hpp): intake seals before the store
// sees the passcode; the store lists clear ones left by an older program and says whether sealed
// ones exist; sealClearPasscodes seals those of open cases and erases those of closed ones, each
// with an event; close erases; a read needs a technician's right PIN, counts a wrong one toward
// the lock, and every attempt is on the case's timeline without the passcode.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "support/sample_intake.hpp"
#include "support/scratch_passcode_vault.hpp"
#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/case_number.hpp"
#include "workflow/passcode_service.hpp"

namespace kiosk::test {
namespace {

constexpr std::int64_t kNow = 1'790'000'000'000;  // a UTC millisecond in 2026
constexpr const char* kPasscode = "zebra-8642";

// A cheap stand-in for Argon2id: the contract is about counting and roles, not hashing.
class PlainHasher final : public PinHasher {
 public:
  Result<std::string> hashPin(std::string_view pin) override {
    return "test$" + std::to_string(std::hash<std::string_view>{}(pin));
  }
  bool pinMatches(std::string_view hash, std::string_view pin) override { return hash == *hashPin(pin); }
};

class PasscodeContract : public StoreContractTest {
 protected:
  void SetUp() override {
    StoreContractTest::SetUp();
    if (HasFatalFailure()) return;
    auto vendors = VendorCatalog::load(std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors");
    ASSERT_TRUE(vendors) << vendors.error().message;
    m_vendors = std::make_unique<VendorCatalog>(std::move(*vendors));
    m_service = std::make_unique<CaseService>(store(), *m_vendors, nullptr, &m_vault);
    m_staff = std::make_unique<StaffService>(store(), m_hasher);
    m_passcodes = std::make_unique<PasscodeService>(store(), m_vault, *m_staff);
    ASSERT_TRUE(m_staff->add("Tove", "technician", "246810"));
    ASSERT_TRUE(m_staff->add("Carl", "counter", "135791"));
    ASSERT_TRUE(m_staff->add("Ada", "admin", "975310"));
  }

  std::string registerMac(const std::string& serial = "C02XK1ZZJGH5") {
    IntakeForm form = macIntake(serial);
    form.passcode = kPasscode;
    auto c = m_service->registerCase(form, Actor{"Carl", at("2026-11-24T09:00:00")});
    EXPECT_TRUE(c) << c.error().message;
    return c ? c->number : std::string();
  }

  // A case as an older program stored it: the passcode in clear.
  std::string clearCase(const std::string& serial, bool closed = false) {
    RepairCase draft = draftCase(serial);
    draft.intake.passcode = kPasscode;
    if (closed) {
      draft.status = CaseStatus::Closed;
      draft.closedAt = at("2026-11-20T12:00:00");
    }
    auto c = store().create(std::move(draft));
    EXPECT_TRUE(c) << c.error().message;
    return c ? c->number : std::string();
  }

  RepairCase load(const std::string& number) {
    auto c = store().load(number);
    EXPECT_TRUE(c) << c.error().message;
    return c ? *c : RepairCase{};
  }

  PasscodeReadAnswer read(const std::string& number, const std::string& name, const std::string& pin) {
    auto answer = m_passcodes->read(number, name, pin, at("2026-11-24T10:00:00"), kNow);
    EXPECT_TRUE(answer) << answer.error().message;
    return answer ? *answer : PasscodeReadAnswer{};
  }

  static std::vector<CaseEvent> eventsOf(const RepairCase& c, const std::string& kind) {
    std::vector<CaseEvent> found;
    std::copy_if(c.events.begin(), c.events.end(), std::back_inserter(found),
                 [&](const CaseEvent& e) { return e.kind == kind; });
    return found;
  }

  static void expectNoPasscodeInTimeline(const RepairCase& c) {
    for (const CaseEvent& e : c.events) EXPECT_EQ(e.detail.find(kPasscode), std::string::npos) << e.detail;
  }

  ScratchPasscodeVault m_vault;
  PlainHasher m_hasher;
  std::unique_ptr<VendorCatalog> m_vendors;
  std::unique_ptr<CaseService> m_service;
  std::unique_ptr<StaffService> m_staff;
  std::unique_ptr<PasscodeService> m_passcodes;
};

TEST_P(PasscodeContract, IntakeSealsBeforeTheStoreSeesThePasscode) {
  const std::string number = registerMac();
  const RepairCase c = load(number);
  ASSERT_TRUE(m_vault.isSealed(c.intake.passcode)) << "the store holds sealed text only";
  EXPECT_EQ(c.intake.passcode.find(kPasscode), std::string::npos);
  EXPECT_EQ(m_vault.open(c.intake.passcode).value(), kPasscode);
  expectNoPasscodeInTimeline(c);
  EXPECT_EQ(*store().hasSealedPasscodes(), true);
  EXPECT_TRUE(store().casesWithClearPasscodes(10, false)->empty());
}

TEST_P(PasscodeContract, WithoutAVaultAPasscodeIsRefusedAndNothingIsWritten) {
  CaseService noVault(store(), *m_vendors);
  IntakeForm form = macIntake();
  form.passcode = kPasscode;
  const auto refused = noVault.registerCase(form, Actor{"Carl", at("2026-11-24T09:00:00")});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::BadInput);
  EXPECT_EQ(refused.error().field, "passcode");
  EXPECT_EQ(*store().count(), 0U);
  form.passcode = "  ";  // nothing typed but spaces: no passcode
  const auto taken = noVault.registerCase(form, Actor{"Carl", at("2026-11-24T09:00:00")});
  ASSERT_TRUE(taken) << taken.error().message;
  EXPECT_EQ(load(taken->number).intake.passcode, "");
}

TEST_P(PasscodeContract, TheStoreListsClearPasscodesAndTellsWhetherSealedOnesExist) {
  EXPECT_FALSE(*store().hasSealedPasscodes());
  const std::string first = clearCase("C02AAAAAAAA1");
  const std::string closed = clearCase("C02AAAAAAAA2", true);
  RepairCase none = draftCase("C02AAAAAAAA3");
  none.intake.passcode = "";
  ASSERT_TRUE(store().create(std::move(none)));
  RepairCase shaped = draftCase("C02AAAAAAAA4");
  shaped.intake.passcode = "SEALED:v1:looks like it";  // another letter case is not sealed text
  const std::string upper = store().create(std::move(shaped))->number;
  EXPECT_FALSE(*store().hasSealedPasscodes());
  const auto listed = store().casesWithClearPasscodes(10, false);
  ASSERT_TRUE(listed) << listed.error().message;
  EXPECT_EQ(*listed, (std::vector<std::string>{first, closed, upper})) << "oldest first, empty ones left out";
  EXPECT_EQ(*store().casesWithClearPasscodes(2, false), (std::vector<std::string>{first, closed}));
  EXPECT_EQ(*store().casesWithClearPasscodes(10, true), (std::vector<std::string>{first, upper})) << "open only";
  registerMac();
  EXPECT_TRUE(*store().hasSealedPasscodes());
  EXPECT_EQ(store().casesWithClearPasscodes(10, false)->size(), 3U) << "a sealed one is not listed";
  EXPECT_EQ(store().casesWithClearPasscodes(10, true)->size(), 2U);
  EXPECT_TRUE(store().eraseFreedCopies());
}

TEST_P(PasscodeContract, ClearPasscodesAreSealedOnOpenCasesAndErasedOnClosedOnes) {
  std::vector<std::string> open;
  for (int i = 0; i < 3; ++i) open.push_back(clearCase("C02BBBBBBBB" + std::to_string(i)));
  const std::string closed = clearCase("C02CCCCCCCC1", true);
  const std::string sealedAlready = registerMac();
  const Actor station{"station:kiosk", at("2026-11-24T11:00:00")};
  const auto changed = sealClearPasscodes(store(), store(), m_vault, station);
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(*changed, 4U);
  for (const std::string& number : open) {
    const RepairCase c = load(number);
    ASSERT_TRUE(m_vault.isSealed(c.intake.passcode)) << number;
    EXPECT_EQ(m_vault.open(c.intake.passcode).value(), kPasscode);
    const auto sealed = eventsOf(c, kPasscodeSealedEvent);
    ASSERT_EQ(sealed.size(), 1U);
    EXPECT_EQ(sealed[0].staff, "station:kiosk");
    expectNoPasscodeInTimeline(c);
  }
  const RepairCase gone = load(closed);
  EXPECT_EQ(gone.intake.passcode, "");
  EXPECT_EQ(eventsOf(gone, kPasscodeErasedEvent).size(), 1U);
  EXPECT_TRUE(eventsOf(load(sealedAlready), kPasscodeSealedEvent).empty()) << "a sealed one is left alone";
  EXPECT_TRUE(store().casesWithClearPasscodes(10, false)->empty());
  // The next open finds nothing to do.
  EXPECT_EQ(sealClearPasscodes(store(), store(), m_vault, station).value(), 0U);
  EXPECT_EQ(eventsOf(load(open[0]), kPasscodeSealedEvent).size(), 1U);
}

// Every row is read only at the first open after an upgrade, found by clear passcodes on open
// cases (the cheap look every open makes); closed cases alone do not set it off.
TEST_P(PasscodeContract, ClosedCasesAreSweptOnlyWithOpenOnes) {
  const std::string closed = clearCase("C02DDDDDDDD1", true);
  const Actor station{"station:kiosk", at("2026-11-24T11:00:00")};
  EXPECT_EQ(sealClearPasscodes(store(), store(), m_vault, station).value(), 0U);
  EXPECT_EQ(load(closed).intake.passcode, kPasscode);
  clearCase("C02DDDDDDDD2");
  EXPECT_EQ(sealClearPasscodes(store(), store(), m_vault, station).value(), 2U);
  EXPECT_EQ(load(closed).intake.passcode, "");
}

TEST_P(PasscodeContract, ATechnicianWithTheRightPinReadsItAndTheReadIsOnTheTimeline) {
  const std::string number = registerMac();
  const PasscodeReadAnswer answer = read(number, "tove", "246810");
  EXPECT_EQ(answer.verdict, PasscodeReadVerdict::Read);
  EXPECT_EQ(answer.passcode, kPasscode);
  const RepairCase c = load(number);
  const auto reads = eventsOf(c, kPasscodeReadEvent);
  ASSERT_EQ(reads.size(), 1U);
  EXPECT_EQ(reads[0].staff, "Tove") << "the name as stored";
  EXPECT_EQ(reads[0].detail, "read by Tove");
  expectNoPasscodeInTimeline(c);
  EXPECT_TRUE(m_vault.isSealed(c.intake.passcode)) << "still sealed after the read";
}

TEST_P(PasscodeContract, RefusedReadsAreOnTheTimelineAndWrongPinsCountTowardTheLock) {
  const std::string number = registerMac();
  PasscodeReadAnswer wrong = read(number, "Tove", "111111");
  EXPECT_EQ(wrong.verdict, PasscodeReadVerdict::Refused);
  EXPECT_EQ(wrong.signIn.verdict, SignInVerdict::WrongPin);
  EXPECT_EQ(wrong.signIn.pinsLeft, 4);
  EXPECT_TRUE(wrong.passcode.empty());
  EXPECT_EQ((*store().findStaff("Tove"))->failedPins, 1) << "counted toward the lock";
  for (int i = 0; i < 4; ++i) wrong = read(number, "Tove", "111111");
  EXPECT_EQ(wrong.signIn.verdict, SignInVerdict::Locked);
  const PasscodeReadAnswer locked = read(number, "Tove", "246810");
  EXPECT_EQ(locked.verdict, PasscodeReadVerdict::Refused) << "locked, even for the right PIN";
  EXPECT_TRUE(locked.passcode.empty());

  const PasscodeReadAnswer counter = read(number, "Carl", "135791");
  EXPECT_EQ(counter.verdict, PasscodeReadVerdict::NotTechnician);
  EXPECT_TRUE(counter.passcode.empty());
  const PasscodeReadAnswer admin = read(number, "Ada", "975310");
  EXPECT_EQ(admin.verdict, PasscodeReadVerdict::NotTechnician) << "only a technician reads passcodes";
  const PasscodeReadAnswer unknown = read(number, "Nobody", "246810");
  EXPECT_EQ(unknown.verdict, PasscodeReadVerdict::Refused);
  EXPECT_EQ(unknown.signIn.verdict, SignInVerdict::Unknown);

  const RepairCase c = load(number);
  const auto reads = eventsOf(c, kPasscodeReadEvent);
  ASSERT_EQ(reads.size(), 9U) << "five wrong, one locked, counter, admin, unknown";
  EXPECT_EQ(reads[0].detail, "refused: wrong PIN");
  EXPECT_EQ(reads[5].detail, "refused: the account is locked after wrong PINs");
  EXPECT_EQ(reads[6].staff, "Carl");
  EXPECT_EQ(reads[6].detail, "refused: counter accounts may not read passcodes");
  EXPECT_EQ(reads[7].detail, "refused: admin accounts may not read passcodes");
  EXPECT_EQ(reads[8].detail, "refused: no staff account by that name");
  expectNoPasscodeInTimeline(c);
}

TEST_P(PasscodeContract, EveryAttemptIsAlsoAnAuditLogEntryWithoutThePasscode) {
  const std::string number = registerMac();
  PasscodeService logged(store(), m_vault, *m_staff, &store());
  auto readLogged = [&](const std::string& name, const std::string& pin) {
    auto answer = logged.read(number, name, pin, at("2026-11-24T10:00:00"), kNow);
    EXPECT_TRUE(answer) << answer.error().message;
    return answer ? answer->verdict : PasscodeReadVerdict::Refused;
  };
  EXPECT_EQ(readLogged("Tove", "111111"), PasscodeReadVerdict::Refused);
  EXPECT_EQ(readLogged("tove", "246810"), PasscodeReadVerdict::Read);
  EXPECT_EQ(readLogged("Carl", "135791"), PasscodeReadVerdict::NotTechnician);
  EXPECT_EQ(readLogged("Nobody", "246810"), PasscodeReadVerdict::Refused);
  EXPECT_FALSE(logged.read("0000-0000", "Tove", "246810", at("2026-11-24T10:00:00"), kNow)) << "no such case";

  const auto entries = auditEntriesOf(store(), kPasscodeReadEvent);
  ASSERT_EQ(entries.size(), 4U) << "one per attempt on a case; none for a case that does not exist";
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Tove", "wrong-pin"}, {"Tove", "read"}, {"Carl", "not-technician"}, {"", "unknown"}};
  for (std::size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].subject, number) << i;
    EXPECT_EQ(entries[i].staff, expected[i].first) << i << ": the name as stored; a typed non-account is not kept";
    EXPECT_EQ(entries[i].detail, expected[i].second) << i;
    EXPECT_EQ(entries[i].atMs, kNow) << i;
    for (const std::string& text : {entries[i].staff, entries[i].subject, entries[i].detail}) {
      EXPECT_EQ(text.find(kPasscode), std::string::npos) << text;
    }
  }
  const auto report = store().verifyAudit(std::nullopt);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->intact()) << "the entries are chained like every other";
  EXPECT_EQ(eventsOf(load(number), kPasscodeReadEvent).size(), 4U) << "and each is on the timeline too";
}

TEST_P(PasscodeContract, BadInputAndUnknownCasesWriteNothingAndCountNothing) {
  const std::string number = registerMac();
  const auto badPin = m_passcodes->read(number, "Tove", "12", at("2026-11-24T10:00:00"), kNow);
  ASSERT_FALSE(badPin);
  EXPECT_EQ(badPin.error().field, "pin");
  const auto badNumber = m_passcodes->read("M6EM-XNNX", "Tove", "246810", at("2026-11-24T10:00:00"), kNow);
  ASSERT_FALSE(badNumber);
  EXPECT_EQ(badNumber.error().kind, ErrorKind::BadInput);
  // A well-formed number no case has: said before any PIN is judged.
  const auto missing = m_passcodes->read(formatCaseNumber(987654), "Tove", "111111", at("2026-11-24T10:00:00"), kNow);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
  EXPECT_EQ((*store().findStaff("Tove"))->failedPins, 0);
  EXPECT_TRUE(eventsOf(load(number), kPasscodeReadEvent).empty());
}

TEST_P(PasscodeContract, CloseErasesThePasscodeAndALaterReadSaysSo) {
  const std::string number = registerMac();
  // Walk the Mac to the end: a covered repair shipped back.
  const Actor bench{"Tove", at("2026-11-24T10:00:00")};
  ASSERT_TRUE(m_service->diagnose(number, "Logic board", Damage::None, bench));
  ASSERT_TRUE(m_service->decide(number, bench));
  ASSERT_TRUE(m_service->inform(number, "sms", bench));
  ASSERT_TRUE(m_service->orderParts(number, {"Logic board"}, bench));
  ASSERT_TRUE(m_service->receiveParts(number, bench));
  ASSERT_TRUE(m_service->markRepaired(number, bench));
  ASSERT_TRUE(m_service->ship(number, "Posten", "70712345678", bench));
  EXPECT_TRUE(m_vault.isSealed(load(number).intake.passcode)) << "kept until the case closes";
  const auto closed = m_service->close(number, "", Actor{"Carl", at("2026-11-25T10:00:00")});
  ASSERT_TRUE(closed) << closed.error().message;
  EXPECT_EQ(load(number).intake.passcode, "");
  EXPECT_FALSE(*store().hasSealedPasscodes());
  const auto answer = m_passcodes->read(number, "Tove", "246810", at("2026-11-25T11:00:00"), kNow);
  ASSERT_TRUE(answer) << answer.error().message;
  EXPECT_EQ(answer->verdict, PasscodeReadVerdict::NoPasscode);
  EXPECT_TRUE(answer->passcode.empty());
  const auto reads = eventsOf(load(number), kPasscodeReadEvent);
  ASSERT_EQ(reads.size(), 1U);
  EXPECT_NE(reads[0].detail.find("erased when it closed"), std::string::npos) << reads[0].detail;
}

INSTANTIATE_TEST_SUITE_P(Store, PasscodeContract, ::testing::ValuesIn(contractBackends()), backendName);

}  // namespace
}  // namespace kiosk::test
