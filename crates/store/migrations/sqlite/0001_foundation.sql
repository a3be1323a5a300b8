-- Foundation: accounts, sessions, API tokens, the event log and reference data.
-- Dates are ISO 8601 TEXT and booleans INTEGER 0/1, so that one SQL text serves SQLite and
-- PostgreSQL through sqlx's Any driver (see docs/architecture.md).

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    username            TEXT NOT NULL CONSTRAINT users_username_key UNIQUE,
    display_name        TEXT NOT NULL,
    role                TEXT NOT NULL,
    -- Scope (SPEC §1): exactly the one the role needs is set.
    region              TEXT,
    operator_dro        TEXT,
    municipality_number TEXT,
    -- R-AUTH-4: a municipality caseworker's permissions, comma separated.
    permissions         TEXT NOT NULL DEFAULT '',
    password_hash       TEXT NOT NULL,
    totp_secret         TEXT,
    totp_enabled        INTEGER NOT NULL DEFAULT 0,
    -- The last accepted TOTP time step, so that a code cannot be replayed.
    totp_last_step      INTEGER NOT NULL DEFAULT 0,
    disabled            INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE recovery_codes (
    id        INTEGER PRIMARY KEY,
    user_id   INTEGER NOT NULL REFERENCES users (id),
    code_hash TEXT NOT NULL,
    used_at   TEXT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- Only the SHA-256 of a token is stored (R-AUTH-2); the token itself is shown once.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    token_hash   TEXT NOT NULL CONSTRAINT api_tokens_hash_key UNIQUE,
    label        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    revoked      INTEGER NOT NULL DEFAULT 0
);

-- Sessions are keyed by the SHA-256 of the cookie value, so a leaked table cannot be replayed.
CREATE TABLE sessions (
    id_hash              TEXT PRIMARY KEY,
    user_id              INTEGER NOT NULL REFERENCES users (id),
    second_factor_done   INTEGER NOT NULL DEFAULT 0,
    -- A TOTP secret being enrolled, until the user confirms it with a code.
    pending_totp_secret  TEXT,
    created_at           TEXT NOT NULL,
    expires_at           TEXT NOT NULL,
    last_seen_at         TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- R-LOG-1/R-LOG-2: append-only and hash-chained. `seq` is dense from 1; the chain head holds the
-- last seq and hash, so that removing the newest events is detected too.
CREATE TABLE events (
    seq                 INTEGER PRIMARY KEY,
    occurred_at         TEXT NOT NULL,
    actor_id            INTEGER,
    actor_name          TEXT NOT NULL,
    actor_role          TEXT NOT NULL,
    action              TEXT NOT NULL,
    entity_type         TEXT NOT NULL,
    entity_id           TEXT NOT NULL,
    summary             TEXT NOT NULL,
    origin              TEXT NOT NULL,
    -- Scope tags for R-LOG-4: who besides an admin may see the event.
    security            INTEGER NOT NULL DEFAULT 0,
    scope_region        TEXT,
    scope_operator      TEXT,
    scope_municipality  TEXT,
    prev_hash           TEXT NOT NULL,
    hash                TEXT NOT NULL
);
CREATE INDEX events_entity ON events (entity_type, entity_id);
CREATE INDEX events_actor ON events (actor_name);
CREATE INDEX events_time ON events (occurred_at);

CREATE TABLE event_chain_head (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq  INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO event_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Reference data (SPEC §2) carries validity dates: [valid_from, valid_to), valid_to NULL = open.
CREATE TABLE regions (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE number_series (
    prefix     TEXT NOT NULL,
    name       TEXT NOT NULL,
    region     TEXT REFERENCES regions (code),
    valid_from TEXT NOT NULL,
    valid_to   TEXT,
    PRIMARY KEY (prefix, valid_from)
);

CREATE TABLE municipalities (
    number        TEXT NOT NULL,
    name          TEXT NOT NULL,
    county_number TEXT NOT NULL,
    county_name   TEXT NOT NULL,
    latitude      REAL NOT NULL,
    longitude     REAL NOT NULL,
    valid_from    TEXT NOT NULL,
    valid_to      TEXT,
    PRIMARY KEY (number, valid_from)
);

CREATE TABLE postal_codes (
    code       TEXT NOT NULL,
    place      TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to   TEXT,
    PRIMARY KEY (code, valid_from)
);
