-- R-SET-4: IMDi's settlement decision (bosettingsvedtak) on an accepted offer: the day and who
-- made it. NULL until decided; the letters are generated from these and the offer on request.
ALTER TABLE settlement_offers ADD COLUMN decided_on TEXT;
ALTER TABLE settlement_offers ADD COLUMN decided_by TEXT;

-- R-SET-8: notes and the two threads of an offer. channel: note | imdi | centre; author_side:
-- imdi | municipality | centre. operator_dro: the centre's operator for the centre thread, so
-- its messages reach that operator. A note is read by its author's side only.
CREATE TABLE settlement_messages (
    id                  INTEGER PRIMARY KEY,
    offer_id            INTEGER NOT NULL REFERENCES settlement_offers (id),
    municipality_number TEXT NOT NULL,
    channel             TEXT NOT NULL,
    author_side         TEXT NOT NULL,
    author              TEXT NOT NULL,
    operator_dro        INTEGER,
    body                TEXT NOT NULL,
    created_at          TEXT NOT NULL
);
CREATE INDEX settlement_messages_offer ON settlement_messages (offer_id);
CREATE INDEX settlement_messages_municipality ON settlement_messages (municipality_number);
