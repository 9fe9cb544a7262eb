-- The first schema: one row per repair case, its timeline in its own append-only table.
-- Dates are 'YYYY-MM-DD' text and Oslo wall-clock times 'YYYY-MM-DDTHH:MM:SS' text, so they sort
-- as they read and a person with the sqlite3 shell sees what the kiosk shows.

CREATE TABLE repair_case (
  -- AUTOINCREMENT, not a plain rowid: a sequence (and so a case number) is never reused, even
  -- after the newest case is deleted by hand.
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  number TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL CHECK (version >= 1),
  status TEXT NOT NULL,
  registered_at TEXT NOT NULL,

  device_vendor TEXT NOT NULL,
  device_family TEXT NOT NULL,
  device_serial TEXT NOT NULL,
  device_product TEXT NOT NULL,
  device_purchased TEXT,              -- NULL: not recorded
  device_seller TEXT NOT NULL,
  device_country TEXT NOT NULL,
  device_ace_until TEXT,
  device_contract_until TEXT,

  customer_name TEXT NOT NULL,
  customer_mobile TEXT NOT NULL,
  customer_email TEXT NOT NULL,
  customer_address TEXT NOT NULL,

  intake_ecase TEXT NOT NULL,
  intake_invoice TEXT NOT NULL,
  intake_order TEXT NOT NULL,
  intake_fault TEXT NOT NULL,
  intake_channel TEXT NOT NULL,
  intake_agreement TEXT NOT NULL,
  intake_accessories TEXT NOT NULL,
  intake_condition TEXT NOT NULL,
  intake_shelf TEXT NOT NULL,
  intake_passcode TEXT NOT NULL,
  intake_second_case_reason TEXT NOT NULL,

  finding TEXT NOT NULL,
  damage TEXT NOT NULL,               -- '' for none, else liquid, impact, cracked-screen
  -- The warranty decision; warranty_covered is NULL while none has been taken.
  warranty_covered INTEGER CHECK (warranty_covered IN (0, 1)),
  warranty_basis TEXT,
  warranty_covered_until TEXT,
  warranty_action TEXT,
  warranty_fee_nok INTEGER,
  quote_ore INTEGER,
  answer TEXT NOT NULL,               -- none, approved, declined, bought-new
  parts TEXT NOT NULL CHECK (json_valid(parts) AND json_type(parts) = 'array'),
  carrier TEXT NOT NULL,
  tracking TEXT NOT NULL,
  informed_at TEXT,
  due TEXT,
  late_report INTEGER NOT NULL CHECK (late_report IN (0, 1)),
  done_at TEXT,
  closed_at TEXT,
  accepted_by TEXT NOT NULL,

  CHECK (due IS NULL OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  CHECK (registered_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]')
);

-- The counter looks a device up by serial (and the one-open-case rule asks it on every intake).
CREATE INDEX repair_case_serial ON repair_case (device_serial);
CREATE INDEX repair_case_mobile ON repair_case (customer_mobile);
-- The due list: open cases by due date. Partial, so the closed cases that pile up over the
-- years never slow it down; SQLite walks it twice for "due NULLS LAST" instead of sorting.
CREATE INDEX repair_case_open_due ON repair_case (due, seq) WHERE status <> 'closed';
-- Lists of one status, in the same order.
CREATE INDEX repair_case_status_due ON repair_case (status, due, seq);

CREATE TABLE case_event (
  case_seq INTEGER NOT NULL REFERENCES repair_case (seq),
  position INTEGER NOT NULL CHECK (position >= 0),
  at TEXT NOT NULL,
  staff TEXT NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL,
  PRIMARY KEY (case_seq, position)
) WITHOUT ROWID;

-- The timeline is evidence: the store only appends, and so must anyone with a shell.
CREATE TRIGGER case_event_no_update BEFORE UPDATE ON case_event
BEGIN
  SELECT RAISE(ABORT, 'case events are append-only');
END;
CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event
BEGIN
  SELECT RAISE(ABORT, 'case events are append-only');
END;
