#pragma once
// The statements of the PostgreSQL store's case lookups: find by serial, the due list and its
// counts. Kept apart from running them so that a test can see how the server plans them.
#include <string>

#include "store/pg_connection.hpp"
#include "workflow/case_store.hpp"

namespace kiosk {

// Every case column, by serial, newest first.
[[nodiscard]] PgStatement pgFindBySerialStatement(const std::string& serial);
// Every case column, the customer's name holding `fragment` (case folded), newest first; limit 0
// is no limit.
[[nodiscard]] PgStatement pgFindByCustomerNameStatement(const std::string& fragment, std::size_t limit);
// list(): every case column, by due date (none last), then sequence; query.limit 0 is no limit.
[[nodiscard]] PgStatement pgListStatement(const CaseQuery& query);
// countMatching(): the cases list() would return without limit and offset.
[[nodiscard]] PgStatement pgCountStatement(const CaseQuery& query);

}  // namespace kiosk
