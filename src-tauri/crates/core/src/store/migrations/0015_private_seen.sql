-- 0015: "seen" is the facilitator's own note.
--
-- Earlier versions sent the lead's "seen" mark to the whole team as a record, and every author
-- saw "Seen by the lead" on their share: a mark of appraisal, not of shared learning. A seen
-- mark is now kept here, in the facilitator's journal alone, and never travels; marks that
-- travelled before are no longer shown.
CREATE TABLE space_seen (
    space_id  TEXT NOT NULL REFERENCES spaces (id),
    shared_id TEXT NOT NULL,
    seen_at   TEXT NOT NULL,
    PRIMARY KEY (space_id, shared_id)
) STRICT;
