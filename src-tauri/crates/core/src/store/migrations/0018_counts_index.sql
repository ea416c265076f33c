-- 0018: the facilitator's app looks up what was shared only as counts at every read of the
-- folder; an index of those records alone keeps a quiet read from going through every shared
-- record (measured with `cargo bench -p eftertanke-core --bench spaces`: a quiet read of a
-- 10,000-record space stays near 1.5 ms).
CREATE INDEX space_records_counts_only ON space_records (space_id, kind) WHERE scope = 'aggregate';
