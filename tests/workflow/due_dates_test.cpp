// Due dates, at-risk and overdue standing, and charges, straight from DOMAIN.md.
#include <gtest/gtest.h>

#include "workflow/due_dates.hpp"

namespace kiosk {
namespace {

Date day(const char* text) { return *parseDate(text); }
LocalTime at(const char* text) { return *parseLocalTime(text); }

ReturnTerms onSite() {
  ReturnTerms t;
  t.kind = "onsite-nbd";
  t.cutoffMinutes = 15 * 60 + 30;
  t.lateAfterMinutes = 16 * 60;
  return t;
}

TEST(OnSiteDue, TheBandIncludesBothEnds) {
  EXPECT_EQ(onSiteDue(onSite(), at("2026-11-26T15:29:59")).due, day("2026-11-27"));
  EXPECT_FALSE(onSiteDue(onSite(), at("2026-11-26T15:29:59")).lateReport);
  EXPECT_TRUE(onSiteDue(onSite(), at("2026-11-26T15:30")).lateReport);
  EXPECT_TRUE(onSiteDue(onSite(), at("2026-11-26T16:00")).lateReport);
  EXPECT_EQ(onSiteDue(onSite(), at("2026-11-26T16:00")).due, day("2026-11-27"));
  EXPECT_EQ(onSiteDue(onSite(), at("2026-11-26T16:00:01")).due, day("2026-11-30"));
  EXPECT_FALSE(onSiteDue(onSite(), at("2026-11-26T16:00:01")).lateReport);
}

TEST(OnSiteDue, ADayOffCountsAsEarlyOnTheNextWorkingDay) {
  // Good Friday 2027-03-26, evening: as if Tuesday 30 March before 15:30 -> Wednesday 31.
  EXPECT_EQ(onSiteDue(onSite(), at("2027-03-26T18:00")).due, day("2027-03-31"));
  // 17 May 2027 (Monday, two holidays): as if Tuesday morning -> Wednesday 19 May.
  EXPECT_EQ(onSiteDue(onSite(), at("2027-05-17T15:45")).due, day("2027-05-19"));
  EXPECT_FALSE(onSiteDue(onSite(), at("2027-05-17T15:45")).lateReport);
}

TEST(CarryInDue, ThreeWorkingDaysAfterBeingInformed) {
  ReturnTerms t;
  t.kind = "carry-in";
  t.workingDays = 3;
  EXPECT_EQ(carryInDue(t, day("2026-11-25")), day("2026-11-30"));
  EXPECT_EQ(carryInDue(t, day("2026-12-23")), day("2026-12-29"));
  EXPECT_EQ(carryInDue(t, day("2026-12-26")), day("2026-12-30"));  // informed on a holiday: 28, 29, 30
}

RepairCase dueOn(const char* due) {
  RepairCase c;
  c.status = CaseStatus::InRepair;
  c.due = day(due);
  return c;
}

TEST(Standing, AtRiskOnTheDueDayAndTheWorkingDayBefore) {
  const RepairCase c = dueOn("2026-11-30");  // a Monday
  EXPECT_FALSE(standingOf(c, at("2026-11-26T12:00")).atRisk);
  EXPECT_TRUE(standingOf(c, at("2026-11-27T08:00")).atRisk);  // Friday: the working day before
  EXPECT_TRUE(standingOf(c, at("2026-11-28T08:00")).atRisk);  // the weekend between
  const Standing onTheDay = standingOf(c, at("2026-11-30T23:59"));
  EXPECT_TRUE(onTheDay.atRisk);
  EXPECT_TRUE(onTheDay.dueToday);
  EXPECT_FALSE(onTheDay.overdue);
  const Standing after = standingOf(c, at("2026-12-01T00:00"));
  EXPECT_TRUE(after.overdue);
  EXPECT_FALSE(after.atRisk);
}

TEST(Standing, ShippedOrVisitedCasesAreNeitherAtRiskNorOverdue) {
  RepairCase c = dueOn("2026-11-30");
  c.doneAt = at("2026-11-30T10:00");
  c.status = CaseStatus::Shipped;
  const Standing s = standingOf(c, at("2026-12-10T10:00"));
  EXPECT_TRUE(s.done);
  EXPECT_FALSE(s.overdue);
  EXPECT_FALSE(s.atRisk);
}

TEST(Standing, ALateLenovoReportIsAtRiskFromTheStart) {
  RepairCase c = dueOn("2026-12-04");
  c.lateReport = true;
  EXPECT_TRUE(standingOf(c, at("2026-12-01T10:00")).atRisk);
}

TEST(Standing, ACaseAndItsFieldsStandAlike) {
  RepairCase c = dueOn("2026-11-30");
  for (const char* when : {"2026-11-26T12:00", "2026-11-27T08:00", "2026-11-30T10:00", "2026-12-01T00:00"}) {
    for (const bool late : {false, true}) {
      c.lateReport = late;
      const Standing a = standingOf(c, at(when));
      const Standing b = standingFor(c.due, false, late, at(when));
      EXPECT_EQ(a.dueToday, b.dueToday) << when;
      EXPECT_EQ(a.atRisk, b.atRisk) << when;
      EXPECT_EQ(a.overdue, b.overdue) << when;
    }
  }
  const Standing noDue = standingFor(std::nullopt, false, true, at("2026-12-01T00:00"));
  EXPECT_FALSE(noDue.atRisk || noDue.overdue || noDue.dueToday) << "no due date, nothing to miss";
  c.status = CaseStatus::Closed;  // closed counts as done even without a recorded shipment
  EXPECT_TRUE(standingOf(c, at("2026-12-10T10:00")).done);
  EXPECT_FALSE(standingOf(c, at("2026-12-10T10:00")).overdue);
}

TEST(Charges, WhatTheCustomerWouldPayIfTheCaseEndedNow) {
  RepairCase c;
  EXPECT_EQ(chargesOre(c), 0) << "nothing decided yet";
  c.warranty = WarrantyDecision{true, "apple-limited", day("2027-01-01"), "repair", 0};
  EXPECT_EQ(chargesOre(c), 0);
  c.warranty = WarrantyDecision{false, "none", day("2020-01-01"), "quote", 450};
  EXPECT_EQ(chargesOre(c), 45000);
  c.quoteOre = 250000;
  EXPECT_EQ(chargesOre(c), 45000) << "a quote not yet approved";
  c.answer = CustomerAnswer::Approved;
  EXPECT_EQ(chargesOre(c), 250000);
  c.answer = CustomerAnswer::BoughtNew;
  EXPECT_EQ(chargesOre(c), 0);
  c.answer = CustomerAnswer::Declined;
  EXPECT_EQ(chargesOre(c), 45000);
}

}  // namespace
}  // namespace kiosk
