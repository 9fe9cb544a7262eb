-- The technician and the kiosk's filtered queue. The bench queue filters open cases by vendor
-- or technician and pages through them in due order; its counter and the dashboard count them.
-- At a million cases each of those must walk an index, never the table.

-- Who last did a bench step on the case; '' until a technician has taken it. ADD COLUMN with a
-- constant default rewrites no rows, so this is instant on a large file.
ALTER TABLE repair_case ADD COLUMN technician TEXT NOT NULL DEFAULT '';

-- The due list of one vendor or one technician, as repair_case_open_due is for all: partial
-- (open cases only) and in the list's order, so a page and its count read only the entries they
-- need. The WHERE must be spelt as the store's queries spell it for SQLite to use them.
CREATE INDEX repair_case_open_vendor_due ON repair_case (device_vendor, due, seq) WHERE status <> 'closed';
CREATE INDEX repair_case_open_technician_due ON repair_case (technician, due, seq) WHERE status <> 'closed';
-- Met and missed due dates look at closed cases too, by a range of due dates; the partial
-- repair_case_open_due cannot serve them.
CREATE INDEX repair_case_due ON repair_case (due);
