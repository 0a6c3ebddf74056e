-- 009: imports of partners from tables, kept so that an import can be
-- undone as one step: which partners it created, and what the ones it
-- updated held before (the partner's form as JSON).
CREATE TABLE import_batches (
    id          INTEGER PRIMARY KEY,
    file_name   TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    created     INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    skipped     INTEGER NOT NULL,
    undone_at   TEXT
);

CREATE TABLE import_batch_partners (
    batch_id   INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    -- No foreign key: the partner may be deleted for good later.
    partner_id INTEGER NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('created', 'updated')),
    previous   TEXT,
    PRIMARY KEY (batch_id, partner_id)
);
