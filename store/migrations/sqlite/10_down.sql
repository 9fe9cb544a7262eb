-- Back to version 9: the audit trail, its log and checkpoints are forgotten; the cases and their
-- timelines stay as they were.
DROP TABLE audit_checkpoint_case;
DROP TABLE audit_checkpoint;
DROP TABLE audit_log;
DROP TABLE audit_backfill;
DROP TRIGGER case_event_sealed_once;
DROP TRIGGER case_event_no_update;
CREATE TRIGGER case_event_no_update BEFORE UPDATE ON case_event
BEGIN
  SELECT RAISE(ABORT, 'case events are append-only');
END;
ALTER TABLE case_event DROP COLUMN chain_hash;
ALTER TABLE case_event DROP COLUMN state_digest;
ALTER TABLE case_event DROP COLUMN detail_commitment;
ALTER TABLE repair_case DROP COLUMN purged_at;
ALTER TABLE repair_case DROP COLUMN audit_salt;
