#pragma once
// The settings screen's view of the vendor profiles (assets/vendors/*.json): one column per
// vendor, one row per term, in the current language. Read only: a service centre edits the
// files.
#include "kiosk/ui/ui_text.hpp"
#include "workflow/vendor_profile.hpp"

namespace kiosk {

void drawVendorProfiles(const VendorCatalog& vendors, const UiText& text);

}  // namespace kiosk
