-- 0017: a share without a name waits for a random moment before its file is written.
--
-- Written the moment it is shared, an anonymous bundle's time in the folder would sit beside its
-- author's other activity. It waits here, in its author's journal, until its moment (`due_at`),
-- and is written at the first read of the folder after that.
CREATE TABLE space_outbox (
    space_id TEXT NOT NULL REFERENCES spaces (id),
    name     TEXT NOT NULL,
    bytes    BLOB NOT NULL,
    due_at   TEXT NOT NULL,
    PRIMARY KEY (space_id, name)
) STRICT;
