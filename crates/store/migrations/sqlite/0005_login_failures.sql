-- R-AUTH-1: failed logins, per account and per address, for the login rate limit. In the
-- database rather than in one process's memory, so that every instance serving this database
-- counts the same failures and a second instance does not double an attacker's tries.
-- Bookkeeping, not records: each failure is an event already, written in the same transaction;
-- rows older than the window are deleted as new failures arrive.
CREATE TABLE login_failures (
    id        INTEGER PRIMARY KEY,
    -- 'account:<username>' or 'address:<client address>'
    subject   TEXT NOT NULL,
    -- RFC 3339 UTC with microseconds, so that text order is time order
    failed_at TEXT NOT NULL
);
-- Counting a subject's recent failures, on every login attempt.
CREATE INDEX login_failures_subject ON login_failures (subject, failed_at);
-- Pruning what has left the window.
CREATE INDEX login_failures_failed_at ON login_failures (failed_at);
