-- The deviation notice (issue 6): when the customer was told the case will miss its due date,
-- so that they are told once. NULL until then; ADD COLUMN with no default rewrites no rows.
ALTER TABLE repair_case ADD COLUMN deviation_noticed_at TEXT;
-- Cases made by `kioskctl demo`: their customers are made up, so no message is ever queued to
-- them (a made-up mobile number may be a real person's). 0 for every case before this version.
ALTER TABLE repair_case ADD COLUMN demo INTEGER NOT NULL DEFAULT 0;

-- The sweep's question: open cases not done and not yet noticed, by due date. Partial, so it
-- holds only the few cases that could still need a notice, not the closed history.
CREATE INDEX repair_case_deviation_due ON repair_case (due, seq)
  WHERE status <> 'closed' AND done_at IS NULL AND deviation_noticed_at IS NULL;
