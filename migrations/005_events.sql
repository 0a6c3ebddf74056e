-- 005: events (мероприятия), their forms, partners and changed occurrences.
-- Times are local wall-clock times of the institution's time zone
-- (setting `time_zone`), stored as 'YYYY-MM-DDTHH:MM:SS'.

CREATE TABLE event_forms (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    -- The name folded (lower case, ё → е): uniqueness key.
    name_key  TEXT NOT NULL UNIQUE,
    online    INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
    color     TEXT NOT NULL,
    builtin   INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    position  INTEGER NOT NULL
);

-- The forms of network interaction of DOMAIN.md §4, in that order.
INSERT INTO event_forms (name, name_key, online, color, builtin, position) VALUES
    ('семинар', 'семинар', 0, '#2f6fb3', 1, 1),
    ('круглый стол', 'круглый стол', 0, '#8a5a00', 1, 2),
    ('конференция', 'конференция', 0, '#7b3fa0', 1, 3),
    ('дискуссия', 'дискуссия', 0, '#b5475b', 1, 4),
    ('встреча по обмену опытом (и по проблемным вопросам)', 'встреча по обмену опытом (и по проблемным вопросам)', 0, '#2e7d5b', 1, 5),
    ('проектная деятельность', 'проектная деятельность', 0, '#c05a1c', 1, 6),
    ('онлайн-конференция', 'онлайн-конференция', 1, '#1b8a9a', 1, 7),
    ('вебинар', 'вебинар', 1, '#4a5fc1', 1, 8),
    ('интернет-конкурс', 'интернет-конкурс', 1, '#9a7b12', 1, 9),
    ('размещение методических материалов на сайте', 'размещение методических материалов на сайте', 1, '#5f6b7a', 1, 10);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    uid            TEXT NOT NULL UNIQUE,
    form_id        INTEGER NOT NULL REFERENCES event_forms (id),
    title          TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    starts_at      TEXT NOT NULL,
    ends_at        TEXT NOT NULL,
    all_day        INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
    place          TEXT NOT NULL DEFAULT '',
    link           TEXT NOT NULL DEFAULT '',
    organiser      TEXT NOT NULL DEFAULT '',
    agreement_id   INTEGER REFERENCES agreements (id) ON DELETE SET NULL,
    -- Comma-separated codes: teachers, students, parents, public.
    audience       TEXT NOT NULL DEFAULT '',
    planned_count  INTEGER CHECK (planned_count >= 0),
    actual_count   INTEGER CHECK (actual_count >= 0),
    status         TEXT NOT NULL DEFAULT 'planned' CHECK (status IN
                   ('planned', 'held', 'postponed', 'cancelled')),
    results        TEXT NOT NULL DEFAULT '',
    responsible    TEXT NOT NULL DEFAULT '',
    -- The series rule; NULL frequency = a single event.
    rule_frequency TEXT CHECK (rule_frequency IN
                   ('daily', 'weekly', 'monthly_by_date', 'monthly_by_weekday')),
    rule_interval  INTEGER NOT NULL DEFAULT 1 CHECK (rule_interval >= 1),
    -- ISO weekdays 1..7, comma-separated.
    rule_weekdays  TEXT NOT NULL DEFAULT '',
    rule_until     TEXT,
    rule_count     INTEGER CHECK (rule_count >= 1),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
);
CREATE INDEX events_starts ON events (starts_at);
CREATE INDEX events_deleted ON events (deleted_at);
CREATE INDEX events_agreement ON events (agreement_id);

-- A partner of an event cannot be deleted for good while the event exists.
CREATE TABLE event_partners (
    event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    partner_id INTEGER NOT NULL REFERENCES partners (id),
    PRIMARY KEY (event_id, position),
    UNIQUE (event_id, partner_id)
);
CREATE INDEX event_partners_partner ON event_partners (partner_id);

-- Changed occurrences of a series, keyed by the date the rule gives them.
CREATE TABLE event_changes (
    event_id     INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    on_date      TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('planned', 'held', 'postponed', 'cancelled')),
    starts_at    TEXT,
    ends_at      TEXT,
    actual_count INTEGER CHECK (actual_count >= 0),
    results      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, on_date)
);
