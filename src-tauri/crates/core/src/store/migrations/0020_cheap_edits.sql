-- 0020: an edit no longer pays for erasing its old words from the index at once.
--
-- With FTS5's secure-delete on, every edit rewrote the index's lists of every word and trigram
-- the old text held: 55 ms per edit at 100,000 entries (trigrams of common words have lists as
-- long as the journal), against 0.8 ms without (`cargo bench -p eftertanke-core --bench search`).
-- Erasing an edit's old words at once protected nothing: the old text is kept in
-- `entry_versions` until the entry is deleted. So an edit's old words are only marked deleted,
-- and stay in the index's older segments until those merge; the entry is noted here. When an
-- entry is deleted, its words are removed with secure-delete, and if it was edited, both indexes
-- are merged into one segment each ('optimize', 1.7 s at 100,000 entries), so no version's
-- words stay anywhere (tests/store/search/upkeep.rs, the erasure canary).
INSERT INTO search_words (search_words, rank) VALUES ('secure-delete', 0);
INSERT INTO search_parts (search_parts, rank) VALUES ('secure-delete', 0);

CREATE TABLE search_edited (
    entry_id TEXT PRIMARY KEY REFERENCES entries (id)
) STRICT, WITHOUT ROWID;
