-- Back to version 3: the audit trail, its log and checkpoints are forgotten; the cases and their
-- timelines stay as they were.
DROP TABLE audit_checkpoint_case;
DROP TABLE audit_checkpoint;
DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only();
DROP TABLE audit_backfill;
DROP TRIGGER case_event_sealed_once ON case_event;
DROP FUNCTION case_event_sealed_once();
DROP TRIGGER case_event_no_change ON case_event;
CREATE TRIGGER case_event_no_change BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION case_event_append_only();
ALTER TABLE case_event DROP COLUMN chain_hash;
ALTER TABLE case_event DROP COLUMN state_digest;
ALTER TABLE case_event DROP COLUMN detail_commitment;
ALTER TABLE repair_case DROP COLUMN purged_at;
ALTER TABLE repair_case DROP COLUMN audit_salt;
