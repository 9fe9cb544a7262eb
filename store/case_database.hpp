#pragma once
// A case database: the CaseStore, OutboxStore, CustomerLookupStore, StaffStore, PrivacyStore, PasscodeStore,
// AuditLog and AuditTrail ports over one connection,
// and what tools and the settings screen ask of it besides. SqliteCaseStore (one file) and PgCaseStore (a shared
// PostgreSQL server) are the two; store/open_store.hpp picks one from --db or --db-url.
#include <string>

#include "store/audit_chain.hpp"
#include "workflow/audit.hpp"

#include "workflow/case_store.hpp"
#include "workflow/customer_lookup_store.hpp"
#include "workflow/outbox_store.hpp"
#include "workflow/passcode_store.hpp"
#include "workflow/privacy_store.hpp"
#include "workflow/staff_store.hpp"

namespace kiosk {

class CaseDatabase : public CaseStore,
                     public OutboxStore,
                     public CustomerLookupStore,
                     public StaffStore,
                     public PrivacyStore,
                     public PasscodeStore,
                     public AuditLog,
                     public AuditTrail {
 public:
  // The schema version the database holds (SQLite: PRAGMA user_version; PostgreSQL: the
  // kiosk_schema table).
  [[nodiscard]] virtual Result<int> schemaVersion() = 0;
  // Where it is, for messages and the settings screen: the file's path, or the PostgreSQL URL
  // without its password.
  [[nodiscard]] virtual std::string location() const = 0;
  // The case's audit salt and the seals of its events, by position (store/audit_chain.hpp);
  // NotFound when there is no such case.
  [[nodiscard]] virtual Result<CaseAudit> loadAudit(const std::string& number) = 0;
};

}  // namespace kiosk
