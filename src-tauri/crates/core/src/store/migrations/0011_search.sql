-- 0011: full-text search, inside the encrypted database (SQLCipher encrypts the index with
-- everything else). The words put in are normalised in Rust (crate::search::document), so these
-- tokenizers only split on spaces. The index is filled by this migration's hook and kept in
-- step by every write of an entry; `eftertanke search --rebuild` builds it again.

-- The entries in the index, with what ranking and the timeline's filters read of them, in a
-- row small enough that reading thousands of matches stays cheap (the entries' own rows carry
-- their answers). Not the entries' own rowid: a table with a text key may be given new rowids
-- by VACUUM. `id`, `occurred_on` … are named as in `entries`, so the timeline's filter reads
-- both alike. Written with the entry, in its transaction.
CREATE TABLE search_entries (
    row           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE REFERENCES entries (id),
    occurred_on   TEXT NOT NULL,
    outcome       TEXT NOT NULL,
    phase_entered TEXT,
    citizen_role  TEXT,
    initiative_id TEXT
) STRICT;

-- What is indexed of each entry, as words, by the same row. The indexes below read their text
-- from here (external content), so a deletion can name every word it removes: with
-- secure-delete, a deleted entry's words leave the index at once, not at some later merge.
-- Erasure covers the index.
CREATE TABLE search_docs (
    row      INTEGER PRIMARY KEY REFERENCES search_entries (row),
    title    TEXT NOT NULL,   -- the title, the initiative and the tags
    body     TEXT NOT NULL,   -- every other text of the entry
    stems    TEXT NOT NULL,   -- the Danish stems that differ from the words
    folded   TEXT NOT NULL    -- the words with "aa" read as "å", where that changes them
) STRICT;

-- Every word, for the index of parts of words.
CREATE VIEW search_docs_parts (row, words) AS SELECT row, title || ' ' || body FROM search_docs;

-- Whole words as written (the Danish letters kept), their stems and their folds.
CREATE VIRTUAL TABLE search_words USING fts5 (
    title, body, stems, folded,
    content = 'search_docs', content_rowid = 'row',
    tokenize = 'unicode61 remove_diacritics 0'
);

-- Parts of words: "forening" inside "beboerforeningen".
CREATE VIRTUAL TABLE search_parts USING fts5 (
    words,
    content = 'search_docs_parts', content_rowid = 'row',
    tokenize = 'trigram remove_diacritics 0'
);

INSERT INTO search_words (search_words, rank) VALUES ('secure-delete', 1);
INSERT INTO search_parts (search_parts, rank) VALUES ('secure-delete', 1);
