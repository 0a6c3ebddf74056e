-- 015: several templates per agreement kind (issue 14 §5): she keeps one for
-- schools and one for museums. Each template has an id and a name; the
-- built-in one of each kind is a row too (its text is NULL: it comes with
-- the program, so a newer version's text reaches every database), so that
-- an agreement can choose it like any other. One template of a kind is the
-- default for new agreements. An edited template of the old schema (one
-- row per kind) becomes «Мой шаблон», the default of its kind, so nothing
-- she printed before changes.
CREATE TABLE agreement_template_variants (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('network_program', 'cooperation')),
    name       TEXT NOT NULL,
    source     TEXT,
    is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    updated_at TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, name)
);

INSERT INTO agreement_template_variants (kind, name, source, is_default)
SELECT k.kind, 'Стандартный', NULL,
       NOT EXISTS (SELECT 1 FROM agreement_templates t WHERE t.kind = k.kind)
FROM (SELECT 'network_program' AS kind UNION ALL SELECT 'cooperation') AS k;

INSERT INTO agreement_template_variants (kind, name, source, is_default, updated_at)
SELECT kind, 'Мой шаблон', source, 1, updated_at FROM agreement_templates;

DROP TABLE agreement_templates;
ALTER TABLE agreement_template_variants RENAME TO agreement_templates;

CREATE UNIQUE INDEX agreement_templates_default ON agreement_templates (kind)
    WHERE is_default = 1;
CREATE UNIQUE INDEX agreement_templates_builtin ON agreement_templates (kind)
    WHERE source IS NULL;

-- The template an agreement chose; NULL follows its kind's default. A
-- template deleted for good leaves its agreements on the default.
ALTER TABLE agreements ADD COLUMN template_id INTEGER
    REFERENCES agreement_templates (id) ON DELETE SET NULL;
CREATE INDEX agreements_template ON agreements (template_id)
    WHERE template_id IS NOT NULL;
