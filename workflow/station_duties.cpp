#include "workflow/station_duties.hpp"

namespace kiosk {

StationDutiesReport runStationDuties(CaseService& service, PartsDesk* parts, RetentionDuty* retention,
                                     const Actor& actor, std::size_t deviationLimit) {
  StationDutiesReport report;
  if (auto noticed = service.noticeDeviations(actor, deviationLimit)) {
    report.deviationsNoticed = std::move(*noticed);
  } else {
    report.errors.push_back(noticed.error());
  }
  if (retention != nullptr) {
    if (auto ran = retention->runIfDue(actor)) {
      if (*ran) {
        report.purged = std::move(**ran);
      } else {
        report.errors.push_back(ran->error());
      }
    }
  }
  if (parts == nullptr) return report;
  // Arrivals first: an order sent in this run is not asked about in the same breath.
  for (auto run : {&PartsDesk::pollArrivals, &PartsDesk::submitOrders}) {
    auto actions = (parts->*run)(actor);
    if (!actions) {
      report.errors.push_back(actions.error());
      continue;
    }
    report.parts.insert(report.parts.end(), actions->begin(), actions->end());
  }
  return report;
}

}  // namespace kiosk
