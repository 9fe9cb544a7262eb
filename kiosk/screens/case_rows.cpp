#include "kiosk/screens/case_rows.hpp"

namespace kiosk {

std::string deviceLine(const RepairCase& repairCase, const VendorCatalog& vendors, const UiText& text) {
  const VendorProfile* vendor = vendors.find(repairCase.device.vendor);
  const std::string vendorName = vendor != nullptr ? vendor->name : repairCase.device.vendor;
  const std::string family =
      text.translations().lookupOr("family." + repairCase.device.family, repairCase.device.family);
  return vendorName + " " + family;
}

const char* statusText(CaseStatus status, const UiText& text) {
  return text("status." + std::string(statusName(status)));
}

std::string shortCustomerName(const std::string& name) {
  const auto space = name.find(' ');
  if (space == std::string::npos) return name;
  const auto last = name.find_last_of(' ');
  if (last + 1 >= name.size()) return name.substr(0, space);
  // The last name's first letter: one UTF-8 character (Ø, Å are two bytes).
  std::size_t end = last + 2;
  while (end < name.size() && (static_cast<unsigned char>(name[end]) & 0xC0U) == 0x80U) ++end;
  return name.substr(0, space) + " " + name.substr(last + 1, end - last - 1) + ".";
}

}  // namespace kiosk
