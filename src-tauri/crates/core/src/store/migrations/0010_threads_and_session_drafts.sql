-- How far this journal has read the comments on a shared reflection: the newest comment row
-- it held when the thread was last opened. A comment merged after it is shown as new. Local
-- only, and no clock decides it.
CREATE TABLE space_threads_read (
    space_id TEXT NOT NULL REFERENCES spaces (id),
    on_id TEXT NOT NULL,
    read_upto INTEGER NOT NULL,
    PRIMARY KEY (space_id, on_id)
) STRICT;

-- The session the lead is running, as the window's flow holds it (JSON, this journal's own,
-- never shared), kept while it is typed so a crash or a closed window loses nothing; deleted
-- when the session is published.
CREATE TABLE session_drafts (
    space_id TEXT PRIMARY KEY REFERENCES spaces (id),
    draft TEXT NOT NULL,
    saved_at TEXT NOT NULL
) STRICT;
