-- SPEC §4: operating agreements (driftsavtaler). The current version's columns are kept for
-- lookups and lists; every version's whole agreement is kept as a JSON document in
-- agreement_versions, mapped to and from the domain's AgreementTerms at the store boundary.
CREATE TABLE agreements (
    id          INTEGER PRIMARY KEY,
    operator_id INTEGER NOT NULL REFERENCES operators (id),
    -- H, T or A (R-AGR-1)
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    -- ISO dates; valid_to and stop_date are exclusive ends (R-AGR-3)
    valid_from  TEXT NOT NULL,
    valid_to    TEXT NOT NULL,
    stop_date   TEXT,
    -- the current version; an edit names the version it read (optimistic concurrency)
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX agreements_operator ON agreements (operator_id);

-- The centres of an agreement's units, for "the agreements of a centre" (queues, R-AGR-11).
CREATE TABLE agreement_units (
    agreement_id INTEGER NOT NULL REFERENCES agreements (id),
    centre_id    INTEGER NOT NULL REFERENCES centres (id),
    CONSTRAINT agreement_units_key PRIMARY KEY (agreement_id, centre_id)
);
CREATE INDEX agreement_units_centre ON agreement_units (centre_id);

-- Every version of every agreement, never changed once written.
CREATE TABLE agreement_versions (
    agreement_id INTEGER NOT NULL REFERENCES agreements (id),
    version      INTEGER NOT NULL,
    document     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    actor_name   TEXT NOT NULL,
    CONSTRAINT agreement_versions_key PRIMARY KEY (agreement_id, version)
);
