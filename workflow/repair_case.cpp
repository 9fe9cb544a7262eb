#include "workflow/repair_case.hpp"

#include <array>
#include <string>
#include <utility>

namespace kiosk {
namespace {

constexpr std::array<std::pair<CustomerAnswer, std::string_view>, 4> kAnswers = {{
    {CustomerAnswer::None, "none"},
    {CustomerAnswer::Approved, "approved"},
    {CustomerAnswer::Declined, "declined"},
    {CustomerAnswer::BoughtNew, "bought-new"},
}};

}  // namespace

std::string partsOrderReference(std::string_view caseNumber, std::size_t eventPosition) {
  return std::string(caseNumber) + "-" + std::to_string(eventPosition) + "-parts";
}

std::string_view customerAnswerName(CustomerAnswer answer) {
  for (const auto& [a, name] : kAnswers) {
    if (a == answer) return name;
  }
  return "none";
}

std::optional<CustomerAnswer> parseCustomerAnswer(std::string_view text) {
  for (const auto& [a, name] : kAnswers) {
    if (name == text) return a;
  }
  return std::nullopt;
}

}  // namespace kiosk
