-- Back to version 3: discards the outbox, queued and sent messages alike.
DROP INDEX outbox_message_case;
DROP INDEX outbox_message_due;
DROP TABLE outbox_message;
DELETE FROM sqlite_sequence WHERE name = 'outbox_message';
