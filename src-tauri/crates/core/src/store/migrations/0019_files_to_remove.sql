-- 0019: a file of this journal's that a withdrawal wrote again (or emptied) but that could not be
-- removed from the shared folder at that moment (a sync client holding it, a read-only moment):
-- kept here by its name in the space's folder and removed at the next read, so "withdrawn" does
-- not depend on the folder being writable in the second of the withdrawal.
CREATE TABLE space_files_to_remove (
    space_id TEXT NOT NULL REFERENCES spaces (id),
    name     TEXT NOT NULL,
    PRIMARY KEY (space_id, name)
) STRICT;
