-- 010: a stable id (UUID) per record, kept across institutions, so that an
-- exchange package (.partnernet) imported twice changes nothing and a newer
-- one updates what the older one brought. Events keep their iCalendar UID
-- for that. SQLite has no uuid(): a version-4 form is made from random
-- bytes. New rows get theirs from a trigger, so no insert query changes.

ALTER TABLE partners ADD COLUMN uuid TEXT;
ALTER TABLE persons ADD COLUMN uuid TEXT;
ALTER TABLE agreements ADD COLUMN uuid TEXT;
ALTER TABLE partner_ties ADD COLUMN uuid TEXT;

UPDATE partners SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
    substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
    substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
UPDATE persons SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
    substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
    substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
UPDATE agreements SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
    substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
    substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
UPDATE partner_ties SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
    substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
    substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));

CREATE UNIQUE INDEX partners_uuid ON partners (uuid);
CREATE UNIQUE INDEX persons_uuid ON persons (uuid);
CREATE UNIQUE INDEX agreements_uuid ON agreements (uuid);
CREATE UNIQUE INDEX partner_ties_uuid ON partner_ties (uuid);

CREATE TRIGGER partners_uuid_new AFTER INSERT ON partners WHEN NEW.uuid IS NULL
BEGIN
    UPDATE partners SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
        substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
        substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
    WHERE id = NEW.id;
END;
CREATE TRIGGER persons_uuid_new AFTER INSERT ON persons WHEN NEW.uuid IS NULL
BEGIN
    UPDATE persons SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
        substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
        substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
    WHERE id = NEW.id;
END;
CREATE TRIGGER agreements_uuid_new AFTER INSERT ON agreements WHEN NEW.uuid IS NULL
BEGIN
    UPDATE agreements SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
        substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
        substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
    WHERE id = NEW.id;
END;
CREATE TRIGGER partner_ties_uuid_new AFTER INSERT ON partner_ties WHEN NEW.uuid IS NULL
BEGIN
    UPDATE partner_ties SET uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
        substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
        substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
    WHERE id = NEW.id;
END;

-- What an exchange package last brought for each record (by its stable id),
-- field by field: a record that differs from it was edited here since, and
-- a package that differs from it and from the local record is a conflict.
CREATE TABLE exchange_imports (
    kind        TEXT NOT NULL CHECK (kind IN ('partner', 'event', 'agreement')),
    uuid        TEXT NOT NULL,
    fields      TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (kind, uuid)
);
