-- 014: fields of her own for partners (issue 14 §3). A field has a name
-- unique among the live ones, a kind and, for «один из списка», its options
-- as a JSON array of strings. A removed field keeps its row (deleted_at)
-- and its values, so the history and a backup still read them.
CREATE TABLE own_fields (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL
               CHECK (kind IN ('text', 'number', 'date', 'yes_no', 'choice')),
    options    TEXT NOT NULL DEFAULT '[]',
    position   INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX own_fields_live_name ON own_fields (lower(name))
 WHERE deleted_at IS NULL;

-- One partner's value of one field, in a canonical form: an ISO date, a
-- number with «.», '1' or '0', the option's text. No row: no value.
CREATE TABLE partner_own_values (
    partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    field_id   INTEGER NOT NULL REFERENCES own_fields (id) ON DELETE CASCADE,
    value      TEXT NOT NULL,
    PRIMARY KEY (partner_id, field_id)
) WITHOUT ROWID;
CREATE INDEX partner_own_values_field ON partner_own_values (field_id);
