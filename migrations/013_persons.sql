-- 013: people are records of their own (issue 14 §2). An event and an
-- agreement may name their responsible by a reference to a person, picked
-- from «Контакты»; the old typed text stays in `responsible` for every
-- existing row (and is kept as the person's name for linked ones, so the
-- plan, the exports and the conflict check read it as before). A person
-- removed for good leaves the text and drops the link.
ALTER TABLE events ADD COLUMN responsible_person_id INTEGER
    REFERENCES persons (id) ON DELETE SET NULL;
ALTER TABLE agreements ADD COLUMN responsible_person_id INTEGER
    REFERENCES persons (id) ON DELETE SET NULL;
CREATE INDEX events_responsible_person ON events (responsible_person_id)
    WHERE responsible_person_id IS NOT NULL;
CREATE INDEX agreements_responsible_person ON agreements (responsible_person_id)
    WHERE responsible_person_id IS NOT NULL;

-- What changed in a person's record (edited in «Контакты», merged with
-- another record), as partner_history keeps it for partners.
CREATE TABLE person_history (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    field      TEXT NOT NULL,
    old_value  TEXT NOT NULL,
    new_value  TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX person_history_person ON person_history (person_id, id);
