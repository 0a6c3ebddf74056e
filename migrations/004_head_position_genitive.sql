-- 004: a manual genitive of the head's position, for the agreement preamble
-- when the rules decline an unusual title wrongly.

ALTER TABLE partners ADD COLUMN head_position_genitive TEXT NOT NULL DEFAULT '';
ALTER TABLE institution ADD COLUMN head_position_genitive TEXT NOT NULL DEFAULT '';
