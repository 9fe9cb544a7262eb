DROP TABLE outbox_message;
DROP TRIGGER case_event_no_change ON case_event;
DROP FUNCTION case_event_append_only();
DROP TABLE case_event;
DROP TABLE repair_case;
DROP SEQUENCE case_number_seq;
