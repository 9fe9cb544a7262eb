-- Customers at the counter (issue 8), as SQLite's migration 8: every case has a customer code,
-- eight symbols of the case-number alphabet (workflow/customer_code.hpp) printed on the receipt.
-- The store draws a new case's code when it creates it. The cases already here get theirs now,
-- from the server's strong generator: each symbol from two bytes of its own gen_random_uuid()
-- (pg_strong_random; bytes 0 and 1 of a version 4 UUID are wholly random), modulo 23 (65536 =
-- 2849 * 23 + 9: nine symbols are 1/2849 likelier than the others, which no guesser can use).
-- The reference to repair_case.seq makes the subquery run again for every row.
ALTER TABLE repair_case ADD COLUMN customer_code TEXT NOT NULL DEFAULT '';
UPDATE repair_case SET customer_code = (
  SELECT string_agg(substr('0123456789ACEFHJKMNPRTX', 1 + (get_byte(r.b, 0) * 256 + get_byte(r.b, 1)) % 23, 1), ''
                    ORDER BY r.i)
  FROM (SELECT i, uuid_send(gen_random_uuid()) AS b FROM generate_series(1, 8) AS i
        WHERE repair_case.seq IS NOT NULL) AS r);

-- Wrong codes per case number and the lockout they lead to (workflow/customer_lookup_store.hpp):
-- apart from repair_case, so counting never bumps a case's version nor waits on its row lock;
-- keyed by the number as typed, so numbers no case has are counted and locked too. A right code
-- deletes the row. Times are UTC milliseconds since the epoch.
CREATE TABLE customer_lookup_attempt (
  number TEXT PRIMARY KEY,
  attempts INTEGER NOT NULL CHECK (attempts >= 1),
  locked_until_ms BIGINT
);
