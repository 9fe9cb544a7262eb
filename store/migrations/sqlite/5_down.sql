-- Back to version 4. next_attempt_at sat between created_at and the foreign key, where ALTER
-- TABLE cannot put a column back, so the table is rebuilt with version 4's exact definition.
-- Every message becomes due at its creation time (version 4 has no UTC times), and a message
-- being sent goes back to queued: version 4 has no claims, so nothing would ever finish it.
-- Delivery times, claims and leases are discarded.
DROP INDEX outbox_message_due;
DROP INDEX outbox_message_case;
ALTER TABLE outbox_message RENAME TO outbox_message_v5;
CREATE TABLE outbox_message (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  case_seq INTEGER NOT NULL,
  event_position INTEGER NOT NULL CHECK (event_position >= 0),
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,              -- '' for SMS
  body TEXT NOT NULL,
  -- '<case number>-<event position>-<channel>': sent with every attempt so a gateway can drop
  -- duplicates; unique, so one event never queues two messages on one channel.
  reference TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  next_attempt_at TEXT NOT NULL,
  -- A message belongs to the event that queued it: there is none without its event.
  FOREIGN KEY (case_seq, event_position) REFERENCES case_event (case_seq, position)
);
INSERT INTO outbox_message (id, case_seq, event_position, channel, recipient, subject, body, reference, status,
                            attempts, last_error, created_at, next_attempt_at)
  SELECT id, case_seq, event_position, channel, recipient, subject, body, reference,
         CASE status WHEN 'sending' THEN 'queued' ELSE status END, attempts, last_error, created_at, created_at
  FROM outbox_message_v5;
-- Ids are never reused: the new table takes over the old one's AUTOINCREMENT high-water mark.
DELETE FROM sqlite_sequence WHERE name = 'outbox_message';
UPDATE sqlite_sequence SET name = 'outbox_message' WHERE name = 'outbox_message_v5';
DROP TABLE outbox_message_v5;

-- The relay's question: what is queued and due now.
CREATE INDEX outbox_message_due ON outbox_message (status, next_attempt_at);
-- A case's messages (kioskctl outbox list --case, the case screen).
CREATE INDEX outbox_message_case ON outbox_message (case_seq, event_position);
