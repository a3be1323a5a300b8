-- Registry of operators and reception centres (SPEC §3).

CREATE TABLE operators (
    id                  INTEGER PRIMARY KEY,
    -- R-REG-3: the digits of "DRO1000"; unique for ever.
    dro_number          INTEGER NOT NULL CONSTRAINT operators_dro_number_key UNIQUE,
    name                TEXT NOT NULL,
    organisation_number TEXT NOT NULL,
    experienced         INTEGER NOT NULL DEFAULT 0,
    visiting_address    TEXT,
    postal_address      TEXT,
    postal_code         TEXT,
    phone               TEXT,
    email               TEXT,
    created_at          TEXT NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE centres (
    id                        INTEGER PRIMARY KEY,
    -- R-REG-1: four digits, never reused (rows are never deleted: closing sets status).
    number                    TEXT NOT NULL CONSTRAINT centres_number_key UNIQUE,
    series                    TEXT NOT NULL,
    name                      TEXT NOT NULL,
    category                  TEXT NOT NULL,
    place_type                TEXT NOT NULL,
    status                    TEXT NOT NULL DEFAULT 'open',
    operator_id               INTEGER NOT NULL REFERENCES operators (id),
    region                    TEXT NOT NULL,
    municipality_number       TEXT NOT NULL,
    postal_code               TEXT NOT NULL,
    visiting_address          TEXT,
    postal_address            TEXT,
    phone                     TEXT,
    email                     TEXT,
    leader                    TEXT,
    ip_address                TEXT,
    mailbox_name              TEXT,
    has_video_equipment       INTEGER NOT NULL DEFAULT 0,
    -- R-REG-8 accounting data; the organisation number comes from the operator.
    external_cost_centre      TEXT,
    udi_cost_centre           TEXT,
    supplier_number_benefits  TEXT,
    supplier_number_operation TEXT,
    bank_account_benefits     TEXT,
    bank_account_operation    TEXT,
    -- R-REG-2: the number this centre was created from (change of operator, place type, …).
    predecessor_id            INTEGER REFERENCES centres (id),
    created_at                TEXT NOT NULL,
    version                   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX centres_series ON centres (series, number);
CREATE INDEX centres_region ON centres (region, status);
CREATE INDEX centres_operator ON centres (operator_id);
CREATE INDEX centres_municipality ON centres (municipality_number);
CREATE INDEX centres_status_name ON centres (status, name);

-- The lifecycle of a centre (R-REG-2): what happened, when, and to which other number.
CREATE TABLE centre_history (
    id                INTEGER PRIMARY KEY,
    centre_id         INTEGER NOT NULL REFERENCES centres (id),
    occurred_at       TEXT NOT NULL,
    operation         TEXT NOT NULL,
    summary           TEXT NOT NULL,
    related_centre_id INTEGER REFERENCES centres (id),
    actor_name        TEXT NOT NULL
);
CREATE INDEX centre_history_centre ON centre_history (centre_id, occurred_at);

-- §2: the pre-2020 county (or counties) of each municipality, imported by an admin as CSV,
-- versioned by validity like the other reference data.
CREATE TABLE municipality_old_counties (
    municipality_number TEXT NOT NULL,
    county              TEXT NOT NULL,
    valid_from          TEXT NOT NULL,
    valid_to            TEXT,
    PRIMARY KEY (municipality_number, county, valid_from)
);
