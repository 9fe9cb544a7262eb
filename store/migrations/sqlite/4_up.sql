-- The outbox: messages to the customer, written in the same transaction as the case event that
-- queued them, so a crash can never leave one without the other. A relay sends them later.
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

-- The relay's question: what is queued and due now.
CREATE INDEX outbox_message_due ON outbox_message (status, next_attempt_at);
-- A case's messages (kioskctl outbox list --case, the case screen).
CREATE INDEX outbox_message_case ON outbox_message (case_seq, event_position);
