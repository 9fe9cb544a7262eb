-- Back to version 10: no change to an event's text at all, not even the purge's.
DROP TRIGGER case_event_no_update;
CREATE TRIGGER case_event_no_update BEFORE UPDATE OF case_seq, position, at, staff, kind, detail ON case_event
BEGIN
  SELECT RAISE(ABORT, 'case events are append-only');
END;
