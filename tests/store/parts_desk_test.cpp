// The parts desk over the real store with an in-memory supplier: each order reaches the supplier
// once and its id is recorded; arrival moves the case on; cancellation and failures do not.
#include <gtest/gtest.h>

#include "support/sample_intake.hpp"
#include "tests/store/fake_parts_carrier.hpp"
#include "tests/store/store_test_support.hpp"
#include "workflow/parts_desk.hpp"

namespace kiosk::test {
namespace {

using Kind = PartsDeskAction::Kind;

class PartsDeskTest : public MemoryServiceTest {
 protected:
  // A covered Mac whose parts technician "per" ordered.
  std::string awaitingParts(const std::string& serial = "C02XK0JHJG5H") {
    auto c = m_service->registerCase(macIntake(serial), Actor{"counter-ola", at("2026-11-24T09:00:00")});
    EXPECT_TRUE(c) << c.error().message;
    if (!c) return {};
    EXPECT_TRUE(service().diagnose(c->number, "logic board", Damage::None, Actor{"per", at("2026-11-24T10:00:00")}));
    EXPECT_TRUE(service().decide(c->number, Actor{"per", at("2026-11-24T10:05:00")}));
    EXPECT_TRUE(service().inform(c->number, "sms", Actor{"counter-ola", at("2026-11-24T10:10:00")}));
    const auto ordered = service().orderParts(c->number, {"661-26310 Logic board", "923-0001 Screws"},
                                              Actor{"per", at("2026-11-24T11:00:00")});
    EXPECT_TRUE(ordered) << ordered.error().message;
    return c->number;
  }
  RepairCase load(const std::string& number) {
    auto c = m_store->load(number);
    EXPECT_TRUE(c) << c.error().message;
    return c ? *c : RepairCase{};
  }

