#include "kiosk/screens/customer_status_lines.hpp"

#include "kiosk/screens/case_rows.hpp"

namespace kiosk {

CustomerStatusView customerStatusView(const RepairCase& repairCase, const VendorCatalog& vendors,
                                      const UiText& text) {
  const std::string status(statusName(repairCase.status));
  CustomerStatusView view;
  view.number = repairCase.number;
  view.device = deviceLine(repairCase, vendors, text);
  view.status = text("customer.status." + status);
  view.next = text("customer.next." + status);
  if (!isOpen(repairCase.status)) {
    view.due = text("customer.due_closed");
  } else if (repairCase.due) {
    view.due = text.format("customer.due", {{"date", text.translations().longDate(*repairCase.due)}});
  } else {
    view.due = text("customer.due_unknown");
  }
  return view;
}

}  // namespace kiosk
