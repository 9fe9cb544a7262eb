DROP INDEX repair_case_deviation_due;
ALTER TABLE repair_case DROP COLUMN demo;
ALTER TABLE repair_case DROP COLUMN deviation_noticed_at;
