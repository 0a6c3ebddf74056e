-- 007: typed ties between organisations and dated notes of a partner.

-- A tie between two organisations of the registry, or between the user's own
-- institution (a NULL side: it is not a partner row) and a partner. The order
-- of the sides matters for шефство: the first is the patron. A purge of a
-- partner removes its ties; a partner in the trash keeps them.
CREATE TABLE partner_ties (
    id          INTEGER PRIMARY KEY,
    first_id    INTEGER REFERENCES partners (id) ON DELETE CASCADE,
    second_id   INTEGER REFERENCES partners (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN
                ('network_interaction', 'social_partnership', 'patronage', 'other')),
    start_date  TEXT NOT NULL,
    end_date    TEXT,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (first_id IS NOT NULL OR second_id IS NOT NULL),
    CHECK (first_id IS NOT second_id),
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX partner_ties_first ON partner_ties (first_id);
CREATE INDEX partner_ties_second ON partner_ties (second_id);

-- Dated notes of the interaction with a partner («Запись о взаимодействии»),
-- optionally naming one of its contact persons.
CREATE TABLE partner_notes (
    id          INTEGER PRIMARY KEY,
    partner_id  INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL,
    body        TEXT NOT NULL,
    person_id   INTEGER REFERENCES persons (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX partner_notes_partner ON partner_notes (partner_id, on_date);

-- The old single «Заметки» field becomes the first dated note, dated the day
-- the partner was last changed. The field itself is left as it is for now:
-- the partner form still edits it; a later step moves the form to dated notes
-- and clears the field then.
INSERT INTO partner_notes (partner_id, on_date, body, person_id, created_at, updated_at)
SELECT id, substr(updated_at, 1, 10), notes, NULL, updated_at, updated_at
FROM partners WHERE trim(notes) <> '';
