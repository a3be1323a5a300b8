-- R-SET-8: notes on a person (subject 'resident', subject_id a resident's id) and on a
-- municipality's decision (subject 'decision', a settlement_decisions id). A note belongs to the
-- side that wrote it (author_side imdi | municipality | centre) and, within the side, to the
-- municipality (municipality_number) or the centre's operator (operator_dro) that wrote it; only
-- they read it. The text may be sensitive: it stays here and never enters the event log.
CREATE TABLE settlement_notes (
    id                  INTEGER PRIMARY KEY,
    subject             TEXT NOT NULL CONSTRAINT settlement_notes_subject_check
                            CHECK (subject IN ('resident', 'decision')),
    subject_id          INTEGER NOT NULL,
    author_side         TEXT NOT NULL,
    municipality_number TEXT,
    operator_dro        INTEGER,
    author              TEXT NOT NULL,
    body                TEXT NOT NULL,
    created_at          TEXT NOT NULL
);
CREATE INDEX settlement_notes_by_subject ON settlement_notes (subject, subject_id, id);
