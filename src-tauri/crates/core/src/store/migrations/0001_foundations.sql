-- 0001: foundations. Shipped migrations are never edited; add a new numbered file instead.

-- 'EFT1': lets Eftertanke tell its own databases from any other SQLite file.
PRAGMA application_id = 1162236977;

-- Facts about this installation, such as its id (the author of entries written here).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- A co-production effort with one citizen group over time. Filled by the timeline work; the
-- table exists now so entries can point at it from the first release.
CREATE TABLE initiatives (
    id            TEXT PRIMARY KEY NOT NULL,   -- UUIDv7
    title         TEXT NOT NULL,
    neighbourhood TEXT NOT NULL DEFAULT '',
    citizen_group TEXT NOT NULL DEFAULT '',    -- described by role, never by names
    purpose       TEXT NOT NULL DEFAULT '',
    author_id     TEXT NOT NULL,
    created_at    TEXT NOT NULL,               -- UTC, fixed-width RFC 3339
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT                         -- a tombstone, so deletions merge too
) STRICT;

-- One reflection on one co-production attempt.
CREATE TABLE entries (
    id            TEXT PRIMARY KEY NOT NULL,   -- UUIDv7, unique across every worker's database
    initiative_id TEXT REFERENCES initiatives (id),
    guide_id      TEXT NOT NULL,               -- the guide the entry was written with ...
    guide_version INTEGER NOT NULL,            -- ... and its version, so old entries still render
    occurred_on   TEXT NOT NULL,               -- the day of the attempt, YYYY-MM-DD
    title         TEXT NOT NULL,
    outcome       TEXT NOT NULL CHECK (outcome IN ('failed', 'partly', 'succeeded', 'too_early')),
    notes         TEXT NOT NULL DEFAULT '',
    answers       TEXT NOT NULL DEFAULT '{}',  -- guided answers keyed by question id (JSON)
    author_id     TEXT NOT NULL,               -- the installation that wrote it
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    revision      INTEGER NOT NULL DEFAULT 1,  -- counts saves; the newer copy wins a merge
    deleted_at    TEXT
) STRICT;

-- The journal and timeline read newest attempt first, one keyset page at a time.
CREATE INDEX entries_by_day ON entries (occurred_on DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX entries_by_initiative ON entries (initiative_id, occurred_on) WHERE deleted_at IS NULL;

-- Autosaved typing. Local to this installation; never shared or merged.
CREATE TABLE drafts (
    id         TEXT PRIMARY KEY NOT NULL,      -- UUIDv7
    entry_id   TEXT UNIQUE REFERENCES entries (id) ON DELETE CASCADE, -- NULL for a new entry
    payload    TEXT NOT NULL,                  -- the EntryInput as JSON, valid or not
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- Preferences of this installation.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
