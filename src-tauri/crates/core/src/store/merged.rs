//! Records that arrive whole from elsewhere (an import of a journal's export), merged by id
//! and revision in one transaction: an entry this journal lacks is added; one it has in an
//! older revision is replaced only when the person accepted it; one it has as it is (or
//! newer) is left; one deleted here stays deleted. What is merged was checked before
//! (`export/import.rs`); a cancel or a failure changes nothing.

use super::Store;
use super::entry_meta::Meta;
use crate::error::{Error, Result};
use crate::id::EntryId;
use crate::progress::{OnProgress, Progress};
use crate::records::{EntryRecord, InitiativeRecord, LinkRecord};
use crate::reflection::entry::ValidEntry;
use crate::reflection::texts::EntryText;
use crate::timeline::link::LinkKind;
use rusqlite::{OptionalExtension, Transaction, params};

/// An entry of a file, checked by its guide and the privacy rules, ready to merge.
pub(crate) struct Arriving<'a> {
    pub record: &'a EntryRecord,
    pub valid: ValidEntry,
    pub texts: Vec<EntryText>,
}

/// What became of one arriving entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Merged {
    Added,
    Updated,
    /// This journal has it as it is, or newer.
    Unchanged,
    /// Deleted here: a deletion is never undone by what arrives.
    DeletedHere,
    /// Older here, and the person did not accept the change.
    Declined,
}

/// What a merge did: each entry's fate in order, and the initiatives and links it added or
/// changed.
#[derive(Debug, Default)]
pub(crate) struct Merge {
    pub entries: Vec<Merged>,
    pub initiatives: u32,
    pub links: u32,
}

impl Store {
    /// An entry's revision here and whether it is deleted, if this journal has it.
    pub(crate) fn revision_here(&self, id: EntryId) -> Result<Option<(i64, bool)>> {
        revision(&self.conn, id).map_err(|e| self.fail(e))
    }

    /// Whether the action `id` is in this journal under another entry than `entry`.
    pub(crate) fn action_elsewhere(&self, id: crate::id::ActionId, entry: EntryId) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM actions WHERE id = ?1 AND entry_id != ?2)")
            .and_then(|mut s| s.query_row(params![id, entry], |r| r.get(0)))
            .map_err(|e| self.fail(e))
    }

    /// Merges what arrived in one transaction, changing only the existing entries named in
    /// `accept`. Cancelled (`on_progress` returns `false`), nothing is changed.
    pub(crate) fn merge_arriving(
        &mut self,
        initiatives: &[InitiativeRecord],
        entries: &[Arriving<'_>],
        links: &[LinkRecord],
        accept: &[EntryId],
        on_progress: &mut OnProgress<'_>,
    ) -> Result<Merge> {
        let path = self.path.clone();
        let sql = |e| Error::from_sqlite(&path, e);
        let total = entries.len() as u64;
        let tx = self.conn.transaction().map_err(sql)?;
        let mut merge = Merge::default();
        for i in initiatives {
            merge.initiatives += u32::from(merge_initiative(&tx, i).map_err(sql)?);
        }
        for (n, a) in entries.iter().enumerate() {
            if n % 100 == 0 && !on_progress(Progress { done: n as u64, total }) {
                return Err(Error::Cancelled { what: "the import" });
            }
            let fate = merge_entry(&tx, a, accept.contains(&a.record.id)).map_err(sql)?;
            merge.entries.push(fate);
        }
        for l in links {
            let kind = LinkKind::from_code(&l.kind).unwrap_or(LinkKind::Related);
            merge.links += u32::from(super::links::import_link(&tx, &path, l, kind)?);
        }
        if !on_progress(Progress { done: total, total }) {
            return Err(Error::Cancelled { what: "the import" });
        }
        tx.commit().map_err(sql)?;
        Ok(merge)
    }
}

fn revision(conn: &rusqlite::Connection, id: EntryId) -> rusqlite::Result<Option<(i64, bool)>> {
    conn.prepare_cached("SELECT revision, deleted_at IS NOT NULL FROM entries WHERE id = ?1")?
        .query_row([id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()
}

/// An initiative the journal lacks is added; one it has in an older revision takes the file's
/// words. Returns whether anything changed.
fn merge_initiative(tx: &Transaction<'_>, i: &InitiativeRecord) -> rusqlite::Result<bool> {
    let have: Option<i64> = tx
        .prepare_cached("SELECT revision FROM initiatives WHERE id = ?1")?
        .query_row([i.id], |r| r.get(0))
        .optional()?;
    let key = crate::name_key::name_key(i.title.trim());
    let n = match have {
        None => tx
            .prepare_cached(
                "INSERT INTO initiatives (id, title, title_key, neighbourhood, citizen_group, purpose, author_id, \
                 created_at, updated_at, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                i.id, i.title.trim(), key, i.neighbourhood, i.citizen_group, i.purpose, i.author, i.created_at, i.updated_at, i.revision
            ])?,
        Some(rev) if rev < i64::from(i.revision) => tx
            .prepare_cached(
                "UPDATE initiatives SET title = ?2, title_key = ?3, neighbourhood = ?4, citizen_group = ?5, purpose = ?6, \
                 updated_at = ?7, revision = ?8 WHERE id = ?1 AND deleted_at IS NULL",
            )?
            .execute(params![i.id, i.title.trim(), key, i.neighbourhood, i.citizen_group, i.purpose, i.updated_at, i.revision])?,
        Some(_) => 0,
    };
    Ok(n > 0)
}

/// One entry merged by revision; returns what became of it.
fn merge_entry(tx: &Transaction<'_>, c: &Arriving<'_>, accepted: bool) -> rusqlite::Result<Merged> {
    let r = c.record;
    let (before, fate) = match revision(tx, r.id)? {
        Some((_, true)) => return Ok(Merged::DeletedHere),
        Some((rev, false)) if rev >= i64::from(r.revision) => return Ok(Merged::Unchanged),
        Some(_) if !accepted => return Ok(Merged::Declined),
        Some(_) => (Some(super::entries::existing_initiative(tx, r.id)?), Merged::Updated),
        None => (None, Merged::Added),
    };
    let meta = Meta {
        id: r.id,
        author: r.author.clone(),
        created_at: r.created_at.clone(),
        updated_at: r.updated_at.clone(),
        revision: i64::from(r.revision),
        completed_at: r.completed_at.clone(),
    };
    super::entries::write_merged(tx, &meta, &c.valid, &c.texts, before)?;
    for a in &r.actions {
        tx.prepare_cached(
            "UPDATE actions SET status = ?3, status_note = ?4, created_at = ?5, updated_at = ?6 WHERE id = ?1 AND entry_id = ?2",
        )?
        .execute(params![a.id, r.id, a.status, a.status_note, a.created_at, a.updated_at])?;
    }
    Ok(fate)
}
