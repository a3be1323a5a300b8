-- E-mail reminders of plan tasks (issue 15 item 8). A user's address for reminders, optional.
ALTER TABLE users ADD COLUMN email TEXT;

-- The outbox: a mail is queued in the write that decides to send it, and a sender task sends it
-- later. dedup_key makes queueing at most once (a reminder: `reminder:{user}:{day}`);
-- claimed_until is a sender's lease on the row, so that two instances never send the same mail;
-- next_attempt_at backs off after a failure. Timestamps are RFC 3339 text in UTC.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    dedup_key       TEXT NOT NULL CONSTRAINT mail_outbox_dedup_key_key UNIQUE,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    claimed_until   TEXT,
    next_attempt_at TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    sent_at         TEXT
);
CREATE INDEX mail_outbox_unsent ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
