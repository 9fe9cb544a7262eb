#pragma once
// The port a store gives the personal-data duties (workflow/privacy.hpp): find everything held
// about one customer, and erase the personal data of cases closed long enough ago (GDPR), leaving
// what the statistics need and no copy in the database's files.
//
// A purge is the store's own write, not a CaseStore::update: it empties event details, which no
// step may alter, so it cannot go through the change rules (store/case_change_rules.hpp).
#include <cstddef>
#include <string>
#include <vector>

#include "workflow/calendar.hpp"
#include "workflow/error.hpp"
#include "workflow/repair_case.hpp"

namespace kiosk {

// Who a customer is for an export: exactly one of the two, as intake normalises them.
struct CustomerKey {
  std::string mobile;  // E.164, e.g. +4791234567
  std::string email;   // matched without regard to ASCII letter case
};

// What one purge transaction erased.
struct PurgeCounts {
  std::vector<std::string> cases;  // the numbers purged, in the order given
  std::size_t events = 0;          // event details emptied (the appended "purged" events not counted)
  std::size_t messages = 0;        // outbox messages whose recipient, subject and text were erased
  std::size_t lookupAttempts = 0;  // customer_lookup_attempt rows deleted
};

// The event a purge appends as the case's last: kind "purged", no detail.
inline constexpr std::string_view kPurgedEventKind = "purged";

class PrivacyStore {
 public:
  PrivacyStore() = default;
  PrivacyStore(const PrivacyStore&) = delete;
  PrivacyStore& operator=(const PrivacyStore&) = delete;
  virtual ~PrivacyStore() = default;

  // Every case (open or closed) whose customer has this mobile or e-mail, oldest first, each with
  // its whole timeline.
  [[nodiscard]] virtual Result<std::vector<RepairCase>> findCustomerCases(const CustomerKey& key) = 0;

  // Numbers of closed cases whose closed_at lies before `closedBefore` (00:00 that day) and that
  // have not been purged yet, the earliest closed first, at most `limit` (0: all).
  [[nodiscard]] virtual Result<std::vector<std::string>> purgeableCases(Date closedBefore, std::size_t limit) = 0;

  // In one transaction, for each of `numbers` that is still purgeable (closed before
  // `closedBefore`, not purged; others are skipped: an open case is never purged): empties the
  // personal fields (workflow/privacy.hpp erasePersonalData) and bumps the version, empties every
  // event's detail, appends `purged` as the last event, erases the recipient, subject, text and
  // last error of the case's outbox messages (a message not yet sent becomes failed, so no relay
  // sends an empty one), and deletes the lookup-attempt count of its number.
  [[nodiscard]] virtual Result<PurgeCounts> purgeCases(const std::vector<std::string>& numbers, Date closedBefore,
                                                       const CaseEvent& purged) = 0;

  // Leaves no copy of what purges erased in the database's files (SQLite: the WAL checkpointed
  // and truncated, the file vacuumed; PostgreSQL: VACUUM FULL of the touched tables). Slow on a
  // large database and holds other writers back meanwhile: once per purge run, not per batch.
  [[nodiscard]] virtual Result<void> reclaimErasedSpace() = 0;
};

}  // namespace kiosk
