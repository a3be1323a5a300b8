-- R-LOG-4: every event belongs to a domain (registry, plans, settlement, accounts), and account
-- events name the role of the account concerned, so each role searches only its remit.
ALTER TABLE events ADD COLUMN domain TEXT NOT NULL DEFAULT 'registry';
ALTER TABLE events ADD COLUMN scope_account_role TEXT;

-- Existing events get their domain from their entity (EventDomain::of_legacy_entity). The log
-- is append-only, so the trigger steps aside for this one update, inside the migration.
DROP TRIGGER events_no_update;
UPDATE events SET domain = 'accounts' WHERE entity_type IN ('user', 'api_token', 'session');
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;

-- Events from here on hash their domain and account role too (R-LOG-2); earlier ones keep
-- their hashes, and `log verify` checks that their domain is the derived one.
CREATE TABLE event_hash_format (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    domain_from_seq INTEGER NOT NULL
);
INSERT INTO event_hash_format (id, domain_from_seq) SELECT 1, last_seq + 1 FROM event_chain_head;

-- Search at national scale (docs/benchmarks.md): by entity, by actor and period, newest first.
DROP INDEX events_entity;
DROP INDEX events_actor;
CREATE INDEX events_entity ON events (entity_type, entity_id, seq);
CREATE INDEX events_actor_time ON events (actor_name, occurred_at);

-- Free text: a word index over what the search matches, filled as events are appended
-- (contentless: the text stays in `events`, the index holds only words and sequence numbers).
-- Each non-security event also gets one word per scope tag (`scope` + domain + r/o/m/a +
-- value), so a search within a user's scope intersects word lists instead of reading every
-- event with a common word; the exact scope condition is still applied to each row.
CREATE VIRTUAL TABLE events_text USING fts5(
    body, content = '', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER events_text_insert AFTER INSERT ON events
BEGIN
    INSERT INTO events_text (rowid, body) VALUES (NEW.seq,
        NEW.action || ' ' || NEW.entity_type || ' ' || NEW.entity_id || ' ' || NEW.summary
        || ' ' || NEW.actor_name || ' ' || CASE WHEN NEW.security = 0 THEN
            'scope' || NEW.domain
            || COALESCE(' scope' || NEW.domain || 'r' || NEW.scope_region, '')
            || COALESCE(' scope' || NEW.domain || 'o' || NEW.scope_operator, '')
            || COALESCE(' scope' || NEW.domain || 'm' || NEW.scope_municipality, '')
            || COALESCE(' scope' || NEW.domain || 'a' || REPLACE(NEW.scope_account_role, '_', ''), '')
        ELSE '' END);
END;
INSERT INTO events_text (rowid, body)
SELECT seq, action || ' ' || entity_type || ' ' || entity_id || ' ' || summary || ' ' || actor_name
    || ' ' || CASE WHEN security = 0 THEN 'scope' || domain
        || COALESCE(' scope' || domain || 'r' || scope_region, '')
        || COALESCE(' scope' || domain || 'o' || scope_operator, '')
        || COALESCE(' scope' || domain || 'm' || scope_municipality, '')
        || COALESCE(' scope' || domain || 'a' || REPLACE(scope_account_role, '_', ''), '')
    ELSE '' END
FROM events;
