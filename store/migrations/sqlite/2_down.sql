-- Back to version 1. The indexes go first: SQLite refuses to drop an indexed column.
-- DROP COLUMN needs SQLite 3.35 or later (Debian 12 has 3.40); it discards every technician.
DROP INDEX repair_case_due;
DROP INDEX repair_case_open_technician_due;
DROP INDEX repair_case_open_vendor_due;
ALTER TABLE repair_case DROP COLUMN technician;
