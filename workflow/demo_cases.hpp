#pragma once
// Realistic demo cases in every status, for `kioskctl demo` and `scripts/run --demo`.
#include <cstddef>

#include "workflow/case_service.hpp"

namespace kiosk {

// Registers `count` cases over the last weeks before `now` and walks each through the workflow
// to a status of its own, through the same service a technician uses. Returns how many were added.
[[nodiscard]] Result<std::size_t> fillWithDemoCases(CaseService& service, std::size_t count, LocalTime now);

}  // namespace kiosk
