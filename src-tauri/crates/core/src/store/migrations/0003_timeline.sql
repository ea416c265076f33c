-- 0003: the learning timeline. Entries belong to initiatives; typed links join attempts into
-- chains; initiatives remember their latest attempt so the timeline pages by activity.

ALTER TABLE initiatives ADD COLUMN last_on TEXT;      -- the day of its newest attempt
CREATE INDEX initiatives_by_activity ON initiatives (last_on DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX initiatives_by_title ON initiatives (lower(title)) WHERE deleted_at IS NULL;

-- "from follows up on / builds on a lesson from / is related to to".
CREATE TABLE entry_links (
    id         TEXT PRIMARY KEY NOT NULL,    -- UUIDv7
    from_entry TEXT NOT NULL REFERENCES entries (id),
    to_entry   TEXT NOT NULL REFERENCES entries (id),
    kind       TEXT NOT NULL CHECK (kind IN ('follows_up', 'builds_on', 'related')),
    author_id  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    deleted_at TEXT,
    CHECK (from_entry <> to_entry)
) STRICT;

CREATE UNIQUE INDEX entry_links_once ON entry_links (from_entry, to_entry, kind) WHERE deleted_at IS NULL;
CREATE INDEX entry_links_to ON entry_links (to_entry) WHERE deleted_at IS NULL;

-- Timeline filters within an initiative.
CREATE INDEX entries_by_initiative_day ON entries (initiative_id, occurred_on, id) WHERE deleted_at IS NULL;
DROP INDEX entries_by_initiative;

-- Entries not yet placed in an initiative, counted cheaply for the timeline's note about them.
CREATE INDEX entries_unplaced ON entries (occurred_on) WHERE initiative_id IS NULL AND deleted_at IS NULL;
