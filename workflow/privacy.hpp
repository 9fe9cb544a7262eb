#pragma once
// Personal data (GDPR, issue 8): what is personal on a case, a customer's export, and the purge
// of cases closed long enough ago, by hand (kioskctl privacy purge) or by a retention period that
// the station duties apply once a day.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflow/audit.hpp"
#include "workflow/calendar.hpp"
#include "workflow/case_service.hpp"
#include "workflow/case_store.hpp"
#include "workflow/privacy_store.hpp"

namespace kiosk {

// Empties what identifies the customer: name, mobile, e-mail, address, E-sak, passcode, who
// accepted the case at hand-over and the signature. The rest stays for the statistics (device,
// fault and finding, dates, status, due and done, technician, parts, warranty, charges). The one
// list of personal fields: the stores' purge applies exactly this, and the audit chain keeps
// exactly these columns out of its state digest (store/audit_chain.hpp kPersonalColumns; a
// store test holds the two lists together).
void erasePersonalData(RepairCase& c);
// True when every field erasePersonalData empties is empty.
[[nodiscard]] bool holdsNoPersonalData(const RepairCase& c);

// A mobile number (normalised as intake does: 8 digits are Norwegian) or an e-mail address.
// BadInput naming "customer"; the message never repeats what was typed.
[[nodiscard]] Result<CustomerKey> parseCustomerKey(std::string_view text);

// Everything held about one customer.
struct CustomerExport {
  CustomerKey key;
  std::vector<RepairCase> cases;          // with timelines, oldest first
  std::vector<OutboxMessage> messages;    // every message of those cases, oldest first
};

struct PurgeRequest {
  Date closedBefore;        // cases closed before 00:00 that day
  bool dryRun = false;      // only say which cases would be purged
  Actor actor;              // names the "purged" event
  std::size_t batchSize = 100;  // cases per transaction, so other stations' writes go on between
};

struct PurgeReport {
  Date closedBefore;
  bool dryRun = false;
  PurgeCounts counts;  // with dryRun: only the cases that would be purged
};

// The first day whose closed cases are kept: `today` less `retainClosedDays` days. Cases closed
// before it are purged.
[[nodiscard]] Date retentionCutoff(Date today, int retainClosedDays);

// The longest and shortest retention the configuration accepts (days).
inline constexpr int kMinRetainClosedDays = 1;
inline constexpr int kMaxRetainClosedDays = 36'500;

class PrivacyService {
 public:
  // UTC milliseconds since the epoch: the audit log's clock.
  using UtcClock = std::function<std::int64_t()>;

  // With `audit`, every export and every purge that erased anything is an entry of the audit log
  // (never who the customer is: an export names only the kind of key, mobile or e-mail). `nowMs`
  // stamps those entries; empty: the system clock.
  PrivacyService(CaseStore& cases, PrivacyStore& privacy, AuditLog* audit = nullptr, UtcClock nowMs = {});

  // Everything held about the customer `text` names (see parseCustomerKey), asked for by `staff`.
  // A customer with no case gets an empty export, not an error: "nothing held" is an answer. With
  // an audit log, an export the log did not take is not handed out.
  [[nodiscard]] Result<CustomerExport> exportCustomer(std::string_view text, std::string_view staff = {});

  // Purges every purgeable case in batches, then (when anything was purged) reclaims the space so
  // no copy is left in the files. A failed batch stops the run: the batches before it stay purged
  // (and the audit log says how many, and that it stopped).
  [[nodiscard]] Result<PurgeReport> purge(const PurgeRequest& request);

 private:
  [[nodiscard]] Result<void> log(std::string_view staff, std::string kind, std::string subject, std::string detail);

  CaseStore& m_cases;
  PrivacyStore& m_privacy;
  AuditLog* m_audit;
  UtcClock m_nowMs;
};

// The retention duty of a station: runs the purge for cases closed more than retainClosedDays
// ago at most once per calendar day (of the actor's time). One per station process; several
// stations each run it once a day, and all but the first find nothing to purge.
class RetentionDuty {
 public:
  RetentionDuty(PrivacyService& privacy, int retainClosedDays) : m_privacy(privacy), m_days(retainClosedDays) {}

  // nullopt when it already ran today.
  [[nodiscard]] std::optional<Result<PurgeReport>> runIfDue(const Actor& actor);

 private:
  PrivacyService& m_privacy;
  int m_days;
  std::optional<Date> m_lastRun;
};

}  // namespace kiosk
