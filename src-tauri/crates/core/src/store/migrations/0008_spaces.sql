-- 0008: reflection spaces. A journal's identities in spaces, the spaces it is in, their signed
-- rosters, the records colleagues shared (merged by id), the private map from this journal's
-- entries to what it shared, and every bundle file read, by hash.

-- A member identity: made for a member card, taken up by the space whose roster names it.
-- The secret keys live only here, inside the encrypted database.
CREATE TABLE member_identities (
    id             TEXT PRIMARY KEY NOT NULL,  -- UUIDv7, local
    key_id         TEXT NOT NULL UNIQUE,       -- the hash of the public keys rosters name
    display_name   TEXT NOT NULL,
    age_secret     TEXT NOT NULL,
    signing_secret BLOB NOT NULL,
    created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE spaces (
    id          TEXT PRIMARY KEY NOT NULL,     -- the space's UUIDv7, the same in every journal
    name        TEXT NOT NULL,
    folder      TEXT NOT NULL,                 -- this computer's path of the shared folder
    identity_id TEXT NOT NULL REFERENCES member_identities (id),
    lead_key    TEXT NOT NULL,                 -- the key id that signs the space's rosters
    next_seq    INTEGER NOT NULL DEFAULT 1,    -- this journal's next bundle number in the space
    last_hash   TEXT,                          -- the manifest hash of its last bundle
    joined_at   TEXT NOT NULL,
    removed_at  TEXT,                          -- when a roster this journal cannot read appeared
    last_read_at TEXT
) STRICT;

CREATE TABLE space_rosters (
    space_id TEXT NOT NULL REFERENCES spaces (id),
    epoch    INTEGER NOT NULL,
    roster   TEXT NOT NULL,                    -- the roster's JSON as signed
    PRIMARY KEY (space_id, epoch)
) STRICT;

-- Every version of a shared record at its highest revision: one row normally, more when two
-- versions share a revision (a conflict for the writer to resolve). Lower revisions are
-- dropped when a higher one arrives, so the result does not depend on the order of arrival.
CREATE TABLE space_records (
    space_id    TEXT NOT NULL REFERENCES spaces (id),
    id          TEXT NOT NULL,                 -- the record's UUIDv7 (never a private entry's id)
    hash        TEXT NOT NULL,                 -- of this version's exact JSON
    kind        TEXT NOT NULL,
    writer      TEXT NOT NULL,                 -- a member's key id, or an anonymous record's key
    author_key  TEXT,                          -- the member's key id when named, else NULL
    scope       TEXT,
    revision    INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    quarantine  TEXT,                          -- why the guard held it back, if it did
    record      TEXT NOT NULL,                 -- the exact JSON, unknown fields kept
    PRIMARY KEY (space_id, id, hash)
) STRICT;
CREATE INDEX space_records_by_kind ON space_records (space_id, kind, updated_at);

-- Private: which of this journal's entries were shared as what. Never travels.
CREATE TABLE space_shares (
    space_id    TEXT NOT NULL REFERENCES spaces (id),
    shared_id   TEXT NOT NULL,
    entry_id    TEXT NOT NULL REFERENCES entries (id),
    scope       TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    record_key  BLOB,                          -- the anonymous record's own signing key
    shared_at   TEXT NOT NULL,
    withdrawn_at TEXT,
    PRIMARY KEY (space_id, shared_id)
) STRICT;
CREATE INDEX space_shares_by_entry ON space_shares (entry_id);

-- Every file read from a space's folder, by the hash of its bytes: reading it twice changes
-- nothing, and a rejected file keeps its reason until it changes.
CREATE TABLE space_files (
    space_id  TEXT NOT NULL REFERENCES spaces (id),
    file_hash TEXT NOT NULL,
    name      TEXT NOT NULL,
    state     TEXT NOT NULL,                   -- applied | rejected | not_for_me
    code      TEXT,                            -- why a file was refused, for scripts
    reason    TEXT,                            -- and in words
    author    TEXT,                            -- key id of a named bundle's author
    seq       INTEGER,
    manifest_hash TEXT,
    prev      TEXT,
    read_at   TEXT NOT NULL,
    PRIMARY KEY (space_id, file_hash)
) STRICT;
CREATE INDEX space_files_by_author ON space_files (space_id, author, seq);

