#include "kiosk/screens/customer_status_lines.hpp"

namespace kiosk {

CustomerStatusView customerStatusView(const CustomerCaseStatus& status, const VendorCatalog& vendors,
                                      const UiText& text) {
  CustomerStatusWords words = customerStatusWords(status, vendors, text.translations());
  return CustomerStatusView{status.number, std::move(words.device), std::move(words.status), std::move(words.due),
                            std::move(words.next)};
}

}  // namespace kiosk
