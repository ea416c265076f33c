-- 0012: an entry's history. Every saved version of an entry is kept here as it was saved (its
-- answers, tags and guide), keyed by its revision; the entry row is always the newest. A
-- version can be restored, as a new revision. Local to this journal: versions never travel.
-- Deleting an entry deletes its versions with it (erasure covers the history).
CREATE TABLE entry_versions (
    entry_id      TEXT NOT NULL REFERENCES entries (id),
    revision      INTEGER NOT NULL,
    saved_at      TEXT NOT NULL,               -- UTC, fixed-width RFC 3339
    guide_id      TEXT NOT NULL,
    guide_version INTEGER NOT NULL,
    complete      INTEGER NOT NULL,
    answers       TEXT NOT NULL,               -- JSON, as in entries.answers
    tags          TEXT NOT NULL,               -- a JSON array
    PRIMARY KEY (entry_id, revision)
) STRICT, WITHOUT ROWID;

-- What is there now is the first version this journal can show.
INSERT INTO entry_versions (entry_id, revision, saved_at, guide_id, guide_version, complete, answers, tags)
SELECT e.id, e.revision, e.updated_at, e.guide_id, e.guide_version, e.completed_at IS NOT NULL, e.answers,
       (SELECT coalesce(json_group_array(t.tag), '[]') FROM (SELECT tag FROM entry_tags WHERE entry_id = e.id ORDER BY tag) t)
FROM entries e WHERE e.deleted_at IS NULL;
