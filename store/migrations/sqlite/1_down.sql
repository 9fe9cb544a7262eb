-- Back to an empty database. sqlite_sequence stays: SQLite never drops it.
DROP TRIGGER case_event_no_delete;
DROP TRIGGER case_event_no_update;
DROP TABLE case_event;
DROP INDEX repair_case_status_due;
DROP INDEX repair_case_open_due;
DROP INDEX repair_case_mobile;
DROP INDEX repair_case_serial;
DROP TABLE repair_case;
