-- 003: agreements (договоры и соглашения), their parties, the plan annex,
-- the status history, attachments, custom templates and app settings.

CREATE TABLE agreements (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('network_program', 'cooperation')),
    number           TEXT NOT NULL,
    -- The number folded (lower case, ё → е, no spaces): uniqueness key.
    number_key       TEXT NOT NULL,
    date             TEXT,
    place            TEXT NOT NULL DEFAULT '',
    own_role         TEXT NOT NULL DEFAULT '',
    subject          TEXT NOT NULL DEFAULT '',
    art15_programme  TEXT NOT NULL DEFAULT '',
    art15_learners   TEXT NOT NULL DEFAULT '',
    art15_duties     TEXT NOT NULL DEFAULT '',
    art15_documents  TEXT NOT NULL DEFAULT '',
    art15_term       TEXT NOT NULL DEFAULT '',
    start_date       TEXT,
    end_date         TEXT,
    auto_prolong     INTEGER NOT NULL DEFAULT 0 CHECK (auto_prolong IN (0, 1)),
    prolong_months   INTEGER CHECK (prolong_months BETWEEN 1 AND 120),
    responsible      TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
                     ('draft', 'on_approval', 'signed', 'active', 'expired', 'prolonged', 'terminated')),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);
-- A number is unique among the agreements not in the trash; the core checks
-- it first to give a Russian message, the index is the last guard.
CREATE UNIQUE INDEX agreements_number ON agreements (number_key) WHERE deleted_at IS NULL;
CREATE INDEX agreements_deleted ON agreements (deleted_at);

-- A partner in an agreement cannot be deleted for good (no ON DELETE).
CREATE TABLE agreement_parties (
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    partner_id   INTEGER NOT NULL REFERENCES partners (id),
    role         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (agreement_id, position),
    UNIQUE (agreement_id, partner_id)
);
CREATE INDEX agreement_parties_partner ON agreement_parties (partner_id);

-- The plan of joint events, an annex (empty = no annex).
CREATE TABLE agreement_plan (
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    period       TEXT NOT NULL DEFAULT '',
    responsible  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (agreement_id, position)
);

CREATE TABLE agreement_status_history (
    id           INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    on_date      TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    changed_at   TEXT NOT NULL
);
CREATE INDEX agreement_status_history_agreement ON agreement_status_history (agreement_id, id);

-- Files kept with an agreement; `stored_path` is relative to the data folder.
CREATE TABLE agreement_attachments (
    id           INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('scan', 'version')),
    file_name    TEXT NOT NULL,
    stored_path  TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    size         INTEGER NOT NULL,
    template     TEXT NOT NULL DEFAULT '',
    added_at     TEXT NOT NULL
);
CREATE INDEX agreement_attachments_agreement ON agreement_attachments (agreement_id, id);

-- A template the user edited; no row = the built-in default.
CREATE TABLE agreement_templates (
    kind       TEXT PRIMARY KEY CHECK (kind IN ('network_program', 'cooperation')),
    source     TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- App settings, one value per key; a missing key takes its default.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
