-- The outbox relay's columns. Relay times are UTC milliseconds since the epoch (the relay's clock,
-- which a DST change cannot turn back), so next_attempt_ms replaces the local-time text column.
-- Messages already queued become due at once (0). DROP COLUMN needs SQLite 3.35 or later, and
-- SQLite refuses to drop an indexed column: the due index goes first and comes back on the new one.
DROP INDEX outbox_message_due;
ALTER TABLE outbox_message DROP COLUMN next_attempt_at;
ALTER TABLE outbox_message ADD COLUMN next_attempt_ms INTEGER NOT NULL DEFAULT 0;
-- The relay sending it while status is 'sending' ('' otherwise): only that relay may record the
-- outcome, and only until another relay takes the message over after lease_until_ms.
ALTER TABLE outbox_message ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox_message ADD COLUMN lease_until_ms INTEGER NOT NULL DEFAULT 0;
-- When the gateway accepted it; NULL until delivered.
ALTER TABLE outbox_message ADD COLUMN delivered_at_ms INTEGER;

-- The relay's question: what is queued and due now.
CREATE INDEX outbox_message_due ON outbox_message (status, next_attempt_ms);
