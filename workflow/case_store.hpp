#pragma once
// The CaseStore port: how the workflow keeps cases. store/ implements it (SQLite, later
// PostgreSQL); the workflow never knows which.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "workflow/error.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk {

// Every filter combines with the others (AND).
struct CaseQuery {
  std::optional<CaseStatus> status;  // only this status (closed included when asked for)
  bool includeClosed = false;        // without a status: open cases only unless set
  std::optional<Date> dueBefore;     // only cases due strictly before this day
  std::optional<Date> dueOnOrBefore; // only cases due on or before this day (the due list)
  std::optional<std::string> vendor;      // only this vendor's cases (profile id, e.g. "apple")
  std::optional<std::string> technician;  // only cases this staff member has (exact name; "" = none yet)
  // Only cases not done (not shipped / visited) whose customer has not had a deviation notice.
  bool awaitingDeviationNotice = false;
  std::size_t limit = 0;             // 0: no limit
  std::size_t offset = 0;
};

// Open cases that share all of these, counted: what the dashboard's figures are made from
// (workflow/dashboard.hpp), so that the store returns a few hundred groups, not every case.
struct OpenCaseGroup {
  CaseStatus status = CaseStatus::Registered;
  std::string vendor;
  std::string technician;
  std::optional<Date> due;
  bool lateReport = false;
  bool done = false;  // doneAt set (shipped / on-site visit done)
  std::size_t count = 0;
};

// Cases (open or closed) with this due date, grouped, for met and missed due dates.
struct DueOutcomeGroup {
  Date due;
  std::optional<Date> doneOn;  // the day of doneAt, if done
  std::string vendor;
  std::string technician;
  std::size_t count = 0;
};

class CaseStore {
 public:
  using Change = std::function<Result<void>(RepairCase&)>;

  CaseStore() = default;
  CaseStore(const CaseStore&) = delete;
  CaseStore& operator=(const CaseStore&) = delete;
  virtual ~CaseStore() = default;

  // Stores a new case durably in one transaction: assigns its sequence and number, writes it and
  // its events, and the outbox messages in draft.newMessages (addressed with the new number). Refused (naming the open case's number) when the serial already has an open case
  // and the draft gives no intake.secondCaseReason.
  [[nodiscard]] virtual Result<RepairCase> create(RepairCase draft) = 0;

  // The case with its whole timeline; NotFound when there is none.
  [[nodiscard]] virtual Result<RepairCase> load(const std::string& number) = 0;

  // Reads the current state, applies `change` and writes the result in one durable transaction,
  // with events appended by the change and the version bumped, and the outbox messages the change
  // put in newMessages (each for one of the events it appended). When the change fails nothing is
  // written, neither event nor message, and its error is returned.
  [[nodiscard]] virtual Result<RepairCase> update(const std::string& number, const Change& change) = 0;

  // Lookups for lists and search; cases come without events, newest first for the finds.
  [[nodiscard]] virtual Result<std::vector<RepairCase>> findBySerial(const std::string& serial) = 0;
  [[nodiscard]] virtual Result<std::vector<RepairCase>> findByMobile(const std::string& mobile) = 0;
  [[nodiscard]] virtual Result<std::vector<RepairCase>> findByCustomerName(const std::string& fragment,
                                                                           std::size_t limit) = 0;
  // Ordered by due date (cases without one last), then by registration.
  [[nodiscard]] virtual Result<std::vector<RepairCase>> list(const CaseQuery& query) = 0;
  // How many cases `list(query)` would return without limit and offset.
  [[nodiscard]] virtual Result<std::size_t> countMatching(const CaseQuery& query) = 0;
  [[nodiscard]] virtual Result<std::size_t> count() = 0;

  // A number that changes whenever any connection or process commits a change to cases through a
  // store (the kiosk polls it to refresh what another station changed). Only equality is
  // meaningful. SQLite sees any commit to the file, even one typed in the sqlite3 shell;
  // PostgreSQL hears what stores announce after they commit (LISTEN/NOTIFY), so a row changed
  // by hand in psql shows at the next change a station makes.
  [[nodiscard]] virtual Result<std::uint64_t> changeStamp() = 0;

  // Open cases grouped for the dashboard (see workflow/dashboard.hpp).
  [[nodiscard]] virtual Result<std::vector<OpenCaseGroup>> groupOpenCases() = 0;
  // Cases whose due date lies in [from, to], grouped, for met/missed due dates.
  [[nodiscard]] virtual Result<std::vector<DueOutcomeGroup>> groupDueOutcomes(Date from, Date to) = 0;

  // Outbox messages matching `query`, oldest first.
  [[nodiscard]] virtual Result<std::vector<OutboxMessage>> listOutbox(const OutboxQuery& query) = 0;
};

}  // namespace kiosk
