-- R-AGR-9: the consumer price index (KPI) per month, imported by an admin or UDI's staff.
-- The index is an exact decimal kept as an integer of thousandths (136.4 is 136400), so the
-- regulation formula runs on integers.
CREATE TABLE cpi_months (
    -- YYYY-MM
    month                TEXT PRIMARY KEY,
    index_thousandths    INTEGER NOT NULL CONSTRAINT cpi_months_index_positive CHECK (index_thousandths > 0),
    -- RFC 3339 UTC with microseconds
    imported_at          TEXT NOT NULL,
    imported_by          INTEGER NOT NULL
);

-- R-AGR-9: every regulation made, with the price before and after and the two indices used.
-- No foreign key to the agreements yet: that table lands on its own branch, and the
-- integrator adds the reference when both are in.
CREATE TABLE regulations (
    id                   INTEGER PRIMARY KEY,
    agreement_id         INTEGER NOT NULL,
    -- The price as a path into the agreement: units[0].fixed_annual_rent
    price_path           TEXT NOT NULL,
    -- YYYY-MM-DD: the day the new price applies from
    regulated_on         TEXT NOT NULL,
    before_ore           INTEGER NOT NULL,
    after_ore            INTEGER NOT NULL,
    -- YYYY-MM and index (thousandths) of the base (previous regulation) and the new month
    base_month           TEXT NOT NULL,
    index_base           INTEGER NOT NULL,
    new_month            TEXT NOT NULL,
    index_new            INTEGER NOT NULL,
    -- The run (a daily_job_runs day or an API call) that made it, for reading one run back
    run_id               TEXT NOT NULL,
    CONSTRAINT regulations_once UNIQUE (agreement_id, price_path, regulated_on)
);
-- A CPI import asks whether a regulation used a month it would replace.
CREATE INDEX regulations_base_month ON regulations (base_month);
CREATE INDEX regulations_new_month ON regulations (new_month);

-- The once-a-day jobs inside `serve`: a run claims its Norwegian day by inserting this row in
-- a transaction, so that several instances sharing one database run each job once a day.
CREATE TABLE daily_job_runs (
    job                  TEXT NOT NULL,
    -- YYYY-MM-DD in Europe/Oslo (SPEC §9)
    day                  TEXT NOT NULL,
    started_at           TEXT NOT NULL,
    finished_at          TEXT,
    -- 'running', 'succeeded' or 'failed'
    outcome              TEXT NOT NULL,
    -- What a failed run said (or a short report of a successful one)
    message              TEXT,
    PRIMARY KEY (job, day)
);
