-- 0005: an entry's history. Append-only: rows are added, never changed or removed, so what
-- happened to an entry (such as saving it over the personal-data guard's objection) stays on
-- record. The detail is JSON and never holds personal data itself — only which fields and how
-- many findings.
CREATE TABLE entry_events (
    id          TEXT PRIMARY KEY NOT NULL,   -- UUIDv7
    entry_id    TEXT NOT NULL REFERENCES entries (id),
    kind        TEXT NOT NULL CHECK (kind IN ('personal_data_override')),
    occurred_at TEXT NOT NULL,               -- UTC, fixed-width RFC 3339
    detail      TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE INDEX entry_events_by_entry ON entry_events (entry_id, occurred_at);

CREATE TRIGGER entry_events_are_append_only_update BEFORE UPDATE ON entry_events
BEGIN
    SELECT RAISE(ABORT, 'entry_events is append-only');
END;

CREATE TRIGGER entry_events_are_append_only_delete BEFORE DELETE ON entry_events
BEGIN
    SELECT RAISE(ABORT, 'entry_events is append-only');
END;
