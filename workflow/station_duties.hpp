#pragma once
// What a station does now and then besides sending messages (issue 6): tell the customers of
// cases that will miss their due date (once each), and, with a parts supplier, hand it the new
// orders and move on the cases whose parts arrived. The kiosk's background relay runs it every
// minute; `kioskctl outbox run` before it sends.
#include <cstddef>
#include <string>
#include <vector>

#include "workflow/case_service.hpp"
#include "workflow/parts_desk.hpp"

namespace kiosk {

struct StationDutiesReport {
  std::vector<std::string> deviationsNoticed;  // case numbers told "will miss its due date"
  std::vector<PartsDeskAction> parts;          // empty without a supplier
  std::vector<Error> errors;                   // each duty goes on when another fails
};

// `parts` may be null (no supplier configured). At most `deviationLimit` notices per run, so a
// backlog (a database moved in with many overdue cases) is worked off a page at a time.
[[nodiscard]] StationDutiesReport runStationDuties(CaseService& service, PartsDesk* parts, const Actor& actor,
                                                   std::size_t deviationLimit = 100);

}  // namespace kiosk
