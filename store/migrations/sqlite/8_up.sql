-- Customers at the counter (issue 8). Every case has a customer code: eight symbols of the
-- case-number alphabet, printed on the receipt and in its QR code, that the customer gives with
-- the case number to see the case's status (workflow/customer_code.hpp). The store draws a new
-- case's code when it creates it; the cases already here get theirs now, from
-- kiosk_new_customer_code(), which the store registers on its connection before it migrates
-- (store/sqlite_lookup_guard.cpp): the same generator as intake (libsodium's randombytes), so
-- this script runs only through the store, not in the sqlite3 shell. Their receipts, printed
-- before codes existed, carry none: the counter reads the code out to the customer (case show).
ALTER TABLE repair_case ADD COLUMN customer_code TEXT NOT NULL DEFAULT '';
UPDATE repair_case SET customer_code = kiosk_new_customer_code();

-- Wrong codes per case number and the lockout they lead to (workflow/customer_lookup_store.hpp).
-- Apart from repair_case, so that counting is no change to the case (its version stays, and no
-- technician's step conflicts with a customer's lookup); keyed by the number as typed, not by
-- the case, so that numbers no case has are counted and locked too. A right code deletes the
-- row. Times are UTC milliseconds since the epoch, as the outbox's.
CREATE TABLE customer_lookup_attempt (
  number TEXT PRIMARY KEY,
  attempts INTEGER NOT NULL CHECK (attempts >= 1),
  locked_until_ms INTEGER
) WITHOUT ROWID;
