//! The merge rule for one version of a shared record (one version inside the caller's
//! transaction; a bundle's versions in one of their own, `merge_bundle`):
//! the highest revision wins; two different versions at the same revision are both kept (a
//! conflict for their writer to resolve); the same version twice changes nothing. A record's
//! writer is fixed by its first version: another writer's version of the id is refused.
//!
//! A shared reflection's withdrawal erases the comments on it, and a comment on a withdrawn
//! reflection is not kept, so that too ends the same in any order.
//!
//! So for versions from one writer the result is the same in any order of arrival. (A member
//! forging another's record id could only race the real one; the real writer's named records
//! stay theirs, because a named version's writer is its signed author.)

use super::super::Store;
use crate::error::Result;
use crate::spaces::format::keys::short_hash;
use crate::spaces::format::record::{COMMENT, ENTRY, Record, texts_of};
use rusqlite::{Connection, OptionalExtension, params};

/// One version as it is merged: with the guard's verdict on its texts.
pub(crate) fn incoming<'a>(
    space: &'a str,
    record: &'a Record,
    json: &'a str,
    writer: &'a str,
    author_key: Option<&'a str>,
    arrived_at: &'a str,
) -> Incoming<'a> {
    Incoming {
        space,
        record,
        json,
        writer,
        author_key,
        quarantine: quarantine_of(record),
        arrived_at,
    }
}

/// Why the guard holds a version back at reading, if it does: a CPR number in any of its texts.
fn quarantine_of(record: &Record) -> Option<String> {
    texts_of(&record.body)
        .into_iter()
        .find(|(_, t)| crate::privacy::count_cpr(t) > 0)
        .map(|(at, _)| format!("{at} holds a CPR number"))
}

/// How a bundle's records merged, all or nothing.
pub(crate) enum BundleMerged {
    /// Applied; this many versions were taken.
    Taken(usize),
    /// Nothing applied: this record's id belongs to another writer.
    OtherWriter(String),
}

impl Store {
    /// Merges a bundle's records — each `(record, its JSON, its writer)` — and records `file`
    /// as applied, in one transaction: all of them, or (when one record's id belongs to another
    /// writer) none.
    pub(crate) fn merge_bundle(
        &self,
        records: &[(&Record, &str, String)],
        author: Option<&str>,
        arrived_at: &str,
        file: &AppliedFile<'_>,
    ) -> Result<BundleMerged> {
        let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        let mut taken = 0;
        for (record, json, writer) in records {
            let merged = merge(&tx, &incoming(file.space, record, json, writer, author, arrived_at))
                .map_err(|e| self.fail(e))?;
            match merged {
                Merged::Taken => taken += 1,
                Merged::Unchanged => {}
                Merged::OtherWriter => return Ok(BundleMerged::OtherWriter(record.id.clone())),
            }
        }
        remember_file(&tx, file, records.iter().map(|(r, _, _)| r.id.as_str())).map_err(|e| self.fail(e))?;
        tx.commit().map_err(|e| self.fail(e))?;
        Ok(BundleMerged::Taken(taken))
    }

    /// Merges one version, inside the caller's transaction (`Store::in_one_transaction`).
    pub(crate) fn merge_version(&self, v: &Incoming<'_>) -> Result<Merged> {
        merge(&self.conn, v).map_err(|e| self.fail(e))
    }

    /// Records `file` as applied, with its records, inside the caller's transaction.
    pub(crate) fn remember_applied_file<'a>(
        &self,
        file: &AppliedFile<'_>,
        ids: impl Iterator<Item = &'a str>,
    ) -> Result<()> {
        remember_file(&self.conn, file, ids).map_err(|e| self.fail(e))
    }
}

/// One incoming version, checked by the bundle's signature.
pub(crate) struct Incoming<'a> {
    pub space: &'a str,
    pub record: &'a Record,
    /// The version's exact JSON.
    pub json: &'a str,
    pub writer: &'a str,
    pub author_key: Option<&'a str>,
    /// Why the guard holds it back, if it does.
    pub quarantine: Option<String>,
    /// When it reached this journal, by this computer's clock (the review queue's order); kept
    /// to the day for a record without a name, so its arrival points at nobody's other shares.
    pub arrived_at: &'a str,
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Merged {
    /// The version is now the record (or one of its conflicting versions).
    Taken,
    /// Already known, or older than what is kept.
    Unchanged,
    /// The id belongs to another writer.
    OtherWriter,
}

