#pragma once
// What a station does now and then besides sending messages (issue 6): tell the customers of
// cases that will miss their due date (once each), and, with a parts supplier, hand it the new
// orders and move on the cases whose parts arrived; with a retention period (issue 8), purge the
// personal data of cases closed longer ago, once a day. The kiosk's background relay runs it
// every minute.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "workflow/case_service.hpp"
#include "workflow/parts_desk.hpp"
#include "workflow/privacy.hpp"

namespace kiosk {

struct StationDutiesReport {
  std::vector<std::string> deviationsNoticed;  // case numbers told "will miss its due date"
  std::vector<PartsDeskAction> parts;          // empty without a supplier
  std::optional<PurgeReport> purged;           // when the retention duty ran this time
  std::vector<Error> errors;                   // each duty goes on when another fails
};

// `parts` may be null (no supplier configured), and `retention` (no retention period). At most
// `deviationLimit` notices per run, so a backlog (a database moved in with many overdue cases) is
// worked off a page at a time.
[[nodiscard]] StationDutiesReport runStationDuties(CaseService& service, PartsDesk* parts, RetentionDuty* retention,
                                                   const Actor& actor, std::size_t deviationLimit = 100);

}  // namespace kiosk
