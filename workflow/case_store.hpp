#pragma once
// The CaseStore port: how the workflow keeps cases. store/ implements it (SQLite, later
// PostgreSQL); the workflow never knows which.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "workflow/error.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk {

struct CaseQuery {
  std::optional<CaseStatus> status;  // only this status (closed included when asked for)
  bool includeClosed = false;        // without a status: open cases only unless set
  std::optional<Date> dueBefore;     // only cases due strictly before this day
  std::optional<Date> dueOnOrBefore; // only cases due on or before this day (the due list)
  std::size_t limit = 0;             // 0: no limit
  std::size_t offset = 0;
};

class CaseStore {
 public:
  using Change = std::function<Result<void>(RepairCase&)>;

  CaseStore() = default;
  CaseStore(const CaseStore&) = delete;
  CaseStore& operator=(const CaseStore&) = delete;
  virtual ~CaseStore() = default;

  // Stores a new case durably in one transaction: assigns its sequence and number, writes it and
  // its events. Refused (naming the open case's number) when the serial already has an open case
  // and the draft gives no intake.secondCaseReason.
  [[nodiscard]] virtual Result<RepairCase> create(RepairCase draft) = 0;

  // The case with its whole timeline; NotFound when there is none.
  [[nodiscard]] virtual Result<RepairCase> load(const std::string& number) = 0;

  // Reads the current state, applies `change` and writes the result in one durable transaction,
  // with events appended by the change and the version bumped. When the change fails nothing is
  // written and its error is returned.
  [[nodiscard]] virtual Result<RepairCase> update(const std::string& number, const Change& change) = 0;

  // Lookups for lists and search; cases come without events, newest first for the finds.
  [[nodiscard]] virtual Result<std::vector<RepairCase>> findBySerial(const std::string& serial) = 0;
  [[nodiscard]] virtual Result<std::vector<RepairCase>> findByMobile(const std::string& mobile) = 0;
  [[nodiscard]] virtual Result<std::vector<RepairCase>> findByCustomerName(const std::string& fragment,
                                                                           std::size_t limit) = 0;
  // Ordered by due date (cases without one last), then by registration.
  [[nodiscard]] virtual Result<std::vector<RepairCase>> list(const CaseQuery& query) = 0;
  [[nodiscard]] virtual Result<std::size_t> count() = 0;
};

}  // namespace kiosk
