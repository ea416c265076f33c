-- 0004: free tags on entries ("homework", "mothers", "autumn 2025"), for filtering the
-- timeline. Keyed by entry and tag, so tags from many workers merge without ids of their own.
CREATE TABLE entry_tags (
    entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (entry_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX entry_tags_by_tag ON entry_tags (tag, entry_id);
