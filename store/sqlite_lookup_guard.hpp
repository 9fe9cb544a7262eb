#pragma once
// SQLite's side of customer lookups: the SQL function the schema migration draws the codes of
// existing cases with. The CustomerLookupStore methods themselves are SqliteCaseStore's
// (sqlite_lookup_guard.cpp). Internal to store/.
namespace kiosk {

class SqliteConnection;

// Registers kiosk_new_customer_code() on the connection: a fresh customer code at each call
// (drawCustomerCode), for migration 8's UPDATE of the cases from before it. Throws SqliteError.
void registerCustomerCodeFunction(SqliteConnection& db);

}  // namespace kiosk
