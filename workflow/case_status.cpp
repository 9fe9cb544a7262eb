#include "workflow/case_status.hpp"

#include <array>
#include <utility>

namespace kiosk {
namespace {

constexpr std::array<std::pair<CaseStatus, std::string_view>, 10> kNames = {{
    {CaseStatus::Registered, "registered"},
    {CaseStatus::Diagnosed, "diagnosed"},
    {CaseStatus::AwaitingParts, "awaiting_parts"},
    {CaseStatus::InRepair, "in_repair"},
    {CaseStatus::Repaired, "repaired"},
    {CaseStatus::AwaitingCustomer, "awaiting_customer"},
    {CaseStatus::Returning, "returning"},
    {CaseStatus::Shipped, "shipped"},
    {CaseStatus::Dispatched, "dispatched"},
    {CaseStatus::Closed, "closed"},
}};

}  // namespace

std::string_view statusName(CaseStatus status) {
  for (const auto& [s, name] : kNames) {
    if (s == status) return name;
  }
  return "unknown";
}

std::optional<CaseStatus> parseStatus(std::string_view text) {
  for (const auto& [s, name] : kNames) {
    if (name == text) return s;
  }
  return std::nullopt;
}

bool isOpen(CaseStatus status) { return status != CaseStatus::Closed; }

}  // namespace kiosk
