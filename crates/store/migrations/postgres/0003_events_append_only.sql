-- R-LOG-1: the event log is append-only. The hash chain (R-LOG-2) detects a change made by
-- someone who drops these triggers; the triggers stop everyone else.
CREATE FUNCTION events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the event log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
FOR EACH ROW EXECUTE FUNCTION events_append_only();
