//! The `entry_links` table: typed links between entries, with the rules that keep chains sound.

use super::Store;
use crate::error::{Error, Problem, Result};
use crate::id::{EntryId, LinkId};
use crate::records::LinkRecord;
use crate::timeline::link::{EntryLinks, LinkKind, LinkedEntry};
use rusqlite::{Connection, OptionalExtension, Row, params};
use std::path::Path;

impl Store {
    /// The links, not deleted, between two of these entries, as records that travel (by id).
    pub(crate) fn link_records_among(&self, entries: &[EntryId]) -> Result<Vec<LinkRecord>> {
        let ids = serde_json::to_string(entries).map_err(|e| Error::caused("listing the entries", e))?;
        self.conn
            .prepare(
                "SELECT id, from_entry, to_entry, kind, author_id, created_at, updated_at, revision FROM entry_links \
                 WHERE deleted_at IS NULL AND from_entry IN (SELECT value FROM json_each(?1)) \
                 AND to_entry IN (SELECT value FROM json_each(?1)) ORDER BY id",
            )
            .and_then(|mut s| {
                s.query_map([&ids], |r| {
                    Ok(LinkRecord {
                        id: r.get(0)?,
                        from: r.get(1)?,
                        to: r.get(2)?,
                        kind: r.get(3)?,
                        author: r.get(4)?,
                        created_at: r.get(5)?,
                        updated_at: r.get(6)?,
                        revision: r.get(7)?,
                    })
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// Links `from` to `to` ("from follows up on to", …). Refused: a link to itself, to or from
    /// an entry that does not exist, and a "follows up on" that would make the chain a circle.
    /// Linking twice the same way is harmless and returns the existing link.
    pub fn link_entries(&mut self, from: EntryId, to: EntryId, kind: LinkKind) -> Result<LinkId> {
        let now = crate::time::to_db(crate::time::now());
        link(
            &self.conn,
            &self.path,
            from,
            to,
            kind,
            &self.installation_id.to_string(),
            &now,
        )
    }

    /// Makes many links in one durable transaction (demo data, imports), each checked like
    /// [`Store::link_entries`] against the links made before it.
    pub fn link_many(&mut self, links: &[(EntryId, EntryId, LinkKind)]) -> Result<usize> {
        self.conn.execute_batch("BEGIN IMMEDIATE").map_err(|e| self.fail(e))?;
        let now = crate::time::to_db(crate::time::now());
        let author = self.installation_id.to_string();
        for (from, to, kind) in links {
            let made = link(&self.conn, &self.path, *from, *to, *kind, &author, &now);
            if let Err(e) = made {
                let _ = self.conn.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
        self.conn.execute_batch("COMMIT").map_err(|e| self.fail(e))?;
        Ok(links.len())
    }

    /// Removes a link. Removing one that is already gone is not an error.
    pub fn unlink(&mut self, id: LinkId) -> Result<()> {
        let now = crate::time::to_db(crate::time::now());
        self.conn
            .execute(
                "UPDATE entry_links SET deleted_at = ?2, updated_at = ?2, revision = revision + 1 \
                 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, now],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// An entry's links both ways; a deleted entry at the other end shows as a gap.
    pub fn links_of(&self, entry: EntryId) -> Result<EntryLinks> {
        let query = |sql: &str| -> Result<Vec<LinkedEntry>> {
            self.conn
                .prepare_cached(sql)
                .and_then(|mut s| s.query_map([entry], linked_from_row)?.collect())
                .map_err(|e| self.fail(e))
        };
        Ok(EntryLinks {
            to: query(
                "SELECT l.id, l.kind, e.id, e.deleted_at IS NULL, e.occurred_on, e.title, e.outcome FROM entry_links l \
                 JOIN entries e ON e.id = l.to_entry WHERE l.from_entry = ?1 AND l.deleted_at IS NULL \
                 ORDER BY e.occurred_on DESC",
            )?,
            from: query(
                "SELECT l.id, l.kind, e.id, e.deleted_at IS NULL, e.occurred_on, e.title, e.outcome FROM entry_links l \
                 JOIN entries e ON e.id = l.from_entry WHERE l.to_entry = ?1 AND l.deleted_at IS NULL \
                 ORDER BY e.occurred_on",
            )?,
        })
    }

    /// The attempt this entry follows up on, if any (the newest, should there be several).
    pub fn follows_up_on(&self, entry: EntryId) -> Result<Option<EntryId>> {
        Ok(self
            .links_of(entry)?
            .to
            .into_iter()
            .find(|l| l.kind == LinkKind::FollowsUp && l.exists)
            .map(|l| l.entry_id))
    }
}

/// Checks and makes a link on `conn` (the store's connection, or a save's transaction, so a
/// follow-up is written with its entry): the rules of [`Store::link_entries`].
pub(super) fn link(
    conn: &Connection,
    path: &Path,
    from: EntryId,
    to: EntryId,
    kind: LinkKind,
    author: &str,
    now: &str,
) -> Result<LinkId> {
    check_link(conn, path, from, to, kind)?;
    insert_link(conn, from, to, kind, author, now).map_err(|e| Error::from_sqlite(path, e))
}

/// A link from an import, with its own id and metadata, checked as any link is (both entries
/// there, no circle). Returns whether it was new.
pub(super) fn import_link(conn: &Connection, path: &Path, l: &LinkRecord, kind: LinkKind) -> Result<bool> {
    let known: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM entry_links WHERE id = ?1)")
        .and_then(|mut s| s.query_row([l.id], |r| r.get(0)))
        .map_err(|e| Error::from_sqlite(path, e))?;
    if known {
        return Ok(false);
    }
    check_link(conn, path, l.from, l.to, kind).map_err(|e| match e {
        Error::Invalid { problem, message, .. } => {
            Error::invalid(&format!("links.{}", l.id), problem, format!("{message}. Nothing was imported"))
        }
        Error::NotFound { id, .. } => Error::invalid(
            &format!("links.{}", l.id),
            Problem::UnknownValue,
            format!("the link {} names the entry {id}, which is neither in the file nor in this journal. Nothing was imported", l.id),
        ),
        other => other,
    })?;
    conn.prepare_cached(
        "INSERT INTO entry_links (id, from_entry, to_entry, kind, author_id, created_at, updated_at, revision) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )
    .and_then(|mut s| {
        s.execute(params![
            l.id,
            l.from,
            l.to,
            kind.code(),
            l.author,
            l.created_at,
            l.updated_at,
            l.revision
        ])
    })
    .map_err(|e| Error::from_sqlite(path, e))?;
    Ok(true)
}

fn check_link(conn: &Connection, path: &Path, from: EntryId, to: EntryId, kind: LinkKind) -> Result<()> {
    if from == to {
        return Err(Error::invalid(
            "to",
            Problem::SelfLink,
            "an entry cannot be linked to itself",
        ));
    }
    for (field, id) in [("from", from), ("to", to)] {
        let exists: bool = conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM entries WHERE id = ?1 AND deleted_at IS NULL)")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)))
            .map_err(|e| Error::from_sqlite(path, e))?;
        if !exists {
            return Err(Error::NotFound {
                what: if field == "from" { "entry" } else { "entry to link to" },
                id: id.to_string(),
            });
        }
    }
    if kind == LinkKind::FollowsUp && follows_up_transitively(conn, path, to, from)? {
        return Err(Error::invalid(
            "to",
            Problem::Cycle,
            "that would make the attempt chain a circle: the other entry already follows up on this one",
        ));
    }
    Ok(())
}

/// Whether `later` follows up on `earlier`, directly or through a chain.
fn follows_up_transitively(conn: &Connection, path: &Path, later: EntryId, earlier: EntryId) -> Result<bool> {
    conn.prepare_cached(
        "WITH RECURSIVE chain(id) AS ( \
               SELECT to_entry FROM entry_links WHERE from_entry = ?1 AND kind = 'follows_up' AND deleted_at IS NULL \
               UNION \
               SELECT l.to_entry FROM entry_links l JOIN chain c ON l.from_entry = c.id \
               WHERE l.kind = 'follows_up' AND l.deleted_at IS NULL) \
             SELECT EXISTS (SELECT 1 FROM chain WHERE id = ?2)",
    )
    .and_then(|mut s| s.query_row(params![later, earlier], |r| r.get(0)))
    .map_err(|e| Error::from_sqlite(path, e))
}

/// Inserts a checked link; linking twice the same way returns the existing link.
fn insert_link(
    conn: &rusqlite::Connection,
    from: EntryId,
    to: EntryId,
    kind: LinkKind,
    author: &str,
    now: &str,
) -> rusqlite::Result<LinkId> {
    let existing: Option<LinkId> = conn
        .prepare_cached(
            "SELECT id FROM entry_links WHERE from_entry = ?1 AND to_entry = ?2 AND kind = ?3 AND deleted_at IS NULL",
        )?
        .query_row(params![from, to, kind.code()], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let id = LinkId::new();
    conn.prepare_cached(
        "INSERT INTO entry_links (id, from_entry, to_entry, kind, author_id, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    )?
    .execute(params![id, from, to, kind.code(), author, now])?;
    Ok(id)
}

fn linked_from_row(row: &Row<'_>) -> rusqlite::Result<LinkedEntry> {
    let kind: String = row.get(1)?;
    let exists: bool = row.get(3)?;
    let day: String = row.get(4)?;
    let outcome: String = row.get(6)?;
    Ok(LinkedEntry {
        link_id: row.get(0)?,
        kind: LinkKind::from_code(&kind).unwrap_or(LinkKind::Related),
        entry_id: row.get(2)?,
        exists,
        occurred_on: exists.then(|| crate::time::parse_date(&day)).flatten(),
        title: exists.then(|| row.get::<_, String>(5)).transpose()?,
        outcome: exists.then(|| outcome.parse().ok()).flatten(),
    })
}
