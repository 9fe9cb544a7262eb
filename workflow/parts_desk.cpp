#include "workflow/parts_desk.hpp"

namespace kiosk {
namespace {

using Kind = PartsDeskAction::Kind;

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const auto& p : parts) text += (text.empty() ? "" : ", ") + p;
  return text;
}

std::string describe(const PartsOrderState& state) {
  std::string text(partsOrderStatusName(state.status));
  if (state.eta) text += ", expected " + formatDate(*state.eta);
  if (!state.detail.empty()) text += ": " + state.detail;
  return text;
}

}  // namespace

std::string_view partsDeskActionName(Kind kind) {
  switch (kind) {
    case Kind::Sent: return "sent";
    case Kind::Waiting: return "waiting";
    case Kind::Arrived: return "arrived";
    case Kind::Cancelled: return "cancelled";
    case Kind::Failed: return "failed";
  }
  return "failed";
}

PartsDesk::PartsDesk(CaseStore& store, PartsSupplier& supplier) : m_store(store), m_supplier(supplier) {}

Result<std::vector<RepairCase>> PartsDesk::awaitingParts() {
  CaseQuery query;
  query.status = CaseStatus::AwaitingParts;
  return m_store.list(query);
}

Result<std::vector<PartsDeskAction>> PartsDesk::submitOrders(const Actor& actor) {
  auto cases = awaitingParts();
  if (!cases) return tl::unexpected(cases.error());
  std::vector<PartsDeskAction> done;
  for (const RepairCase& c : *cases) {
    if (!c.partsOrder.reference.empty() && c.partsOrder.supplierId.empty()) done.push_back(submit(c, actor));
  }
  return done;
}

Result<std::vector<PartsDeskAction>> PartsDesk::pollArrivals(const Actor& actor) {
  auto cases = awaitingParts();
  if (!cases) return tl::unexpected(cases.error());
  std::vector<PartsDeskAction> done;
  for (const RepairCase& c : *cases) {
    if (!c.partsOrder.supplierId.empty()) done.push_back(poll(c, actor));
  }
  return done;
}

PartsDeskAction PartsDesk::submit(const RepairCase& listed, const Actor& actor) {
  const PartsOrder& order = listed.partsOrder;
  const PartsOrderRequest request{order.reference, listed.number,  listed.device.vendor,
                                  listed.device.product, listed.device.serial, order.parts};
  const auto id = m_supplier.order(request);
  if (!id) return {listed.number, Kind::Failed, id.error().message};

  bool recordedElsewhere = false;  // another station sent the same order first: same id, one event
  const auto updated = m_store.update(listed.number, [&](RepairCase& c) -> Result<void> {
    if (c.status != CaseStatus::AwaitingParts || c.partsOrder.reference != order.reference) {
      return refused("the case moved on while the order was sent; supplier order " + *id +
                     " (reference " + order.reference + ") is not recorded on it");
    }
    if (!c.partsOrder.supplierId.empty()) {
      recordedElsewhere = true;
      return refused("already recorded");
    }
    c.partsOrder.supplierId = *id;
    c.events.push_back({actor.at, actor.staff, "parts-order-sent",
                        "supplier order " + *id + " (reference " + order.reference + "): " + joined(order.parts)});
    return {};
  });
  if (recordedElsewhere) return {listed.number, Kind::Sent, "supplier order " + *id + " (recorded by another run)"};
  if (!updated) return {listed.number, Kind::Failed, updated.error().message};
  return {listed.number, Kind::Sent, "supplier order " + *id + ": " + joined(order.parts)};
}

PartsDeskAction PartsDesk::poll(const RepairCase& listed, const Actor& actor) {
  const std::string id = listed.partsOrder.supplierId;
  const auto state = m_supplier.status(id);
  if (!state) return {listed.number, Kind::Failed, state.error().message};
  const std::string what = "supplier order " + id + " " + describe(*state);
  if (state->status == PartsOrderStatus::Ordered || state->status == PartsOrderStatus::Shipped) {
    return {listed.number, Kind::Waiting, what};
  }
  const bool arrived = state->status == PartsOrderStatus::Arrived;
  const auto updated = m_store.update(listed.number, [&](RepairCase& c) -> Result<void> {
    if (c.status != CaseStatus::AwaitingParts || c.partsOrder.supplierId != id) {
      return refused("the case moved on or was ordered again meanwhile; supplier order " + id + " left as it is");
    }
    if (arrived) {
      // The receive-parts step, done by the supplier's word: the case keeps its technician.
      c.status = CaseStatus::InRepair;
      c.events.push_back({actor.at, actor.staff, "receive-parts",
                          "supplier order " + id + " arrived: " + joined(c.partsOrder.parts)});
    } else {
      c.events.push_back({actor.at, actor.staff, "parts-order-cancelled",
                          what + "; order the parts again"});
      c.partsOrder = PartsOrder{};
    }
    return {};
  });
  if (!updated) return {listed.number, Kind::Failed, updated.error().message};
  return {listed.number, arrived ? Kind::Arrived : Kind::Cancelled, what};
}

}  // namespace kiosk
