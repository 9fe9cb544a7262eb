-- Back to version 7: forgets every customer code and the lookup counts. Going up again draws
-- new codes, which the receipts already printed do not carry. DROP COLUMN needs SQLite 3.35.
DROP TABLE customer_lookup_attempt;
ALTER TABLE repair_case DROP COLUMN customer_code;
