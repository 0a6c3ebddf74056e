-- 011: ties travel in exchange packages (issue 12 §4). Ties have their
-- stable id since 010. A tie of the sender's own institution arrives as a
-- tie with a partner that IS the sender, so the institution gets a stable
-- id too (the receiver keeps it on that partner). What a package last
-- brought is now remembered for ties as well.

ALTER TABLE institution ADD COLUMN uuid TEXT;
UPDATE institution SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
    substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
    substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
CREATE TRIGGER institution_uuid_new AFTER INSERT ON institution WHEN NEW.uuid IS NULL
BEGIN
    UPDATE institution SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
        substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
        substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
    WHERE id = NEW.id;
END;

CREATE TABLE exchange_imports_new (
    kind        TEXT NOT NULL CHECK (kind IN ('partner', 'event', 'agreement', 'tie')),
    uuid        TEXT NOT NULL,
    fields      TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (kind, uuid)
);
INSERT INTO exchange_imports_new SELECT kind, uuid, fields, sha256, imported_at
    FROM exchange_imports;
DROP TABLE exchange_imports;
ALTER TABLE exchange_imports_new RENAME TO exchange_imports;
