-- R-LOG-1: the event log is append-only. The hash chain (R-LOG-2) detects a change made by
-- someone who drops these triggers; the triggers stop everyone else.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;
