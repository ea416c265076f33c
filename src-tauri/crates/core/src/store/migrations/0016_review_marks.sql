-- 0016: what the facilitator went through, reflection by reflection; arrival of what was
-- shared without a name kept to the day.
--
-- The review queue compared each share's arrival time, to the second, with one "gone through
-- up to" time. Shown beside the arrivals of named shares, an anonymous share's arrival to the
-- minute could point at its author. Now the queue remembers which version of each reflection
-- the facilitator went through, and keeps only the day an anonymous share arrived.
CREATE TABLE space_reviewed (
    space_id  TEXT NOT NULL REFERENCES spaces (id),
    record_id TEXT NOT NULL,
    revision  INTEGER NOT NULL,
    PRIMARY KEY (space_id, record_id)
) STRICT;

-- What the earlier mark covered stays gone through.
INSERT OR REPLACE INTO space_reviewed (space_id, record_id, revision)
SELECT r.space_id, r.id, max(r.revision)
FROM space_records r JOIN spaces s ON s.id = r.space_id
WHERE r.kind = 'entry' AND s.reviewed_at IS NOT NULL AND r.arrived_at IS NOT NULL
  AND r.arrived_at <= s.reviewed_at
GROUP BY r.space_id, r.id;

UPDATE space_records SET arrived_at = substr(arrived_at, 1, 10)
WHERE scope IN ('anonymous', 'aggregate') AND arrived_at IS NOT NULL;
