-- 0014: what was shared only as counts is counted by the facilitator's app alone.
--
-- A counts-only contribution now travels to the space's lead only; the lead's app publishes the
-- team's counts (cells of at least three different people) and releases a new version only when
-- at least three people's contributions changed since the last. This table is the lead's memory
-- of the contributions the published counts stand on; it never leaves this journal.
CREATE TABLE space_counts_released (
    space_id    TEXT NOT NULL REFERENCES spaces (id),
    record_id   TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    contributor TEXT NOT NULL,
    PRIMARY KEY (space_id, record_id)
) STRICT;
