-- R-SET-3 and R-SET-9: offers are looked up by household key (a new offer checks that the
-- household is not already held; a placement proposal leaves out households with an accepted
-- offer), which without this index read every offer of every year.
CREATE INDEX settlement_offers_household ON settlement_offers (household, answer);
