-- SPEC §5: stored monthly reimbursement claims (R-CLM-5, R-CLM-6, R-AGR-3). A claim is written
-- once and never changed, except that it is flagged when an agreement's end moves before days
-- it claimed, and marked as credited by the later claim that pays the difference back.
CREATE TABLE claims (
    id           INTEGER PRIMARY KEY,
    centre_id    INTEGER NOT NULL REFERENCES centres (id),
    -- YYYY-MM
    month        TEXT NOT NULL,
    -- øre: the sum of the lines
    total        INTEGER NOT NULL,
    -- R-REG-8: 1 when the accounting header was complete when the claim was made
    complete     INTEGER NOT NULL,
    -- the missing accounting fields, comma-separated
    missing      TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    -- R-AGR-3: when an agreement's end moved before days this claim paid
    flagged_at   TEXT,
    -- the claim whose credit line paid the difference back
    credited_in  INTEGER REFERENCES claims (id),
    CONSTRAINT claims_centre_month UNIQUE (centre_id, month)
);
CREATE INDEX claims_month ON claims (month);

-- One line per tier, price and kind (R-CLM-5), as the engine computed it, with the agreements
-- it came from so that every line explains itself.
CREATE TABLE claim_lines (
    claim_id    INTEGER NOT NULL REFERENCES claims (id),
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    place_type  TEXT NOT NULL,
    priority    INTEGER,
    price       INTEGER NOT NULL,
    days        INTEGER NOT NULL,
    quantity    INTEGER,
    amount      INTEGER NOT NULL,
    agreements  TEXT NOT NULL,
    -- for a credit line: the month credited
    credits     TEXT,
    CONSTRAINT claim_lines_key PRIMARY KEY (claim_id, position)
);

-- Unpaid residents and meals per day (R-CLM-1, R-CLM-2).
CREATE TABLE claim_warnings (
    claim_id    INTEGER NOT NULL REFERENCES claims (id),
    position    INTEGER NOT NULL,
    day         TEXT NOT NULL,
    place_type  TEXT NOT NULL,
    -- 'residents' or 'meals'
    unpaid      TEXT NOT NULL,
    count       INTEGER NOT NULL,
    CONSTRAINT claim_warnings_key PRIMARY KEY (claim_id, position)
);

-- The occupancy the claim was computed from, per day (so a credit recomputes the same days).
CREATE TABLE claim_days (
    claim_id    INTEGER NOT NULL REFERENCES claims (id),
    day         TEXT NOT NULL,
    residents   INTEGER NOT NULL,
    CONSTRAINT claim_days_key PRIMARY KEY (claim_id, day)
);