  FakeSupplier supplier;
  // Made on use: the store exists only once SetUp has run.
  PartsDesk desk() { return PartsDesk(*m_store, supplier); }
  const Actor sync{"station:parts", at("2026-11-24T12:00:00")};
};

TEST_F(PartsDeskTest, OrderParts_PreparesAnOrderForTheSupplierUnderTheStepsReference) {
  const std::string n = awaitingParts();
  const RepairCase c = load(n);
  ASSERT_FALSE(c.events.empty());
  EXPECT_EQ(c.events.back().kind, "order-parts");
  EXPECT_EQ(c.partsOrder.reference, n + "-" + std::to_string(c.events.size() - 1) + "-parts");
  EXPECT_EQ(c.partsOrder.parts, (std::vector<std::string>{"661-26310 Logic board", "923-0001 Screws"}));
  EXPECT_EQ(c.partsOrder.supplierId, "");
}

TEST_F(PartsDeskTest, EachOrderGoesToTheSupplierOnceAndItsIdIsRecorded) {
  const std::string n = awaitingParts();
  const auto sent = desk().submitOrders(sync);
  ASSERT_TRUE(sent) << sent.error().message;
  ASSERT_EQ(sent->size(), 1U);
  EXPECT_EQ((*sent)[0].caseNumber, n);
  EXPECT_EQ((*sent)[0].kind, Kind::Sent);
  EXPECT_EQ(supplier.lastRequest.caseNumber, n);
  EXPECT_EQ(supplier.lastRequest.serial, "C02XK0JHJG5H");
  EXPECT_EQ(supplier.lastRequest.vendor, "apple");
  EXPECT_EQ(supplier.lastRequest.parts.size(), 2U);

  const RepairCase c = load(n);
  EXPECT_EQ(c.partsOrder.supplierId, "PO-1");
  EXPECT_EQ(c.status, CaseStatus::AwaitingParts);
  EXPECT_EQ(c.events.back().kind, "parts-order-sent");
  EXPECT_NE(c.events.back().detail.find("PO-1"), std::string::npos) << c.events.back().detail;
  EXPECT_EQ(c.technician, "per") << "sending the order is not a bench step";

  const auto again = desk().submitOrders(sync);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE(again->empty());
  EXPECT_EQ(supplier.calls, 1);
}

TEST_F(PartsDeskTest, ArrivalMovesTheCaseIntoRepairAndKeepsItsTechnician) {
  const std::string n = awaitingParts();
  ASSERT_TRUE(desk().submitOrders(sync));
  auto waiting = desk().pollArrivals(sync);
  ASSERT_TRUE(waiting) << waiting.error().message;
  ASSERT_EQ(waiting->size(), 1U);
  EXPECT_EQ((*waiting)[0].kind, Kind::Waiting);
  const std::size_t eventsBefore = load(n).events.size();

  supplier.states["PO-1"] = PartsOrderState{PartsOrderStatus::Arrived, parseDate("2026-11-25"), ""};
  const auto arrived = desk().pollArrivals(sync);
  ASSERT_TRUE(arrived) << arrived.error().message;
  ASSERT_EQ(arrived->size(), 1U);
  EXPECT_EQ((*arrived)[0].kind, Kind::Arrived);
  const RepairCase c = load(n);
  EXPECT_EQ(c.status, CaseStatus::InRepair);
  ASSERT_EQ(c.events.size(), eventsBefore + 1) << "waiting wrote nothing; arrival one event";
  EXPECT_EQ(c.events.back().kind, "receive-parts");
  EXPECT_EQ(c.technician, "per");

  const auto after = desk().pollArrivals(sync);
  ASSERT_TRUE(after);
  EXPECT_TRUE(after->empty()) << "a case in repair is not asked about again";
}

TEST_F(PartsDeskTest, ACancelledOrderLeavesTheCaseAwaitingANewOrder) {
  const std::string n = awaitingParts();
  ASSERT_TRUE(desk().submitOrders(sync));
  supplier.states["PO-1"] = PartsOrderState{PartsOrderStatus::Cancelled, std::nullopt, "discontinued"};
  const auto cancelled = desk().pollArrivals(sync);
  ASSERT_TRUE(cancelled) << cancelled.error().message;
  ASSERT_EQ(cancelled->size(), 1U);
  EXPECT_EQ((*cancelled)[0].kind, Kind::Cancelled);
  RepairCase c = load(n);
  EXPECT_EQ(c.status, CaseStatus::AwaitingParts);
  EXPECT_EQ(c.events.back().kind, "parts-order-cancelled");
  EXPECT_NE(c.events.back().detail.find("discontinued"), std::string::npos) << c.events.back().detail;
  EXPECT_EQ(c.partsOrder.reference, "");

  const auto quiet = desk().pollArrivals(sync);
  ASSERT_TRUE(quiet);
  EXPECT_TRUE(quiet->empty()) << "the cancellation is reported once";
  const auto nothingToSend = desk().submitOrders(sync);
  ASSERT_TRUE(nothingToSend);
  EXPECT_TRUE(nothingToSend->empty());

  // The technician orders again: a new order under a new reference.
  ASSERT_TRUE(service().orderParts(n, {"661-99999 Other board"}, Actor{"per", at("2026-11-24T13:00:00")}));
  const auto resent = desk().submitOrders(Actor{"station:parts", at("2026-11-24T13:05:00")});
  ASSERT_TRUE(resent);
  ASSERT_EQ(resent->size(), 1U);
  EXPECT_EQ(load(n).partsOrder.supplierId, "PO-2");
  EXPECT_EQ(supplier.idByReference.size(), 2U);
}

TEST_F(PartsDeskTest, ASupplierFailureWritesNothingAndTheNextRunSendsTheOrderOnce) {
  const std::string n = awaitingParts();
  const RepairCase before = load(n);
  supplier.failNext = true;
  const auto failed = desk().submitOrders(sync);
  ASSERT_TRUE(failed) << "a supplier failure is reported per case, not as an error of the run";
  ASSERT_EQ(failed->size(), 1U);
  EXPECT_EQ((*failed)[0].kind, Kind::Failed);
  EXPECT_NE((*failed)[0].detail.find("HTTP 503"), std::string::npos) << (*failed)[0].detail;
  const RepairCase after = load(n);
  EXPECT_EQ(after.version, before.version);
  EXPECT_EQ(after.events.size(), before.events.size());
  EXPECT_EQ(after.partsOrder.supplierId, "");

  const auto sent = desk().submitOrders(sync);
  ASSERT_TRUE(sent);
  ASSERT_EQ(sent->size(), 1U);
  EXPECT_EQ((*sent)[0].kind, Kind::Sent);
  EXPECT_EQ(supplier.idByReference.size(), 1U);

  supplier.failNext = true;
  const auto pollFailed = desk().pollArrivals(sync);
  ASSERT_TRUE(pollFailed);
  ASSERT_EQ(pollFailed->size(), 1U);
  EXPECT_EQ((*pollFailed)[0].kind, Kind::Failed);
  EXPECT_EQ(load(n).status, CaseStatus::AwaitingParts);
}

TEST_F(PartsDeskTest, CasesWhosePartsWereOrderedBeforeTheSupplierWasWiredAreLeftAlone) {
  const std::string n = awaitingParts();
  // As a case stored before migration 6 reads: awaiting parts, no order for the supplier.
  ASSERT_TRUE(m_store->update(n, [](RepairCase& c) -> Result<void> {
    c.partsOrder = PartsOrder{};
    c.events.push_back(CaseEvent{c.events.back().at, "per", "note", "order forgotten"});  // every change has an event
    return {};
  }));
  const auto sent = desk().submitOrders(sync);
  ASSERT_TRUE(sent);
  EXPECT_TRUE(sent->empty());
  EXPECT_EQ(supplier.calls, 0);
}

}  // namespace
}  // namespace kiosk::test
