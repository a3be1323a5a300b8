-- R-AGR-10: a fixed transfer paid quarterly, yearly or once is paid in another month's claim
-- than the month it earns; the line names the month it covers.
ALTER TABLE claim_lines ADD COLUMN covers TEXT;
