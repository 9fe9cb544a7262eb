-- Back to version 4: no change to an event's text at all, not even the purge's.
CREATE OR REPLACE FUNCTION case_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case events are append-only';
END;
$$;
