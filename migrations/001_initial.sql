-- 001: the institution profile and the partner registry.

CREATE TABLE institution (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    full_name        TEXT NOT NULL DEFAULT '',
    short_name       TEXT NOT NULL DEFAULT '',
    unit             TEXT NOT NULL DEFAULT '',
    city             TEXT NOT NULL DEFAULT '',
    region           TEXT NOT NULL DEFAULT '',
    inn              TEXT NOT NULL DEFAULT '',
    kpp              TEXT NOT NULL DEFAULT '',
    ogrn             TEXT NOT NULL DEFAULT '',
    legal_address    TEXT NOT NULL DEFAULT '',
    postal_address   TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    website          TEXT NOT NULL DEFAULT '',
    bank_account     TEXT NOT NULL DEFAULT '',
    corr_account     TEXT NOT NULL DEFAULT '',
    bik              TEXT NOT NULL DEFAULT '',
    bank_name        TEXT NOT NULL DEFAULT '',
    licence_number   TEXT NOT NULL DEFAULT '',
    licence_date     TEXT,
    licence_issuer   TEXT NOT NULL DEFAULT '',
    head_surname     TEXT NOT NULL DEFAULT '',
    head_name        TEXT NOT NULL DEFAULT '',
    head_patronymic  TEXT NOT NULL DEFAULT '',
    head_gender      TEXT CHECK (head_gender IN ('male', 'female')),
    head_position    TEXT NOT NULL DEFAULT '',
    head_basis       TEXT NOT NULL DEFAULT '',
    updated_at       TEXT NOT NULL
);

CREATE TABLE institution_tags (
    kind     TEXT NOT NULL CHECK (kind IN ('strength', 'deficit')),
    tag      TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (kind, tag)
);

CREATE TABLE partners (
    id               INTEGER PRIMARY KEY,
    partner_type     TEXT NOT NULL,
    relation_kind    TEXT NOT NULL,
    full_name        TEXT NOT NULL,
    short_name       TEXT NOT NULL,
    inn              TEXT NOT NULL DEFAULT '',
    kpp              TEXT NOT NULL DEFAULT '',
    ogrn             TEXT NOT NULL DEFAULT '',
    legal_address    TEXT NOT NULL DEFAULT '',
    postal_address   TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    website          TEXT NOT NULL DEFAULT '',
    bank_account     TEXT NOT NULL DEFAULT '',
    corr_account     TEXT NOT NULL DEFAULT '',
    bik              TEXT NOT NULL DEFAULT '',
    bank_name        TEXT NOT NULL DEFAULT '',
    licence_number   TEXT NOT NULL DEFAULT '',
    licence_date     TEXT,
    licence_issuer   TEXT NOT NULL DEFAULT '',
    head_surname     TEXT NOT NULL DEFAULT '',
    head_name        TEXT NOT NULL DEFAULT '',
    head_patronymic  TEXT NOT NULL DEFAULT '',
    head_gender      TEXT CHECK (head_gender IN ('male', 'female')),
    head_position    TEXT NOT NULL DEFAULT '',
    head_basis       TEXT NOT NULL DEFAULT '',
    stage            INTEGER CHECK (stage BETWEEN 1 AND 3),
    stage_reached_on TEXT,
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);
CREATE INDEX partners_deleted ON partners (deleted_at);
CREATE INDEX partners_inn ON partners (inn) WHERE inn <> '';

CREATE TABLE persons (
    id          INTEGER PRIMARY KEY,
    surname     TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    patronymic  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

CREATE TABLE partner_contacts (
    partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES persons (id),
    position   INTEGER NOT NULL,
    role       TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (partner_id, person_id)
);
CREATE INDEX partner_contacts_person ON partner_contacts (person_id);

CREATE TABLE partner_tags (
    partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('resource', 'request')),
    tag        TEXT NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (partner_id, kind, tag)
);

CREATE TABLE partner_readiness (
    partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    condition  TEXT NOT NULL,
    PRIMARY KEY (partner_id, condition)
);

CREATE TABLE partner_history (
    id         INTEGER PRIMARY KEY,
    partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    field      TEXT NOT NULL,
    old_value  TEXT NOT NULL,
    new_value  TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX partner_history_partner ON partner_history (partner_id, id);

-- Search index: one row per partner, text normalised by the core
-- (lower case, ё → е) so that matching is the same for every script.
CREATE VIRTUAL TABLE partner_search USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 0'
);
