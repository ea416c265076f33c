-- 0002: guided reflection. Entries keep their answers keyed by question id, plus the common
-- fields and the structured co-production answers in typed columns for querying and charts.

ALTER TABLE entries ADD COLUMN initiative TEXT;           -- as typed; linked to initiatives later
ALTER TABLE entries ADD COLUMN completed_at TEXT;         -- NULL: a quick capture to complete
ALTER TABLE entries ADD COLUMN phase_entered TEXT;        -- problem_definition … not_at_all
ALTER TABLE entries ADD COLUMN citizen_role TEXT;         -- co_initiator … not_involved
ALTER TABLE entries ADD COLUMN participation_level INTEGER CHECK (participation_level BETWEEN 0 AND 4);
ALTER TABLE entries ADD COLUMN initiator TEXT;            -- us, citizens, jointly, third_party
ALTER TABLE entries ADD COLUMN solution_predecided TEXT;  -- yes, partly, no
ALTER TABLE entries ADD COLUMN interest_alignment INTEGER CHECK (interest_alignment BETWEEN 1 AND 5);
ALTER TABLE entries ADD COLUMN trust_before INTEGER CHECK (trust_before BETWEEN 1 AND 5);
ALTER TABLE entries ADD COLUMN trust_after INTEGER CHECK (trust_after BETWEEN 1 AND 5);
ALTER TABLE entries ADD COLUMN organisation TEXT;         -- individuals, informal_group, association
ALTER TABLE entries ADD COLUMN expectation TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN what_happened TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN analysis TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN learning TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN feelings TEXT NOT NULL DEFAULT '';

-- Entries of the first release were written with the one-page form; it lives on as the
-- 'quick-capture' v1 guide, and its answers move into the answers document. `notes` is kept
-- but no longer written.
UPDATE entries
SET answers = json_object('occurred_on', occurred_on, 'title', title, 'outcome', outcome, 'notes', notes),
    what_happened = notes,
    completed_at = updated_at
WHERE guide_id = 'quick-capture';
UPDATE entries SET answers = json_remove(answers, '$.notes') WHERE guide_id = 'quick-capture' AND notes = '';

-- What a reflection decides to do. Status is followed up when the next attempt starts.
CREATE TABLE actions (
    id          TEXT PRIMARY KEY NOT NULL,     -- UUIDv7
    entry_id    TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    owner       TEXT NOT NULL DEFAULT '',      -- a role, not a name
    review_on   TEXT,                          -- YYYY-MM-DD
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'partly', 'dropped')),
    status_note TEXT NOT NULL DEFAULT '',
    author_id   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX actions_by_entry ON actions (entry_id, position) WHERE deleted_at IS NULL;
CREATE INDEX actions_due ON actions (review_on) WHERE status = 'open' AND deleted_at IS NULL;
