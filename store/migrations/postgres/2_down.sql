-- Back to version 1: forgets every customer code and the lookup counts. Going up again draws
-- new codes, which the receipts already printed do not carry.
DROP TABLE customer_lookup_attempt;
ALTER TABLE repair_case DROP COLUMN customer_code;
