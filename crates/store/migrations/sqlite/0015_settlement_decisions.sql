-- R-SET-4: IMDi's settlement decision (bosettingsvedtak) on an accepted offer: the day and who
-- made it. NULL until decided; the letters are generated from these and the offer on request.
ALTER TABLE settlement_offers ADD COLUMN decided_on TEXT;
ALTER TABLE settlement_offers ADD COLUMN decided_by TEXT;
