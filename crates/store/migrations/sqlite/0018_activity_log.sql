-- R-PLN-3: the activity log of a centre (seeds 002 §4, 004 §6): one timeline of the regional
-- unit's follow-up activities across the centre's plans. An entry may document a plan task
-- (plan id and task position, e.g. a `new_centre.weekly_call`); `version` guards edits (409).
CREATE TABLE log_entries (
    id             INTEGER PRIMARY KEY,
    centre_id      INTEGER NOT NULL REFERENCES centres (id),
    -- ISO date of the activity (not after the day it was logged)
    date           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    -- the participants' names as a JSON array of strings (names may hold commas)
    participants   TEXT NOT NULL,
    summary        TEXT NOT NULL,
    plan_id        INTEGER REFERENCES plans (id),
    task_position  INTEGER,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT log_entries_kind CHECK (kind IN ('meeting', 'call', 'visit', 'control', 'other')),
    CONSTRAINT log_entries_task CHECK ((plan_id IS NULL) = (task_position IS NULL))
);
-- The timeline: a centre's entries newest first.
CREATE INDEX log_entries_timeline ON log_entries (centre_id, date, id);

-- An entry's follow-ups in the order given; `done` 0/1.
CREATE TABLE log_follow_ups (
    entry_id  INTEGER NOT NULL REFERENCES log_entries (id),
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    -- ISO date, when there is a deadline
    due       TEXT,
    done      INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT log_follow_ups_key PRIMARY KEY (entry_id, position),
    CONSTRAINT log_follow_ups_done CHECK (done IN (0, 1))
);
