-- 0007: a data model ready to merge. Every record that can leave the device (entries, actions,
-- initiatives, links; tags travel inside their entry) has a UUIDv7 id, an author, a revision
-- that every change bumps, `updated_at`, and a tombstone (`deleted_at`) instead of a hard
-- delete. Entries had all of it; actions, initiatives and links get what they lacked.

ALTER TABLE actions ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE initiatives ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE entry_links ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE entry_links ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
UPDATE entry_links SET updated_at = coalesce(deleted_at, created_at);

-- An action's tombstone keeps its id, entry and times; its words go (as a deleted entry's do).
-- Actions deleted with their entry until now were removed outright and cannot come back.

-- Initiatives are found by their name as people read it (Unicode case folding, NFKC; filled in
-- by Rust, see name_key.rs), not by SQLite's ASCII-only lower().
ALTER TABLE initiatives ADD COLUMN title_key TEXT NOT NULL DEFAULT '';
DROP INDEX initiatives_by_title;
CREATE INDEX initiatives_by_key ON initiatives (title_key, created_at, id) WHERE deleted_at IS NULL;

-- The kinds of an entry's history are rows, so a new kind (import, share, comment) is an INSERT
-- in a migration rather than a rebuilt table. The table is rebuilt once, now, to refer to them.
CREATE TABLE entry_event_kinds (
    kind TEXT PRIMARY KEY NOT NULL
) STRICT;
INSERT INTO entry_event_kinds (kind) VALUES ('personal_data_override');

CREATE TABLE entry_events_v2 (
    id          TEXT PRIMARY KEY NOT NULL,   -- UUIDv7
    entry_id    TEXT NOT NULL REFERENCES entries (id),
    kind        TEXT NOT NULL REFERENCES entry_event_kinds (kind),
    occurred_at TEXT NOT NULL,               -- UTC, fixed-width RFC 3339
    detail      TEXT NOT NULL DEFAULT '{}'
) STRICT;
INSERT INTO entry_events_v2 (id, entry_id, kind, occurred_at, detail)
    SELECT id, entry_id, kind, occurred_at, detail FROM entry_events;
-- DROP TABLE empties the table without firing its triggers, and drops them with it.
DROP TABLE entry_events;
ALTER TABLE entry_events_v2 RENAME TO entry_events;
CREATE INDEX entry_events_by_entry ON entry_events (entry_id, occurred_at);

CREATE TRIGGER entry_events_are_append_only_update BEFORE UPDATE ON entry_events
BEGIN
    SELECT RAISE(ABORT, 'entry_events is append-only');
END;

CREATE TRIGGER entry_events_are_append_only_delete BEFORE DELETE ON entry_events
BEGIN
    SELECT RAISE(ABORT, 'entry_events is append-only');
END;
