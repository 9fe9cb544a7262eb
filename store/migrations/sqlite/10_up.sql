-- The audit trail (issue 8; store/audit_chain.hpp, README "Audit trail"). Every case gets a
-- random salt and every event its seal: the commitment to its detail, the digest of the case as
-- the event's transaction left it, and the chain hash that links it to the event before. The
-- cases already here are sealed by the store when it first opens this schema (C++, in the
-- migration's transaction: the hashes are BLAKE2b from libsodium), which audit_backfill asks
-- for. purged_at is set when the privacy purge empties a case's personal data.
ALTER TABLE repair_case ADD COLUMN audit_salt TEXT NOT NULL DEFAULT '';
ALTER TABLE repair_case ADD COLUMN purged_at TEXT;
ALTER TABLE case_event ADD COLUMN detail_commitment TEXT NOT NULL DEFAULT '';
ALTER TABLE case_event ADD COLUMN state_digest TEXT NOT NULL DEFAULT '';
ALTER TABLE case_event ADD COLUMN chain_hash TEXT NOT NULL DEFAULT '';

CREATE TABLE audit_backfill (one INTEGER PRIMARY KEY CHECK (one = 1));
INSERT INTO audit_backfill (one) VALUES (1);

-- The timeline stays append-only; a seal is written once, by the backfill, to an event that
-- had none.
DROP TRIGGER case_event_no_update;
CREATE TRIGGER case_event_no_update BEFORE UPDATE OF case_seq, position, at, staff, kind, detail ON case_event
BEGIN
  SELECT RAISE(ABORT, 'case events are append-only');
END;
CREATE TRIGGER case_event_sealed_once BEFORE UPDATE OF detail_commitment, state_digest, chain_hash ON case_event
  WHEN OLD.chain_hash <> ''
BEGIN
  SELECT RAISE(ABORT, 'a case event''s seal is written once');
END;

-- The global audit log: sign-ins, passcode reads, privacy exports and purges, checkpoints. One
-- chain of its own (seq 1, 2, ...; chain_hash over the entry and the one before). at_ms is UTC
-- milliseconds since the epoch. Nothing personal goes in (a case number is fine).
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),
  at_ms INTEGER NOT NULL,
  staff TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL,
  chain_hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Checkpoints (kioskctl audit head): each commits to the log's last entry, to the heads of the
-- cases whose chain moved since the checkpoint before (audit_checkpoint_case), and to that
-- checkpoint's hash; its own hash is the head H to keep elsewhere.
CREATE TABLE audit_checkpoint (
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),
  at_ms INTEGER NOT NULL,
  previous_hash TEXT NOT NULL,
  log_seq INTEGER NOT NULL,
  log_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE TABLE audit_checkpoint_case (
  checkpoint_seq INTEGER NOT NULL REFERENCES audit_checkpoint (seq),
  case_seq INTEGER NOT NULL,
  number TEXT NOT NULL,
  event_count INTEGER NOT NULL CHECK (event_count >= 1),
  chain_hash TEXT NOT NULL,
  PRIMARY KEY (checkpoint_seq, case_seq)
) WITHOUT ROWID;
CREATE INDEX audit_checkpoint_case_latest ON audit_checkpoint_case (case_seq, checkpoint_seq);
