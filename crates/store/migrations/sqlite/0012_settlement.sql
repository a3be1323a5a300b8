-- SPEC §7 (seed 003): settlement between IMDi and the municipalities.

-- R-AUTH-3: the version of the data processing agreement (databehandleravtale) that IMDi
-- requires; no row: any signed version counts. One row at most.
CREATE TABLE data_processing_requirement (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    required_version TEXT NOT NULL,
    set_at           TEXT NOT NULL
);

-- R-AUTH-3: the agreements a municipality has signed, one row per version; [signed_on, ends_on)
-- with ends_on exclusive and NULL while it runs. Dates ISO 8601.
CREATE TABLE data_processing_agreements (
    id                  INTEGER PRIMARY KEY,
    municipality_number TEXT NOT NULL,
    version             TEXT NOT NULL,
    signed_on           TEXT NOT NULL,
    ends_on             TEXT,
    registered_at       TEXT NOT NULL,
    CONSTRAINT data_processing_agreements_per_municipality UNIQUE (municipality_number, version)
);

-- R-SET-1a: what IMDi keeps per municipality for settlement: the official mailbox (postmottak).
CREATE TABLE settlement_profiles (
    municipality_number TEXT PRIMARY KEY,
    postmottak          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

-- R-SET-1: IMDi's yearly request (anmodning), one per municipality and year.
CREATE TABLE settlement_requests (
    id                   INTEGER PRIMARY KEY,
    year                 INTEGER NOT NULL,
    municipality_number  TEXT NOT NULL,
    persons              INTEGER NOT NULL,
    unaccompanied_minors INTEGER NOT NULL,
    created_at           TEXT NOT NULL,
    CONSTRAINT settlement_requests_per_year UNIQUE (municipality_number, year)
);

-- R-SET-2: the municipality's decision (vedtak), one per municipality and year; approved 0/1.
CREATE TABLE settlement_decisions (
    id                   INTEGER PRIMARY KEY,
    year                 INTEGER NOT NULL,
    municipality_number  TEXT NOT NULL,
    persons              INTEGER NOT NULL,
    unaccompanied_minors INTEGER NOT NULL,
    approved             INTEGER NOT NULL DEFAULT 0,
    approved_at          TEXT,
    created_at           TEXT NOT NULL,
    CONSTRAINT settlement_decisions_per_year UNIQUE (municipality_number, year)
);

-- R-SET-3: an offer of one household to a municipality. `answer` is open, accepted or declined;
-- expiry is derived from the deadline on read. `persons` is the household's size when offered.
CREATE TABLE settlement_offers (
    id                  INTEGER PRIMARY KEY,
    year                INTEGER NOT NULL,
    municipality_number TEXT NOT NULL,
    household           TEXT NOT NULL,
    persons             INTEGER NOT NULL,
    offered_on          TEXT NOT NULL,
    deadline            TEXT NOT NULL,
    answer              TEXT NOT NULL DEFAULT 'open',
    reason              TEXT,
    answered_on         TEXT,
    created_at          TEXT NOT NULL
);
CREATE INDEX settlement_offers_municipality_year ON settlement_offers (municipality_number, year);
CREATE INDEX settlement_offers_year ON settlement_offers (year);

-- The residents an offer names, fixed when it is made.
CREATE TABLE settlement_offer_members (
    offer_id    INTEGER NOT NULL REFERENCES settlement_offers (id),
    resident_id INTEGER NOT NULL REFERENCES residents (id),
    PRIMARY KEY (offer_id, resident_id)
);
CREATE INDEX settlement_offer_members_resident ON settlement_offer_members (resident_id);

-- R-SET-6: the centre's mapping of a resident (personmappe); `languages` a JSON array of strings.
-- health_needs stays here: events name the fields changed, never their content (R-LOG-3).
CREATE TABLE person_folders (
    resident_id  INTEGER PRIMARY KEY REFERENCES residents (id),
    education    TEXT NOT NULL,
    work         TEXT NOT NULL,
    languages    TEXT NOT NULL,
    health_needs TEXT NOT NULL,
    family       TEXT NOT NULL,
    network      TEXT NOT NULL,
    wishes       TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- R-SET-5: the day a resident was settled, in the municipality whose yes (offer) it follows.
CREATE TABLE settlements (
    resident_id         INTEGER PRIMARY KEY REFERENCES residents (id),
    offer_id            INTEGER NOT NULL REFERENCES settlement_offers (id),
    municipality_number TEXT NOT NULL,
    settled_on          TEXT NOT NULL,
    registered_at       TEXT NOT NULL
);
CREATE INDEX settlements_settled_on ON settlements (settled_on);
