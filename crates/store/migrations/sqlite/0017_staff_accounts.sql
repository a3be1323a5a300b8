-- R-AUTH-6: operators' staff accounts, ordered by the operator for an employee at one of its
-- centres and approved (or refused) by the centre's region; user_id is the account created at
-- approval, whose logins the centre's windows govern (R-PLN-1, R-CLM-6). status: ordered |
-- approved | refused | disabled; reason: the refusal's text, or left | leave when disabled.
CREATE TABLE staff_accounts (
    id            INTEGER PRIMARY KEY,
    centre_id     INTEGER NOT NULL REFERENCES centres (id),
    operator_dro  TEXT NOT NULL,
    region        TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    email         TEXT,
    username      TEXT NOT NULL,
    status        TEXT NOT NULL,
    reason        TEXT,
    user_id       INTEGER REFERENCES users (id),
    ordered_by    TEXT NOT NULL,
    ordered_at    TEXT NOT NULL,
    decided_by    TEXT,
    decided_at    TEXT,
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX staff_accounts_centre ON staff_accounts (centre_id);
CREATE INDEX staff_accounts_region ON staff_accounts (region, status);
CREATE UNIQUE INDEX staff_accounts_user ON staff_accounts (user_id);
