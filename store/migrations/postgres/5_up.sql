-- The privacy purge (kioskctl privacy purge, README "Personal data") empties the details of a
-- purged case's events, since a detail may name the customer (the close event does): the one
-- change an event may undergo, and only once its case is marked purged (purged_at, set by the
-- purge's transaction just before). The seals stay as they were (case_event_sealed_once), so the
-- chain keeps the commitments made to the old details; everything else stays append-only.
CREATE OR REPLACE FUNCTION case_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.detail = '' AND NEW.case_seq = OLD.case_seq AND NEW.position = OLD.position
     AND NEW.at = OLD.at AND NEW.staff = OLD.staff AND NEW.kind = OLD.kind
     AND EXISTS (SELECT 1 FROM repair_case WHERE seq = OLD.case_seq AND purged_at IS NOT NULL) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'case events are append-only';
END;
$$;
