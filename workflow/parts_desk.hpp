#pragma once
// The parts desk: hands the parts orders that order-parts steps made to the supplier, and moves
// a case on when its parts arrive. Run it now and then (kioskctl parts sync, the kiosk later);
// each run looks at every case awaiting parts once. A supplier that fails is reported per case
// and tried again on the next run; nothing is half-written.
#include <string>
#include <string_view>
#include <vector>

#include "workflow/case_service.hpp"
#include "workflow/case_store.hpp"
#include "workflow/parts_supplier.hpp"

namespace kiosk {

// What the desk did with one case, for the log.
struct PartsDeskAction {
  enum class Kind {
    Sent,       // the supplier took the order; its id is on the case (event parts-order-sent)
    Waiting,    // ordered or shipped, not arrived yet
    Arrived,    // the parts arrived: the case is in repair (event receive-parts)
    Cancelled,  // the supplier cancelled: the case awaits a new order (event parts-order-cancelled)
    Failed,     // the supplier or the store failed; tried again on the next run
  };
  std::string caseNumber;
  Kind kind = Kind::Failed;
  std::string detail;  // the order id and what the supplier said, or what failed
};

[[nodiscard]] std::string_view partsDeskActionName(PartsDeskAction::Kind kind);  // "sent", ...

class PartsDesk {
 public:
  PartsDesk(CaseStore& store, PartsSupplier& supplier);

  // Every open case awaiting parts whose latest order has not reached the supplier: the order
  // goes out under its stable reference and the supplier's id is recorded with an event, in one
  // update. An Err only when the cases cannot be listed.
  [[nodiscard]] Result<std::vector<PartsDeskAction>> submitOrders(const Actor& actor);
  // Every open case awaiting parts with an order at the supplier: arrived moves it to in repair
  // (the receive-parts step, the technician kept); cancelled leaves it awaiting parts with an
  // event saying so and no order, for the technician to order again.
  [[nodiscard]] Result<std::vector<PartsDeskAction>> pollArrivals(const Actor& actor);

 private:
  [[nodiscard]] PartsDeskAction submit(const RepairCase& listed, const Actor& actor);
  [[nodiscard]] PartsDeskAction poll(const RepairCase& listed, const Actor& actor);
  [[nodiscard]] Result<std::vector<RepairCase>> awaitingParts();

  CaseStore& m_store;
  PartsSupplier& m_supplier;
};

}  // namespace kiosk
