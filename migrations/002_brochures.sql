-- 002: methodical brochures, kept as Markdown sources.

CREATE TABLE brochures (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    source      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX brochures_deleted ON brochures (deleted_at);