pub(super) fn merge(conn: &Connection, v: &Incoming<'_>) -> rusqlite::Result<Merged> {
    // A comment on a withdrawn share is erased with it, in whichever order the two arrive.
    if v.record.kind == COMMENT
        && let Some(on) = v.record.body.get("on").and_then(|o| o.as_str())
        && withdrawn(conn, v.space, on)?
    {
        return Ok(Merged::Unchanged);
    }
    let kept: Option<(String, i64)> = conn
        .prepare_cached(
            "SELECT writer, max(revision) FROM space_records WHERE space_id = ?1 AND id = ?2 GROUP BY writer",
        )?
        .query_row(params![v.space, v.record.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let revision = v.record.revision as i64;
    if let Some((writer, top)) = &kept {
        if writer != v.writer {
            return Ok(Merged::OtherWriter);
        }
        if revision < *top {
            return Ok(Merged::Unchanged);
        }
        if revision > *top {
            conn.prepare_cached("DELETE FROM space_records WHERE space_id = ?1 AND id = ?2")?
                .execute(params![v.space, v.record.id])?;
        }
    }
    let inserted = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO space_records (space_id, id, hash, kind, writer, author_key, scope, revision, \
             updated_at, deleted, quarantine, record, arrived_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            v.space,
            v.record.id,
            short_hash(&[v.json.as_bytes()]),
            v.record.kind,
            v.writer,
            v.author_key,
            v.record.scope.map(|s| s.code()),
            revision,
            v.record.updated_at,
            v.record.deleted,
            v.quarantine,
            v.json,
            if v.record.scope.is_some_and(|s| s.is_anonymous()) {
                v.arrived_at.get(..10).unwrap_or(v.arrived_at)
            } else {
                v.arrived_at
            }
        ])?;
    if inserted == 1 && v.record.kind == ENTRY && v.record.deleted {
        conn.prepare_cached(
            "DELETE FROM space_records WHERE space_id = ?1 AND kind = 'comment' AND json_extract(record, '$.body.on') = ?2",
        )?
        .execute(params![v.space, v.record.id])?;
    }
    Ok(if inserted == 1 {
        Merged::Taken
    } else {
        Merged::Unchanged
    })
}

/// Whether the shared reflection `id` was withdrawn (a withdrawal is final: sharing again makes
/// a new record).
fn withdrawn(conn: &Connection, space: &str, id: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM space_records WHERE space_id = ?1 AND id = ?2 AND deleted)")?
        .query_row(params![space, id], |r| r.get(0))
}

/// A bundle file this journal applied (read, or wrote itself), as its row records it.
pub(crate) struct AppliedFile<'a> {
    pub space: &'a str,
    pub hash: &'a str,
    /// Its path inside the space's folder.
    pub name: &'a str,
    pub author: Option<&'a str>,
    pub seq: Option<i64>,
    /// Its place in its author's chain: its manifest's hash, or the one a replacement names.
    pub manifest_hash: Option<&'a str>,
    pub prev: Option<&'a str>,
    pub epoch: i64,
}

/// Records `file` as applied now, with the ids of the records it carried.
pub(super) fn remember_file<'a>(
    conn: &Connection,
    file: &AppliedFile<'_>,
    ids: impl Iterator<Item = &'a str>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO space_files (space_id, file_hash, name, state, author, seq, manifest_hash, prev, \
         read_at, epoch) VALUES (?1, ?2, ?3, 'applied', ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        file.space,
        file.hash,
        file.name,
        file.author,
        file.seq,
        file.manifest_hash,
        file.prev,
        crate::time::to_db(crate::time::now()),
        file.epoch
    ])?;
    remember_records(conn, file.space, file.hash, ids)
}

/// Which records an applied file carried: what is taken back if the file is sealed out later.
fn remember_records<'a>(
    conn: &rusqlite::Connection,
    space: &str,
    file_hash: &str,
    ids: impl Iterator<Item = &'a str>,
) -> rusqlite::Result<()> {
    let ids: Vec<&str> = ids.collect();
    let json = serde_json::to_string(&ids).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO space_file_records (space_id, file_hash, record_ids) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![space, file_hash, json])?;
    Ok(())
}
