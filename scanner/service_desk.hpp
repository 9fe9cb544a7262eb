#pragma once
// How customers reach the service desk, as printed on receipts: from assets/service_desk.json,
// so a changed phone number is an edit, not a release.
#include <filesystem>
#include <string>
#include <vector>

#include "workflow/error.hpp"

namespace kiosk {

struct ServiceDesk {
  std::string name;          // Atea SOS
  std::string phone;         // 03060
  std::string phoneAbroad;   // +47 32 20 79 08
  std::string email;
  std::string web;
  std::vector<std::string> letter;  // postal address, one line each
  std::string hours;         // "24x7" (the only opening hours the receipt knows how to say)
  std::string generalAgreement;     // SA0009858: the agreement when a case names none
};

[[nodiscard]] Result<ServiceDesk> loadServiceDesk(const std::filesystem::path& assetsDir);

}  // namespace kiosk
