-- SPEC §6: plans started on a centre from a template version and one of its agreements. The
-- template is stored as the JSON document the domain reads (`domain::plans::Template`), once
-- per version, so a running plan keeps the version it was started from after a revision.
CREATE TABLE plan_templates (
    key          TEXT NOT NULL,
    version      INTEGER NOT NULL,
    document     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    CONSTRAINT plan_templates_key PRIMARY KEY (key, version)
);

CREATE TABLE plans (
    id                INTEGER PRIMARY KEY,
    centre_id         INTEGER NOT NULL REFERENCES centres (id),
    agreement_id      INTEGER NOT NULL REFERENCES agreements (id),
    template_key      TEXT NOT NULL,
    template_version  INTEGER NOT NULL,
    -- the operator's experience when the plan started (1 experienced, 0 new)
    experienced       INTEGER NOT NULL,
    started_at        TEXT NOT NULL,
    started_by        TEXT NOT NULL,
    CONSTRAINT plans_template FOREIGN KEY (template_key, template_version)
        REFERENCES plan_templates (key, version)
);
CREATE INDEX plans_centre ON plans (centre_id);

-- One row per task (an item, an occurrence of a recurring item), in the plan's order. Overdue
-- is not stored: it is an open task whose due date has passed, as of today.
CREATE TABLE plan_tasks (
    plan_id         INTEGER NOT NULL REFERENCES plans (id),
    position        INTEGER NOT NULL,
    item_key        TEXT NOT NULL,
    -- ISO date; NULL while the task waits for an event (another task, a hiring)
    due             TEXT,
    -- 'by' or 'not_before'
    timing          TEXT NOT NULL,
    status          TEXT NOT NULL,
    -- why a task is not needed
    reason          TEXT,
    -- seed 000's checklist columns: ordered/done, feedback received, feedback followed up
    ordered_on      TEXT,
    feedback_on     TEXT,
    followed_up_on  TEXT,
    done_on         TEXT,
    CONSTRAINT plan_tasks_key PRIMARY KEY (plan_id, position),
    CONSTRAINT plan_tasks_status CHECK (status IN ('open', 'done', 'not_needed'))
);
