-- SPEC §5: residents, their stays at centres (R-OCC-1), daily counts entered for centres without
-- resident data (R-OCC-2) and the months a centre has approved (R-OCC-3).

-- A resident (beboer). The DUF number is UDI's case number: one resident per number.
CREATE TABLE residents (
    id                     INTEGER PRIMARY KEY,
    duf_number             TEXT NOT NULL CONSTRAINT residents_duf_number UNIQUE,
    given_name             TEXT NOT NULL,
    family_name            TEXT NOT NULL,
    -- ISO 8601
    birth_date             TEXT NOT NULL,
    -- female | male | unknown
    gender                 TEXT NOT NULL,
    -- the key the members of one household share
    household              TEXT NOT NULL,
    -- the operator whose user registered the resident, so that it sees the resident before the
    -- first stay; NULL when UDI registered it
    registered_operator_id INTEGER REFERENCES operators (id),
    created_at             TEXT NOT NULL
);
CREATE INDEX residents_household ON residents (household);

-- A stay (opphold): half-open [from_date, to_date), to_date NULL while the resident lives there.
-- The place type is the centre's when the stay was written.
CREATE TABLE stays (
    id          INTEGER PRIMARY KEY,
    resident_id INTEGER NOT NULL REFERENCES residents (id),
    centre_id   INTEGER NOT NULL REFERENCES centres (id),
    place_type  TEXT NOT NULL,
    from_date   TEXT NOT NULL,
    to_date     TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX stays_resident ON stays (resident_id, from_date);
-- A month's occupancy of a centre reads the stays that begin before the month ends.
CREATE INDEX stays_centre ON stays (centre_id, from_date);

-- Residents per day for a centre without resident data; days not stored are 0.
CREATE TABLE occupancy_days (
    centre_id INTEGER NOT NULL REFERENCES centres (id),
    day       TEXT NOT NULL,
    residents INTEGER NOT NULL CHECK (residents >= 0),
    PRIMARY KEY (centre_id, day)
);

-- A month whose occupancy the centre has approved (R-OCC-3); only these can be claimed.
CREATE TABLE occupancy_approvals (
    centre_id   INTEGER NOT NULL REFERENCES centres (id),
    -- YYYY-MM
    month       TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    -- RFC 3339 UTC with microseconds
    approved_at TEXT NOT NULL,
    PRIMARY KEY (centre_id, month)
);
