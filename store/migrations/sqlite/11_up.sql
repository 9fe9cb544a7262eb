-- The privacy purge (kioskctl privacy purge, README "Personal data") empties the details of a
-- purged case's events, since a detail may name the customer (the close event does): the one
-- change an event may undergo, and only once its case is marked purged (purged_at, set by the
-- purge's transaction just before). The seals stay as they were (case_event_sealed_once), so the
-- chain keeps the commitments made to the old details; everything else stays append-only.
DROP TRIGGER case_event_no_update;
CREATE TRIGGER case_event_no_update BEFORE UPDATE OF case_seq, position, at, staff, kind, detail ON case_event
  WHEN NOT (NEW.detail = '' AND NEW.case_seq IS OLD.case_seq AND NEW.position IS OLD.position
            AND NEW.at IS OLD.at AND NEW.staff IS OLD.staff AND NEW.kind IS OLD.kind
            AND (SELECT purged_at FROM repair_case WHERE seq = OLD.case_seq) IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'case events are append-only');
END;
