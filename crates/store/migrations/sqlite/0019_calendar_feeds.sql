-- SPEC §6 work views: a user's tasks as an iCalendar feed that Outlook subscribes to. The link
-- carries a random token, since a calendar client cannot log in; only its SHA-256 is stored, and
-- the user revokes a link by making a new one or by turning the feed off. One live link per user.
CREATE TABLE calendar_feeds (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    -- RFC 3339 UTC with microseconds
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
-- The live link of a user, looked up when it is shown, replaced or revoked.
CREATE INDEX calendar_feeds_user ON calendar_feeds (user_id, revoked_at);
