-- The audit trail (issue 8), as SQLite's migration 10 (store/audit_chain.hpp, README "Audit
-- trail"): a random salt per case, a seal per event (detail commitment, state digest, chain
-- hash), sealed for the cases already here by the store when it first opens this schema (C++,
-- in the migration's transaction, under its advisory lock), which audit_backfill asks for.
-- purged_at is set when the privacy purge empties a case's personal data.
ALTER TABLE repair_case ADD COLUMN audit_salt TEXT NOT NULL DEFAULT '';
ALTER TABLE repair_case ADD COLUMN purged_at TEXT;
ALTER TABLE case_event ADD COLUMN detail_commitment TEXT NOT NULL DEFAULT '';
ALTER TABLE case_event ADD COLUMN state_digest TEXT NOT NULL DEFAULT '';
ALTER TABLE case_event ADD COLUMN chain_hash TEXT NOT NULL DEFAULT '';

CREATE TABLE audit_backfill (one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one));
INSERT INTO audit_backfill DEFAULT VALUES;

-- The timeline stays append-only; a seal is written once, by the backfill, to an event that
-- had none.
DROP TRIGGER case_event_no_change ON case_event;
CREATE TRIGGER case_event_no_change BEFORE UPDATE OF case_seq, position, at, staff, kind, detail OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION case_event_append_only();
CREATE FUNCTION case_event_sealed_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a case event''s seal is written once';
END;
$$;
CREATE TRIGGER case_event_sealed_once BEFORE UPDATE OF detail_commitment, state_digest, chain_hash ON case_event
  FOR EACH ROW WHEN (OLD.chain_hash <> '') EXECUTE FUNCTION case_event_sealed_once();

-- The global audit log: sign-ins, passcode reads, privacy exports and purges, checkpoints, one
-- chain of its own. at_ms is UTC milliseconds since the epoch. Nothing personal goes in.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY CHECK (seq >= 1),
  at_ms BIGINT NOT NULL,
  staff TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL,
  chain_hash TEXT NOT NULL
);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Checkpoints (kioskctl audit head), as SQLite's.
CREATE TABLE audit_checkpoint (
  seq BIGINT PRIMARY KEY CHECK (seq >= 1),
  at_ms BIGINT NOT NULL,
  previous_hash TEXT NOT NULL,
  log_seq BIGINT NOT NULL,
  log_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE TABLE audit_checkpoint_case (
  checkpoint_seq BIGINT NOT NULL REFERENCES audit_checkpoint (seq),
  case_seq BIGINT NOT NULL,
  number TEXT NOT NULL,
  event_count INTEGER NOT NULL CHECK (event_count >= 1),
  chain_hash TEXT NOT NULL,
  PRIMARY KEY (checkpoint_seq, case_seq)
);
CREATE INDEX audit_checkpoint_case_latest ON audit_checkpoint_case (case_seq, checkpoint_seq);
