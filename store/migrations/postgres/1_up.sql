-- The shared store's schema: what SQLite's migrations 1 to 7 built, in one step, for PostgreSQL.
-- Days are DATE (the connection runs with DateStyle ISO, so they read 'YYYY-MM-DD' as in SQLite);
-- Oslo wall-clock times stay 'YYYY-MM-DDTHH:MM:SS' text, as the kiosk shows and SQLite keeps them.

-- Case numbers are a scramble of this sequence (workflow/case_number.hpp), so they are unique
-- across every station and site on the server and never reused. A sequence is not rolled back:
-- an intake that fails after taking its number (the connection dropped, the server refused the
-- row) leaves that number unused. That gap is allowed, and no one has to explain it: the number
-- was never acknowledged, so it is on no receipt, label or screen. The one-open-case check
-- runs before the number is taken, so a refused second case burns none. The alternative, a
-- counter row locked until commit, would make every intake on every station wait for the one
-- before it to reach the disk.
CREATE SEQUENCE case_number_seq AS BIGINT MINVALUE 1 MAXVALUE 3404825446 NO CYCLE;

CREATE TABLE repair_case (
  seq BIGINT PRIMARY KEY CHECK (seq >= 1),
  number TEXT NOT NULL UNIQUE,
  version BIGINT NOT NULL CHECK (version >= 1),
  status TEXT NOT NULL,
  registered_at TEXT NOT NULL CHECK (registered_at ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$'),

  device_vendor TEXT NOT NULL,
  device_family TEXT NOT NULL,
  device_serial TEXT NOT NULL,
  device_product TEXT NOT NULL,
  device_purchased DATE,              -- NULL: not recorded
  device_seller TEXT NOT NULL,
  device_country TEXT NOT NULL,
  device_ace_until DATE,
  device_contract_until DATE,

  customer_name TEXT NOT NULL,
  -- customer_name folded as the store folds a search (store/sqlite_text_fold.hpp), written with
  -- the name: the database's own lower() folds only ASCII under the C locale.
  customer_name_folded TEXT NOT NULL,
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
  warranty_covered BOOLEAN,
  warranty_basis TEXT,
  warranty_covered_until DATE,
  warranty_action TEXT,
  warranty_fee_nok INTEGER,
  quote_ore BIGINT,
  answer TEXT NOT NULL,               -- none, approved, declined, bought-new
  parts JSONB NOT NULL CHECK (jsonb_typeof(parts) = 'array'),
  carrier TEXT NOT NULL,
  tracking TEXT NOT NULL,
  informed_at TEXT,
  due DATE,
  late_report BOOLEAN NOT NULL,
  done_at TEXT,
  closed_at TEXT,
  accepted_by TEXT NOT NULL,
  technician TEXT NOT NULL DEFAULT '',
  acceptance_signature TEXT NOT NULL DEFAULT '',
  parts_order_reference TEXT NOT NULL DEFAULT '',
  parts_order_parts JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(parts_order_parts) = 'array'),
  parts_order_id TEXT NOT NULL DEFAULT '',
  deviation_noticed_at TEXT,
  demo BOOLEAN NOT NULL DEFAULT FALSE
);

-- The counter looks a device up by serial (and the one-open-case rule asks it on every intake).
CREATE INDEX repair_case_serial ON repair_case (device_serial, seq);
CREATE INDEX repair_case_mobile ON repair_case (customer_mobile, seq);
-- The due list: open cases by due date (ascending puts NULLs last, as the list orders them).
-- Partial, so the closed history never slows it down. The store's queries spell the WHERE the
-- same way, so the planner can match them.
CREATE INDEX repair_case_open_due ON repair_case (due, seq) WHERE status <> 'closed';
CREATE INDEX repair_case_status_due ON repair_case (status, due, seq);
CREATE INDEX repair_case_open_vendor_due ON repair_case (device_vendor, due, seq) WHERE status <> 'closed';
CREATE INDEX repair_case_open_technician_due ON repair_case (technician, due, seq) WHERE status <> 'closed';
-- Met and missed due dates look at closed cases too.
CREATE INDEX repair_case_due ON repair_case (due);
-- The deviation sweep: open cases not done and not yet noticed.
CREATE INDEX repair_case_deviation_due ON repair_case (due, seq)
  WHERE status <> 'closed' AND done_at IS NULL AND deviation_noticed_at IS NULL;

CREATE TABLE case_event (
  case_seq BIGINT NOT NULL REFERENCES repair_case (seq),
  position INTEGER NOT NULL CHECK (position >= 0),
  at TEXT NOT NULL,
  staff TEXT NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL,
  PRIMARY KEY (case_seq, position)
);

-- The timeline is evidence: the store only appends, and so must anyone with psql.
CREATE FUNCTION case_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case events are append-only';
END;
$$;
CREATE TRIGGER case_event_no_change BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION case_event_append_only();

-- The outbox: messages to the customer, written in the same transaction as the event that
-- queued them. Relay times are UTC milliseconds since the epoch.
CREATE TABLE outbox_message (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  case_seq BIGINT NOT NULL,
  event_position INTEGER NOT NULL CHECK (event_position >= 0),
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  reference TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  next_attempt_ms BIGINT NOT NULL DEFAULT 0,
  claimed_by TEXT NOT NULL DEFAULT '',
  lease_until_ms BIGINT NOT NULL DEFAULT 0,
  delivered_at_ms BIGINT,
  FOREIGN KEY (case_seq, event_position) REFERENCES case_event (case_seq, position)
);

CREATE INDEX outbox_message_due ON outbox_message (status, next_attempt_ms);
CREATE INDEX outbox_message_case ON outbox_message (case_seq, event_position);
