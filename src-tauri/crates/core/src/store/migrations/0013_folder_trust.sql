-- 0013: the folder's integrity.
--
-- A removal counts only on the lead's signed notice. Earlier versions counted any unreadable
-- file named like a roster of a later epoch as this journal's removal — a file anyone can drop
-- into the folder — so every such mark is cleared here; a real removal is told again by the
-- lead's notice, which the lead's app writes on its next read for every removal it made.
UPDATE spaces SET removed_at = NULL;

-- How many things in the space's folder are not Eftertanke's (other files, links, pipes), as
-- the last read found them: said once in the status, gone when they are.
ALTER TABLE spaces ADD COLUMN not_ours INTEGER NOT NULL DEFAULT 0;

-- What the last read saw of each file by its name, so a file unchanged since (the same size,
-- modification time and file id) is neither read, hashed nor decrypted again. A row whose file
-- is gone is dropped at the next read.
CREATE TABLE space_file_stats (
    space_id    TEXT NOT NULL REFERENCES spaces (id),
    name        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    modified_ns INTEGER NOT NULL,
    file_id     INTEGER NOT NULL,
    file_hash   TEXT NOT NULL,
    PRIMARY KEY (space_id, name)
) STRICT;

-- Every roster file read, so two different rosters of one epoch (a fork) are seen.
CREATE TABLE space_roster_files (
    space_id  TEXT NOT NULL REFERENCES spaces (id),
    epoch     INTEGER NOT NULL,
    file_hash TEXT NOT NULL,
    roster_hash TEXT NOT NULL,                 -- of the roster's JSON as signed
    name      TEXT NOT NULL,
    PRIMARY KEY (space_id, file_hash)
) STRICT;

-- The epoch each bundle file was written at, and the records each applied file carried: what
-- a removal's seal is checked against, and what is taken back when a file turns out to be
-- sealed out.
ALTER TABLE space_files ADD COLUMN epoch INTEGER;
-- One row per file (its record ids as a JSON array): written with every bundle, read only when
-- a file is taken back.
CREATE TABLE space_file_records (
    space_id   TEXT NOT NULL REFERENCES spaces (id),
    file_hash  TEXT NOT NULL,
    record_ids TEXT NOT NULL,
    PRIMARY KEY (space_id, file_hash)
) STRICT;

-- A removal's seal: the bundle files of the epochs before it that the lead held when it
-- removed someone (one row per file, and one with an empty hash for the seal itself). A bundle
-- of an earlier epoch counts only if the first seal after its epoch names it.
CREATE TABLE space_seals (
    space_id  TEXT NOT NULL REFERENCES spaces (id),
    epoch     INTEGER NOT NULL,
    file_hash TEXT NOT NULL,
    PRIMARY KEY (space_id, epoch, file_hash)
) STRICT;
