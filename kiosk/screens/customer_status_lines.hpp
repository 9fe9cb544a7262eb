#pragma once
// What the counter-facing status screen tells a customer about their case: where the repair
// stands and when it is due, in plain words, and nothing personal (no name, phone, e-mail,
// address, serial, passcode or fault text). Plain C++ so tests read exactly what is shown.
#include <string>

#include "kiosk/ui/ui_text.hpp"
#include "workflow/customer_lookup.hpp"
#include "workflow/vendor_profile.hpp"

namespace kiosk {

struct CustomerStatusView {
  std::string number;  // the case number the customer scanned or typed
  std::string device;  // the kind of device only: "Apple Mac"
  std::string status;  // "Vi venter på deler"
  std::string due;     // "Forventet tilbake: 28. november 2026", or why there is no date yet
  std::string next;    // what happens next, for the customer
};

// Built from a CustomerCaseStatus only (workflow/customer_lookup.hpp), which holds nothing
// personal; the words are kioskctl status's (customerStatusWords).
[[nodiscard]] CustomerStatusView customerStatusView(const CustomerCaseStatus& status, const VendorCatalog& vendors,
                                                    const UiText& text);

}  // namespace kiosk
