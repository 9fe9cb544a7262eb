#include "workflow/parts_supplier.hpp"

#include <array>
#include <utility>

namespace kiosk {
namespace {

constexpr std::array<std::pair<PartsOrderStatus, std::string_view>, 4> kStatuses = {{
    {PartsOrderStatus::Ordered, "ordered"},
    {PartsOrderStatus::Shipped, "shipped"},
    {PartsOrderStatus::Arrived, "arrived"},
    {PartsOrderStatus::Cancelled, "cancelled"},
}};

}  // namespace

std::string_view partsOrderStatusName(PartsOrderStatus status) {
  for (const auto& [s, name] : kStatuses) {
    if (s == status) return name;
  }
  return "ordered";
}

std::optional<PartsOrderStatus> parsePartsOrderStatus(std::string_view text) {
  for (const auto& [s, name] : kStatuses) {
    if (name == text) return s;
  }
  return std::nullopt;
}

}  // namespace kiosk
