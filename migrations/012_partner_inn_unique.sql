-- 012: one organisation (ИНН and КПП) is stored once among live partners,
-- even when two processes add it at the same moment (issue 13). The
-- registry checks inside its write transaction; this index is the backstop.
-- A database may already hold such duplicates (added before the check ran
-- inside the transaction): the migration keeps them as they are and marks
-- every one but the oldest with its own id in `inn_duplicate`, so the index
-- accepts them. New and edited rows keep 0, so a second live partner with
-- the same ИНН and КПП is refused; editing a marked one shows the usual
-- duplicate message until one of the two is corrected or put in the trash.
ALTER TABLE partners ADD COLUMN inn_duplicate INTEGER NOT NULL DEFAULT 0;
UPDATE partners SET inn_duplicate = id
 WHERE inn <> '' AND deleted_at IS NULL
   AND EXISTS (SELECT 1 FROM partners o
                WHERE o.inn = partners.inn AND o.kpp = partners.kpp
                  AND o.deleted_at IS NULL AND o.id < partners.id);
CREATE UNIQUE INDEX partners_live_inn ON partners (inn, kpp, inn_duplicate)
 WHERE inn <> '' AND deleted_at IS NULL;
