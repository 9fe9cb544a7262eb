// The purge of personal data, held against every store (store_factories.hpp): cases closed before
// the day lose their customer's name, mobile, e-mail, address, E-sak, passcode, acceptance and
// signature, every event's detail and their messages' recipients and texts, and get a last
// "purged" event; the statistics (device, fault, finding, dates, status, technician, parts, event
// kinds and times) stay. Open cases and cases closed later are left alone; a purged case is not
// purged again; stations purging at once purge each case once; the purged case still fits its
// audit chain.
#include <gtest/gtest.h>

#include <algorithm>
#include <type_traits>
#include <filesystem>
#include <thread>

#include "store/audit_chain.hpp"
#include "store/case_columns.hpp"
#include "tests/store/store_factories.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/privacy.hpp"
#include "workflow/station_duties.hpp"

namespace kiosk::test {
namespace {

const CaseEvent kPurged{at("2030-01-02T03:04:05"), "Siri", std::string(kPurgedEventKind), ""};

class PurgeContract : public StoreContractTest {
 protected:
  // A case like fullCase, closed at `closedAt` (or open), with a queued SMS for its first event.
  RepairCase closedCase(const std::string& serial, std::optional<std::string> closedAt) {
    RepairCase draft = fullCase(serial);
    draft.intake.secondCaseReason = "test";
    draft.status = closedAt ? CaseStatus::Closed : CaseStatus::InRepair;
    draft.closedAt = closedAt ? std::optional<LocalTime>(at(*closedAt)) : std::nullopt;
    OutboxMessage sms;
    sms.channel = "sms";
    sms.to = draft.customer.mobile;
    sms.subject = "";
    sms.text = "Hei Øyvind, saken {number} er mottatt";
    sms.createdAt = draft.registeredAt;
    draft.newMessages = {sms};
    return created(draft);
  }
  PurgeCounts purge(const std::vector<std::string>& numbers, const std::string& closedBefore) {
    const auto counts = store().purgeCases(numbers, day(closedBefore), kPurged);
    EXPECT_TRUE(counts) << counts.error().message;
    return counts.value_or(PurgeCounts{});
  }
  std::vector<std::string> purgeable(const std::string& closedBefore, std::size_t limit = 0) {
    const auto numbers = store().purgeableCases(day(closedBefore), limit);
    EXPECT_TRUE(numbers) << numbers.error().message;
    return numbers.value_or(std::vector<std::string>{});
  }
};

TEST_P(PurgeContract, OnlyCasesClosedBeforeTheDayAndNotYetPurgedArePurgeable) {
  const RepairCase late = closedCase("SERIAL3", "2024-01-01T00:00:00");
  const RepairCase early = closedCase("SERIAL1", "2023-12-31T23:59:59");
  const RepairCase earlier = closedCase("SERIAL2", "2023-06-01T10:00:00");
  closedCase("SERIAL4", std::nullopt);
  EXPECT_EQ(purgeable("2024-01-01"), (std::vector<std::string>{earlier.number, early.number}))
      << "the earliest closed first; closed at 00:00 of the day itself is not before it";
  EXPECT_EQ(purgeable("2024-01-01", 1), (std::vector<std::string>{earlier.number}));
  EXPECT_EQ(purgeable("2024-01-02").size(), 3u);
  EXPECT_EQ(purgeable("2099-01-01").size(), 3u) << "an open case never";
  EXPECT_EQ(purge({earlier.number}, "2024-01-01").cases, (std::vector<std::string>{earlier.number}));
  EXPECT_EQ(purgeable("2024-01-01"), (std::vector<std::string>{early.number})) << "purged once";
  (void)late;
}

TEST_P(PurgeContract, APurgeErasesThePersonalDataAndKeepsTheStatistics) {
  const RepairCase c = closedCase("SERIAL1", "2023-06-01T10:00:00");
  ASSERT_TRUE(store().beginCodeAttempt(c.number, CodeAttemptPolicy{}, 1'790'000'000'000));
  const RepairCase before = *store().load(c.number);

  const PurgeCounts counts = purge({c.number}, "2024-01-01");
  EXPECT_EQ(counts.cases, (std::vector<std::string>{c.number}));
  EXPECT_EQ(counts.events, 2u) << "both events had a detail";
  EXPECT_EQ(counts.messages, 1u);
  EXPECT_EQ(counts.lookupAttempts, 1u);

  const auto after = store().load(c.number);
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_TRUE(holdsNoPersonalData(*after));
  EXPECT_EQ(after->customer.name, "");
  EXPECT_EQ(after->customer.mobile, "");
  EXPECT_EQ(after->customer.email, "");
  EXPECT_EQ(after->customer.address, "");
  EXPECT_EQ(after->intake.ecase, "");
  EXPECT_EQ(after->intake.passcode, "");
  EXPECT_EQ(after->acceptedBy, "");
  EXPECT_EQ(after->acceptanceSignature, "");
  EXPECT_EQ(after->version, before.version + 1);
  // What the statistics need stays.
  RepairCase expected = before;
  erasePersonalData(expected);
  expected.version = before.version + 1;
  expected.purgedAt = kPurged.at;
  expected.events = after->events;
  expectSameCase(expected, *after);
  EXPECT_EQ(after->device.serial, "SERIAL1");
  EXPECT_EQ(after->intake.fault, before.intake.fault);
  EXPECT_EQ(after->technician, "Per Ærøe");
  EXPECT_EQ(after->parts, before.parts);
  EXPECT_EQ(after->closedAt, before.closedAt);
  ASSERT_EQ(after->events.size(), before.events.size() + 1);
  for (std::size_t i = 0; i < before.events.size(); ++i) {
    EXPECT_EQ(after->events[i].kind, before.events[i].kind);
    EXPECT_EQ(after->events[i].at, before.events[i].at);
    EXPECT_EQ(after->events[i].staff, before.events[i].staff);
    EXPECT_EQ(after->events[i].detail, "") << i;
  }
  EXPECT_EQ(after->events.back().kind, "purged");
  EXPECT_EQ(after->events.back().staff, "Siri");
  EXPECT_EQ(after->events.back().at, kPurged.at);
  EXPECT_EQ(after->events.back().detail, "");

  OutboxQuery query;
  query.caseNumber = c.number;
  const auto messages = store().listOutbox(query);
  ASSERT_TRUE(messages) << messages.error().message;
  ASSERT_EQ(messages->size(), 1u);
  EXPECT_EQ((*messages)[0].to, "");
  EXPECT_EQ((*messages)[0].text, "");
  EXPECT_EQ((*messages)[0].subject, "");
  EXPECT_EQ((*messages)[0].status, OutboxStatus::Failed) << "a queued message must not go out empty";
  EXPECT_EQ((*messages)[0].lastError, "personal data purged");
  const auto claimed = store().claimOutbox(OutboxClaim{"relay", 1'790'000'000'000, 60'000, 10, {"sms", "email"}});
  ASSERT_TRUE(claimed) << claimed.error().message;
  EXPECT_TRUE(claimed->empty());
  // Nor can it be queued again by hand (outbox retry): it would go out empty, to no one.
  const auto retried = store().retryOutbox((*messages)[0].id, 1'790'000'000'000);
  ASSERT_FALSE(retried);
  EXPECT_EQ(retried.error().kind, ErrorKind::BadInput);
  EXPECT_EQ(retried.error().field, "id");
  EXPECT_NE(retried.error().message.find("purged"), std::string::npos) << retried.error().message;
  EXPECT_EQ(store().listOutbox(query)->at(0).status, OutboxStatus::Failed);

  // Gone from an export too; the lookup count started again.
  EXPECT_TRUE(store().findCustomerCases(CustomerKey{before.customer.mobile, {}})->empty());
  EXPECT_EQ(store().beginCodeAttempt(c.number, CodeAttemptPolicy{}, 1'790'000'000'000)->attempts, 1);
}

TEST_P(PurgeContract, OpenCasesLaterCasesAndPurgedCasesAreLeftAlone) {
  const RepairCase open = closedCase("SERIAL1", std::nullopt);
  const RepairCase later = closedCase("SERIAL2", "2024-02-01T10:00:00");
  const RepairCase old = closedCase("SERIAL3", "2023-02-01T10:00:00");
  const RepairCase openBefore = *store().load(open.number);
  const RepairCase laterBefore = *store().load(later.number);
  const PurgeCounts counts = purge({open.number, later.number, old.number, "NOT-A-CASE"}, "2024-01-01");
  EXPECT_EQ(counts.cases, (std::vector<std::string>{old.number}));
  expectSameCase(openBefore, *store().load(open.number));
  expectSameCase(laterBefore, *store().load(later.number));
  const RepairCase purged = *store().load(old.number);
  const PurgeCounts again = purge({old.number}, "2024-01-01");
  EXPECT_TRUE(again.cases.empty());
  EXPECT_EQ(store().load(old.number)->events.size(), purged.events.size()) << "no second purged event";
  EXPECT_EQ(store().load(old.number)->version, purged.version);
}

TEST_P(PurgeContract, TheSpaceOfErasedDataIsReclaimed) {
  const RepairCase old = closedCase("SERIAL1", "2023-02-01T10:00:00");
  purge({old.number}, "2024-01-01");
  const auto reclaimed = store().reclaimErasedSpace();
  ASSERT_TRUE(reclaimed) << reclaimed.error().message;
  EXPECT_EQ(store().load(old.number)->customer.name, "") << "the store works on after it";
  closedCase("SERIAL2", std::nullopt);
  EXPECT_EQ(*store().count(), 2u);
}

TEST_P(PurgeContract, StationsPurgingAtOncePurgeEachCaseOnce) {
  std::vector<std::string> numbers;
  for (int i = 0; i < 12; ++i) numbers.push_back(closedCase("SERIAL" + std::to_string(i), "2023-02-01T10:00:00").number);
  auto other = openAnother();
  ASSERT_TRUE(other);
  std::vector<std::string> mine, theirs;
  std::thread station([&] {
    PrivacyService privacy(*other, *other);
    PurgeRequest request{day("2024-01-01"), false, Actor{"Per", at("2030-01-02T03:04:05")}, 3};
    const auto report = privacy.purge(request);
    EXPECT_TRUE(report) << report.error().message;
    if (report) theirs = report->counts.cases;
  });
  PrivacyService privacy(store(), store());
  PurgeRequest request{day("2024-01-01"), false, Actor{"Siri", at("2030-01-02T03:04:05")}, 3};
  const auto report = privacy.purge(request);
  station.join();
  ASSERT_TRUE(report) << report.error().message;
  mine = report->counts.cases;
  EXPECT_EQ(mine.size() + theirs.size(), numbers.size());
  for (const auto& n : numbers) {
    const RepairCase c = *store().load(n);
    EXPECT_EQ(std::count_if(c.events.begin(), c.events.end(), [](const CaseEvent& e) { return e.kind == "purged"; }), 1)
        << n;
    EXPECT_TRUE(holdsNoPersonalData(c)) << n;
  }
}

TEST_P(PurgeContract, TheServiceDryRunSaysWhichCasesAndChangesNothing) {
  const RepairCase old = closedCase("SERIAL1", "2023-02-01T10:00:00");
  closedCase("SERIAL2", std::nullopt);
  const RepairCase before = *store().load(old.number);
  PrivacyService privacy(store(), store());
  const auto dry = privacy.purge(PurgeRequest{day("2024-01-01"), true, Actor{"Siri", at("2030-01-02T03:04:05")}, 100});
  ASSERT_TRUE(dry) << dry.error().message;
  EXPECT_TRUE(dry->dryRun);
  EXPECT_EQ(dry->counts.cases, (std::vector<std::string>{old.number}));
  expectSameCase(before, *store().load(old.number));
  const auto real = privacy.purge(PurgeRequest{day("2024-01-01"), false, Actor{"Siri", at("2030-01-02T03:04:05")}, 100});
  ASSERT_TRUE(real) << real.error().message;
  EXPECT_EQ(real->counts.cases, (std::vector<std::string>{old.number}));
  EXPECT_EQ(real->counts.events, 2u);
  EXPECT_EQ(real->counts.messages, 1u);
  EXPECT_TRUE(holdsNoPersonalData(*store().load(old.number)));
}

TEST_P(PurgeContract, APurgeThatErasedSomethingIsAnAuditLogEntry) {
  closedCase("SERIAL1", "2023-02-01T10:00:00");
  closedCase("SERIAL2", "2023-03-01T10:00:00");
  closedCase("SERIAL3", std::nullopt);
  constexpr std::int64_t kAt = 1'790'000'000'000;
  PrivacyService privacy(store(), store(), &store(), [] { return kAt; });
  const Actor siri{"Siri", at("2030-01-02T03:04:05")};
  ASSERT_TRUE(privacy.purge(PurgeRequest{day("2024-01-01"), true, siri, 100}));
  EXPECT_TRUE(auditEntriesOf(store(), kPrivacyPurgeEntry).empty()) << "a dry run changes nothing";
  ASSERT_TRUE(privacy.purge(PurgeRequest{day("2024-01-01"), false, siri, 1}));
  ASSERT_TRUE(privacy.purge(PurgeRequest{day("2024-01-01"), false, siri, 1}));

  const auto entries = auditEntriesOf(store(), kPrivacyPurgeEntry);
  ASSERT_EQ(entries.size(), 1U) << "one entry for the run, whatever its batches; none when nothing was left";
  EXPECT_EQ(entries[0].staff, "Siri");
  EXPECT_EQ(entries[0].subject, "2024-01-01");
  EXPECT_EQ(entries[0].detail, "2 cases");
  EXPECT_EQ(entries[0].atMs, kAt);
  const auto report = store().verifyAudit(std::nullopt);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->intact());
}

TEST_P(PurgeContract, TheRetentionDutyPurgesOnceADayWhatWasClosedLongerAgo) {
  const RepairCase old = closedCase("SERIAL1", "2023-11-25T23:59:59");
  const RepairCase kept = closedCase("SERIAL2", "2023-11-26T00:00:00");
  auto vendors = VendorCatalog::load(std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors");
  ASSERT_TRUE(vendors) << vendors.error().message;
  CaseService service(store(), *vendors);
  PrivacyService privacy(store(), store());
  RetentionDuty retention(privacy, 1095);

  const auto first = runStationDuties(service, nullptr, &retention, Actor{"station", at("2026-11-25T10:00:00")});
  EXPECT_TRUE(first.errors.empty());
  ASSERT_TRUE(first.purged);
  EXPECT_EQ(first.purged->closedBefore, day("2023-11-26")) << "three years of 365 days, 2024 a leap year";
  EXPECT_EQ(first.purged->counts.cases, (std::vector<std::string>{old.number}));
  EXPECT_FALSE(holdsNoPersonalData(*store().load(kept.number)));

  // Later the same day it does not run again, even with something new to purge.
  const RepairCase older = closedCase("SERIAL3", "2023-01-01T10:00:00");
  const auto again = runStationDuties(service, nullptr, &retention, Actor{"station", at("2026-11-25T23:59:00")});
  EXPECT_FALSE(again.purged);
  EXPECT_FALSE(holdsNoPersonalData(*store().load(older.number)));

  const auto next = runStationDuties(service, nullptr, &retention, Actor{"station", at("2026-11-26T00:01:00")});
  ASSERT_TRUE(next.purged);
  EXPECT_EQ(next.purged->counts.cases, (std::vector<std::string>{older.number, kept.number}));
  EXPECT_EQ(store().load(kept.number)->events.back().staff, "station");

  const auto none = runStationDuties(service, nullptr, nullptr, Actor{"station", at("2026-11-27T00:01:00")});
  EXPECT_FALSE(none.purged) << "no retention period: no purge";
}

// The purge fits the audit chain (store/audit_chain.hpp): a purged case has no salt, every detail
// empty, a last "purged" event whose state digest takes the fixed personal commitment, chained
// to the seals its earlier events kept; a field changed afterwards no longer matches.
TEST_P(PurgeContract, APurgedCaseStillFitsItsChainAndAChangedFieldDoesNot) {
  const RepairCase c = closedCase("SERIAL1", "2023-02-01T10:00:00");
  const auto sealed = store().loadAudit(c.number);
  ASSERT_TRUE(sealed) << sealed.error().message;
  ASSERT_EQ(sealed->events.size(), 2u);
  purge({c.number}, "2024-01-01");

  const RepairCase after = *store().load(c.number);
  const auto audit = store().loadAudit(c.number);
  ASSERT_TRUE(audit) << audit.error().message;
  EXPECT_EQ(audit->salt, "") << "the salt is erased";
  EXPECT_EQ(after.purgedAt, kPurged.at);
  ASSERT_EQ(audit->events.size(), 3u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(audit->events[i].chainHash, sealed->events[i].chainHash) << "earlier seals kept, " << i;
    EXPECT_EQ(audit->events[i].detailCommitment, sealed->events[i].detailCommitment) << i;
  }
  const EventSeal& last = audit->events.back();
  EXPECT_EQ(last.detailCommitment, detailCommitment("", ""));
  EXPECT_EQ(last.stateDigest, stateDigest(after, kPurgedCommitment, after.events.size()));
  EXPECT_EQ(last.chainHash, chainHash(audit->events[1].chainHash, after.number, 2, after.events.back(),
                                      last.detailCommitment, last.stateDigest));

  // A field of the purged case changed outside the program no longer matches what the last
  // event sealed.
  database().exec("UPDATE repair_case SET device_serial = 'SERIAL9' WHERE number = '" + c.number + "'");
  const RepairCase changed = *store().load(c.number);
  EXPECT_NE(stateDigest(changed, kPurgedCommitment, changed.events.size()), last.stateDigest);
}

// The one list of personal data: what erasePersonalData empties is exactly the columns the audit
// chain keeps out of its state digest, so a purge never changes a column the chain commits to.
// Each column's text (a text column's value; the others only their name: none is personal).
struct ColumnTexts {
  std::vector<std::pair<std::string, std::string>> values;
  template <class T>
  void operator()(std::string_view name, const T& value) {
    if constexpr (std::is_same_v<T, std::string>) {
      values.emplace_back(std::string(name), value);
    } else {
      values.emplace_back(std::string(name), std::string());
    }
  }
  void warranty(const std::optional<WarrantyDecision>&) {}
};

TEST(PersonalColumns, ErasePersonalDataEmptiesExactlyTheChainsPersonalColumns) {
  const RepairCase full = fullCase("SERIAL1");
  RepairCase erased = full;
  erasePersonalData(erased);
  ColumnTexts before, after;
  visitCaseColumns(before, full);
  visitCaseColumns(after, erased);
  std::vector<std::string> emptied;
  for (std::size_t i = 0; i < before.values.size(); ++i) {
    if (before.values[i] != after.values[i]) emptied.push_back(before.values[i].first);
  }
  const std::vector<std::string> personal(kPersonalColumns.begin(), kPersonalColumns.end());
  EXPECT_EQ(emptied, personal);
}

INSTANTIATE_TEST_SUITE_P(Store, PurgeContract, ::testing::ValuesIn(contractBackends()), backendName);

}  // namespace
}  // namespace kiosk::test
