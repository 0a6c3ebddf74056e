-- 008: the partner form edits dated notes only; the old single «Заметки»
-- field is cleared where migration 007 copied it into a dated note (nothing
-- is lost: a text with no such copy stays where it is).
UPDATE partners SET notes = ''
WHERE trim(notes) <> ''
  AND EXISTS (SELECT 1 FROM partner_notes n
              WHERE n.partner_id = partners.id AND n.body = partners.notes);
