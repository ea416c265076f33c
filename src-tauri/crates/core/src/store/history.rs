//! The `entry_versions` table: every saved version of an entry (written with it, by
//! `entries/write.rs`), read back, and restored as a new revision. Erased with its entry.

use super::Store;
use super::columns::instant_col;
use crate::error::{Error, Result};
use crate::id::EntryId;
use crate::locale::Locale;
use crate::reflection::answers::Answers;
use crate::reflection::entry::{Entry, EntryInput, ValidEntry};
use crate::reflection::entry_document;
use crate::reflection::history::{EntryVersion, VersionView, changed};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

/// Keeps the version just written, inside the save's transaction.
pub(super) fn record(
    conn: &Connection,
    id: EntryId,
    revision: i64,
    saved_at: &str,
    v: &ValidEntry,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO entry_versions (entry_id, revision, saved_at, guide_id, guide_version, complete, answers, tags) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id,
        revision,
        saved_at,
        v.guide_id,
        v.guide_version,
        v.complete,
        serde_json::to_string(&v.projection.answers).unwrap_or_else(|_| "{}".into()),
        serde_json::to_string(&v.tags).unwrap_or_else(|_| "[]".into()),
    ])?;
    Ok(())
}

/// Erases every version of the entry (its deletion's business).
pub(super) fn erase(conn: &Connection, id: EntryId) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM entry_versions WHERE entry_id = ?1")?
        .execute([id])?;
    Ok(())
}

/// A stored version, as read.
struct Stored {
    revision: u32,
    saved_at: DateTime<Utc>,
    guide_id: String,
    guide_version: u32,
    complete: bool,
    answers: Answers,
    tags: Vec<String>,
}

impl Store {
    fn saved_versions(&self, id: EntryId) -> Result<Vec<Stored>> {
        self.get_entry(id)?;
        self.conn
            .prepare_cached(
                "SELECT revision, saved_at, guide_id, guide_version, complete, answers, tags FROM entry_versions \
                 WHERE entry_id = ?1 ORDER BY revision",
            )
            .and_then(|mut s| {
                s.query_map([id], |r| {
                    Ok(Stored {
                        revision: r.get(0)?,
                        saved_at: instant_col(r, 1)?,
                        guide_id: r.get(2)?,
                        guide_version: r.get(3)?,
                        complete: r.get(4)?,
                        answers: serde_json::from_str(&r.get::<_, String>(5)?).unwrap_or_default(),
                        tags: serde_json::from_str(&r.get::<_, String>(6)?).unwrap_or_default(),
                    })
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))
    }

    fn order_of(&self, v: &Stored) -> Vec<&'static str> {
        self.guides
            .get(&v.guide_id, v.guide_version)
            .map(|g| g.questions().map(|q| q.id.as_str()).collect())
            .unwrap_or_default()
    }

    /// Every saved version of the entry, newest first, each with what it changed.
    pub fn entry_history(&self, id: EntryId) -> Result<Vec<EntryVersion>> {
        Ok(self.history_of(&self.saved_versions(id)?))
    }

    /// The versions read (oldest first) as the history shows them, newest first.
    fn history_of(&self, versions: &[Stored]) -> Vec<EntryVersion> {
        let newest = versions.last().map(|v| v.revision);
        let mut out: Vec<EntryVersion> = versions
            .iter()
            .enumerate()
            .map(|(i, v)| EntryVersion {
                revision: v.revision,
                saved_at: v.saved_at,
                current: Some(v.revision) == newest,
                changed: match i.checked_sub(1).map(|p| &versions[p]) {
                    Some(before) => changed(
                        (&before.answers, &before.tags),
                        (&v.answers, &v.tags),
                        &self.order_of(v),
                    ),
                    None => Vec::new(),
                },
            })
            .collect();
        out.reverse();
        out
    }

    /// One version whole, worded in `locale` by the guide version it was saved with.
    pub fn entry_version(&self, id: EntryId, revision: u32, locale: Locale) -> Result<VersionView> {
        let versions = self.saved_versions(id)?;
        let history = self.history_of(&versions);
        let (Some(v), Some(now)) = (versions.iter().find(|v| v.revision == revision), versions.last()) else {
            return Err(not_found(id, revision));
        };
        let guide = self
            .guides
            .get(&v.guide_id, v.guide_version)
            .ok_or_else(|| Error::NotFound {
                what: "guide",
                id: format!("{} v{}", v.guide_id, v.guide_version),
            })?;
        Ok(VersionView {
            version: history
                .into_iter()
                .find(|h| h.revision == revision)
                .ok_or_else(|| not_found(id, revision))?,
            document: entry_document(guide, &v.answers, locale),
            tags: v.tags.clone(),
            differs_from_current: changed((&v.answers, &v.tags), (&now.answers, &now.tags), &self.order_of(v)),
        })
    }

    /// Makes an older version the entry again, as a new revision (the versions in between
    /// stay in the history). The saving rules apply as to any save: a CPR number in the old
    /// version refuses the restore, as it would refuse the save.
    pub fn restore_version(&mut self, id: EntryId, revision: u32) -> Result<Entry> {
        let versions = self.saved_versions(id)?;
        let v = versions
            .into_iter()
            .find(|v| v.revision == revision)
            .ok_or_else(|| not_found(id, revision))?;
        let input = EntryInput {
            guide_id: v.guide_id,
            guide_version: Some(v.guide_version),
            answers: v.answers,
            complete: v.complete,
            tags: v.tags,
            override_personal_data: false,
            follows_up: None,
        };
        self.update_entry(id, &input, None)
    }
}

fn not_found(id: EntryId, revision: u32) -> Error {
    Error::NotFound {
        what: "version",
        id: format!("{id} revision {revision}"),
    }
}
